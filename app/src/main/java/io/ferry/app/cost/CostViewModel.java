package io.ferry.app.cost;

import io.ferry.cost.Assumptions;
import io.ferry.cost.CostCalculator;
import io.ferry.cost.CostCsv;
import io.ferry.cost.CostProjection;
import io.ferry.cost.CostReport;
import io.ferry.cost.InstancePrice;
import io.ferry.cost.Money;
import io.ferry.cost.Overrides;
import io.ferry.cost.PriceCatalogue;
import io.ferry.cost.Scenario;
import io.ferry.cost.ScenarioException;
import io.ferry.cost.ScenarioLoader;
import io.ferry.cost.Sensitivity;
import io.ferry.cost.Suggestions;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Cost view's state and commands. Properties out (projection, break-even, assumptions, error), commands in
 * (load, save, export, edit a node group, move a slider). Never touches a control, so it is tested without a
 * screen. The projection is recomputed on the calling (FX) thread on every change: one 60-month run takes a
 * fraction of a millisecond, so the sliders stay live. The sensitivity curves (18 more runs) go to the
 * {@code background} executor, coalesced so only the latest inputs are computed, and come back through
 * {@code ui}.
 */
public final class CostViewModel {
    private final PriceCatalogue catalogue;
    private final CostCalculator calculator;

    private Scenario base;
    private final ObservableList<NodeGroupRow> nodeGroups = FXCollections.observableArrayList(
            r -> new Observable[]{r.roleProperty(), r.countProperty(), r.instanceTypeProperty(), r.ebsTypeProperty(),
                    r.ebsGbPerNodeProperty(), r.purchaseProperty()});
    private final DoubleProperty growthPercent = new SimpleDoubleProperty();
    private final DoubleProperty powerPricePerKwh = new SimpleDoubleProperty();
    private final DoubleProperty discountShiftPoints = new SimpleDoubleProperty();
    private final IntegerProperty horizonMonths = new SimpleIntegerProperty(60);

    private final ReadOnlyObjectWrapper<CostProjection> projection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper scenarioName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper breakEvenText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper totalsText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper assumptionsSummary = new ReadOnlyStringWrapper("");
    private final ObservableList<Assumptions.Line> assumptions = FXCollections.observableArrayList();
    private final ObservableList<String> suggestions = FXCollections.observableArrayList();
    private final ObservableList<Sensitivity.Curve> sensitivity = FXCollections.observableArrayList();
    private final ObservableList<String> instanceTypes;
    private boolean loading;
    private final Executor background;
    private final Executor ui;
    private final AtomicReference<Runnable> pendingSensitivity = new AtomicReference<>();

    /** Everything on the calling thread (tests, scripts). */
    public CostViewModel(PriceCatalogue catalogue) {
        this(catalogue, Runnable::run, Runnable::run);
    }

    public CostViewModel(PriceCatalogue catalogue, Executor background, Executor ui) {
        this.catalogue = catalogue;
        this.background = background;
        this.ui = ui;
        this.calculator = new CostCalculator(catalogue);
        this.instanceTypes = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(
                catalogue.ec2Types().stream().map(InstancePrice::type).sorted().toList()));
        nodeGroups.addListener((javafx.collections.ListChangeListener<NodeGroupRow>) c -> recompute());
        growthPercent.addListener((o, a, b) -> recompute());
        powerPricePerKwh.addListener((o, a, b) -> recompute());
        discountShiftPoints.addListener((o, a, b) -> recompute());
        horizonMonths.addListener((o, a, b) -> recompute());
    }

    /** With the shipped catalogue and the Druid preset loaded, everything on the calling thread. */
    public static CostViewModel withPreset() {
        return withPreset(PriceCatalogue.shipped(), Runnable::run, Runnable::run);
    }

    /** What the console shows first: the Druid preset priced with the refreshed catalogue if there is one. */
    public static CostViewModel withPreset(Executor background, Executor ui) {
        return withPreset(PriceCatalogue.standard(), background, ui);
    }

    public static CostViewModel withPreset(PriceCatalogue catalogue, Executor background, Executor ui) {
        CostViewModel vm = new CostViewModel(catalogue, background, ui);
        vm.loadPreset("druid-adtech");
        return vm;
    }

    // ---- commands

    public void loadPreset(String name) {
        load(ScenarioLoader.preset(name));
    }

    /** Loads a YAML file; a bad file leaves the current scenario and sets {@link #errorProperty()}. */
    public boolean loadFile(Path file) {
        try {
            load(ScenarioLoader.load(file));
            return true;
        } catch (ScenarioException e) {
            error.set(e.getMessage());
            return false;
        }
    }

    public void load(Scenario s) {
        loading = true;
        try {
            base = s;
            scenarioName.set(s.name() == null ? "(unnamed scenario)" : s.name());
            nodeGroups.setAll(s.cloud() == null ? List.of() : s.cloud().groups().stream().map(NodeGroupRow::new).toList());
            growthPercent.set(s.monthlyGrowthPercent());
            Scenario.Power p = s.owned() == null ? null : s.owned().power();
            powerPricePerKwh.set(p == null || p.pricePerKwh() == null ? 0 : p.pricePerKwh());
            discountShiftPoints.set(0);
            horizonMonths.set(s.horizon());
        } finally {
            loading = false;
        }
        recompute();
    }

    /** The scenario as edited (node groups, horizon, growth and power price; the discount shift is a what-if only). */
    public Scenario currentScenario() {
        Scenario s = base.withHorizon(horizonMonths.get()).withGrowthPercent(growthPercent.get());
        if (s.cloud() != null) {
            s = s.withCloud(s.cloud().withNodeGroups(nodeGroups.stream().map(NodeGroupRow::toNodeGroup).toList()));
        }
        if (s.owned() != null) {
            Scenario.Power p = s.owned().power();
            s = s.withOwned(s.owned().withPower(new Scenario.Power(p == null ? null : p.pue(), powerPricePerKwh.get())));
        }
        return s;
    }

    public void save(Path file) throws IOException {
        ScenarioLoader.save(currentScenario(), file);
    }

    public void exportCsv(Path file) throws IOException {
        CostProjection p = projection.get();
        if (p == null) {
            throw new IllegalStateException("nothing to export: " + error.get());
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CostCsv.write(p, w);
        }
    }

    public void addNodeGroup() {
        String role = "group-" + (nodeGroups.size() + 1);
        nodeGroups.add(new NodeGroupRow(new Scenario.NodeGroup(role, 1, "m6i.xlarge", null, null, null, null)));
    }

    public void removeNodeGroup(NodeGroupRow row) {
        nodeGroups.remove(row);
    }

    /** Recomputes from the current inputs; invalid input keeps the last good result and explains in {@code error}. */
    public void recompute() {
        if (loading || base == null) {
            return;
        }
        try {
            Scenario s = currentScenario();
            Overrides o = Overrides.NONE.withDiscountShift(discountShiftPoints.get());
            CostProjection p = calculator.compute(s, o);
            error.set("");
            projection.set(p);
            breakEvenText.set("Break-even: " + CostReport.breakEvenText(p.breakEvenMonth(), p.horizon()));
            StringBuilder totals = new StringBuilder().append("Over ").append(p.horizon()).append(" months: cloud ")
                    .append(Money.dollars(p.cloudTotal())).append(", owned ").append(Money.dollars(p.ownedTotal()));
            if (p.cloudPerUnit().isPresent()) {
                totals.append(String.format(Locale.ROOT, "; per %s: cloud %s, owned %s", p.unitName(),
                        Money.dollarsAndCents(p.cloudPerUnit().getAsDouble()),
                        Money.dollarsAndCents(p.ownedPerUnit().getAsDouble())));
            }
            totalsText.set(totals.toString());
            assumptions.setAll(Assumptions.of(p, catalogue));
            assumptionsSummary.set("Assumptions: " + Assumptions.summary(p, catalogue) + " (all in the Assumptions tab)");
            suggestions.setAll(Suggestions.of(s, catalogue));
            requestSensitivity(s, o);
        } catch (ScenarioException e) {
            error.set(String.join("\n", e.problems()));
        }
    }

    /** Latest inputs win: a run already queued picks up the newest request instead of queueing another. */
    private void requestSensitivity(Scenario s, Overrides o) {
        Runnable job = () -> {
            List<Sensitivity.Curve> curves = new Sensitivity(calculator).all(s, o);
            ui.execute(() -> sensitivity.setAll(curves));
        };
        if (pendingSensitivity.getAndSet(job) == null) {
            background.execute(() -> {
                Runnable latest = pendingSensitivity.getAndSet(null);
                if (latest != null) {
                    latest.run();
                }
            });
        }
    }

    // ---- properties

    public ObservableList<NodeGroupRow> nodeGroups() {
        return nodeGroups;
    }

    public DoubleProperty growthPercentProperty() {
        return growthPercent;
    }

    public DoubleProperty powerPricePerKwhProperty() {
        return powerPricePerKwh;
    }

    public DoubleProperty discountShiftPointsProperty() {
        return discountShiftPoints;
    }

    public IntegerProperty horizonMonthsProperty() {
        return horizonMonths;
    }

    public ReadOnlyObjectProperty<CostProjection> projectionProperty() {
        return projection.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scenarioNameProperty() {
        return scenarioName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty breakEvenTextProperty() {
        return breakEvenText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty totalsTextProperty() {
        return totalsText.getReadOnlyProperty();
    }

    /** The key assumptions in one line, shown under the charts (and so in the PNG export). */
    public ReadOnlyStringProperty assumptionsSummaryProperty() {
        return assumptionsSummary.getReadOnlyProperty();
    }

    /** Empty when the inputs are valid; otherwise one problem per line, each naming its field. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObservableList<Assumptions.Line> assumptions() {
        return assumptions;
    }

    public ObservableList<String> suggestions() {
        return suggestions;
    }

    public ObservableList<Sensitivity.Curve> sensitivity() {
        return sensitivity;
    }

    /** EC2 instance types of the catalogue, for auto-completion. */
    public ObservableList<String> instanceTypes() {
        return instanceTypes;
    }

    public List<String> ebsTypes() {
        return catalogue.ebsTypes().stream().sorted().toList();
    }

    public PriceCatalogue catalogue() {
        return catalogue;
    }
}

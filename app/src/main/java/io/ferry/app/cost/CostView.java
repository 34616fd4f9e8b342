package io.ferry.app.cost;

import io.ferry.cost.Assumptions;
import io.ferry.cost.CostComponent;
import io.ferry.cost.CostProjection;
import io.ferry.cost.PriceCatalogue;
import io.ferry.cost.PurchaseOption;
import io.ferry.cost.Sensitivity;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.ChoiceBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.converter.DoubleStringConverter;
import javafx.util.converter.IntegerStringConverter;

import javax.imageio.ImageIO;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The Cost view: the scenario's node groups and what-if sliders on the left, the cumulative curves with the
 * break-even marked and a stacked breakdown in the middle, assumptions, sensitivity and suggestions below.
 * Built in code; all state lives in {@link CostViewModel}. Charts are JavaFX's own (a 60-point line chart and
 * a two-bar stacked chart need none of ChartFX's high-rate machinery).
 */
public final class CostView extends BorderPane {
    private final CostViewModel vm;
    private final NumberAxis monthAxis = new NumberAxis();
    private final NumberAxis dollarAxis = new NumberAxis();
    private final LineChart<Number, Number> cumulative = new LineChart<>(monthAxis, dollarAxis);
    private final CategoryAxis sideAxis = new CategoryAxis(FXCollections.observableArrayList("cloud", "owned"));
    private final StackedBarChart<String, Number> breakdown = new StackedBarChart<>(sideAxis, new NumberAxis());
    private final VBox charts;
    private final Label status = new Label();

    public CostView(CostViewModel vm) {
        this.vm = vm;
        setId("page-cost");
        setPadding(new Insets(8));

        Label title = new Label("Cost");
        title.getStyleClass().addAll(atlantafx.base.theme.Styles.TITLE_2, "page-title");
        title.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label scenario = new Label();
        scenario.textProperty().bind(vm.scenarioNameProperty());
        scenario.setStyle("-fx-font-size: 1.1em;");
        HBox top = new HBox(8, title, scenario, spacer(), button("Load…", this::load), button("Save…", this::save),
                button("Druid preset", () -> vm.loadPreset("druid-adtech")),
                button("Export CSV…", this::exportCsv), button("Export PNG…", this::exportPng));
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(0, 0, 8, 0));
        setTop(top);

        setLeft(inputs());

        Label breakEven = new Label();
        breakEven.setId("breakEvenLabel");
        breakEven.textProperty().bind(vm.breakEvenTextProperty());
        breakEven.setStyle("-fx-font-size: 1.4em; -fx-font-weight: bold;");
        breakEven.setWrapText(true);
        breakEven.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label totals = new Label();
        totals.setId("totalsLabel");
        totals.textProperty().bind(vm.totalsTextProperty());
        totals.setWrapText(true);
        totals.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        cumulative.setId("cumulativeChart");
        cumulative.setTitle("Cumulative cost");
        cumulative.setAnimated(false);
        cumulative.setCreateSymbols(false);
        monthAxis.setLabel("month");
        monthAxis.setForceZeroInRange(false);
        dollarAxis.setLabel("US$");
        breakdown.setId("breakdownChart");
        breakdown.setTitle("Breakdown over the horizon");
        breakdown.setAnimated(false);
        breakdown.setLegendSide(javafx.geometry.Side.RIGHT);
        VBox.setVgrow(cumulative, Priority.ALWAYS);
        Label caption = new Label();
        caption.setId("assumptionsCaption");
        caption.textProperty().bind(vm.assumptionsSummaryProperty());
        caption.setWrapText(true);
        caption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        caption.setStyle("-fx-font-size: 0.85em; -fx-text-fill: #555;");
        charts = new VBox(6, breakEven, totals, cumulative, breakdown, caption);
        charts.setPadding(new Insets(0, 0, 0, 8));
        setCenter(charts);

        setBottom(new VBox(4, details(), status));
        status.setId("costStatus");

        vm.projectionProperty().addListener((o, a, p) -> draw(p));
        draw(vm.projectionProperty().get());
    }

    /** For the console shell: the view with the Druid preset loaded, sensitivity computed off the FX thread. */
    public static Node create() {
        return create(PriceCatalogue.standard());
    }

    public static Node create(PriceCatalogue catalogue) {
        java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ferry-cost-sensitivity");
            t.setDaemon(true);
            return t;
        });
        return new CostView(CostViewModel.withPreset(catalogue, worker, javafx.application.Platform::runLater));
    }

    private VBox inputs() {
        Slider growth = slider("growthSlider", 0, 15, 1, vm.growthPercentProperty());
        Slider power = slider("powerSlider", 0.02, 0.50, 0.05, vm.powerPricePerKwhProperty());
        Slider discount = slider("discountSlider", -30, 30, 5, vm.discountShiftPointsProperty());

        Spinner<Integer> horizon = new Spinner<>(1, 600, vm.horizonMonthsProperty().get(), 12);
        horizon.setId("horizonSpinner");
        horizon.setEditable(true);
        horizon.getValueFactory().setConverter(new LenientIntegerConverter() {
            @Override
            public Integer fromString(String value) {
                Integer v = super.fromString(value);
                return v == null ? horizon.getValue() : v; // a typo keeps the current horizon
            }
        });
        horizon.getValueFactory().valueProperty().addListener((o, a, b) -> vm.horizonMonthsProperty().set(b));
        vm.horizonMonthsProperty().addListener((o, a, b) -> horizon.getValueFactory().setValue(b.intValue()));

        GridPane form = new GridPane();
        form.setHgap(6);
        form.setVgap(4);
        form.addRow(0, new Label("Horizon (months)"), horizon);
        form.addRow(1, new Label("Load growth"), growth,
                valueLabel(Bindings.format(Locale.ROOT, "%.1f %%/month", vm.growthPercentProperty())));
        form.addRow(2, new Label("Power price"), power,
                valueLabel(Bindings.format(Locale.ROOT, "$%.3f/kWh", vm.powerPricePerKwhProperty())));
        form.addRow(3, new Label("Reserved discount"), discount,
                valueLabel(Bindings.format(Locale.ROOT, "%+.0f points", vm.discountShiftPointsProperty())));

        TableView<NodeGroupRow> table = nodeGroupTable();
        Label error = new Label();
        error.setId("costError");
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: #b00020;");
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        HBox rowButtons = new HBox(6, button("Add group", vm::addNodeGroup), button("Remove group", () -> {
            NodeGroupRow r = table.getSelectionModel().getSelectedItem();
            if (r != null) {
                vm.removeNodeGroup(r);
            }
        }));
        VBox left = new VBox(8, form, new Label("Cloud node groups (double-click to edit)"), table, rowButtons, error);
        left.setPrefWidth(560);
        VBox.setVgrow(table, Priority.ALWAYS);
        return left;
    }

    public CostViewModel viewModel() {
        return vm;
    }

    private TableView<NodeGroupRow> nodeGroupTable() {
        TableView<NodeGroupRow> table = new TableView<>(vm.nodeGroups());
        table.setId("nodeGroupTable");
        table.setEditable(true);
        TableColumn<NodeGroupRow, String> role = new TableColumn<>("Role");
        role.setCellValueFactory(c -> c.getValue().roleProperty());
        role.setCellFactory(TextFieldTableCell.forTableColumn());
        TableColumn<NodeGroupRow, Integer> count = new TableColumn<>("Count");
        count.setCellValueFactory(c -> c.getValue().countProperty());
        count.setCellFactory(TextFieldTableCell.forTableColumn(new LenientIntegerConverter()));
        TableColumn<NodeGroupRow, String> type = new TableColumn<>("Instance type");
        type.setCellValueFactory(c -> c.getValue().instanceTypeProperty());
        type.setCellFactory(c -> new InstanceTypeCell<>(vm.instanceTypes()));
        TableColumn<NodeGroupRow, String> ebs = new TableColumn<>("EBS");
        ebs.setCellValueFactory(c -> c.getValue().ebsTypeProperty());
        ebs.setCellFactory(ChoiceBoxTableCell.forTableColumn(FXCollections.observableArrayList(vm.ebsTypes())));
        TableColumn<NodeGroupRow, Double> gb = new TableColumn<>("GB/node");
        gb.setCellValueFactory(c -> c.getValue().ebsGbPerNodeProperty());
        gb.setCellFactory(TextFieldTableCell.forTableColumn(new DoubleStringConverter()));
        TableColumn<NodeGroupRow, PurchaseOption> purchase = new TableColumn<>("Purchase");
        purchase.setCellValueFactory(c -> c.getValue().purchaseProperty());
        purchase.setCellFactory(ChoiceBoxTableCell.forTableColumn(new javafx.util.StringConverter<>() {
            @Override
            public String toString(PurchaseOption o) {
                return o == null ? "" : o.yaml();
            }

            @Override
            public PurchaseOption fromString(String s) {
                return PurchaseOption.parse(s);
            }
        }, PurchaseOption.values()));
        table.getColumns().setAll(java.util.List.of(role, count, type, ebs, gb, purchase));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private TabPane details() {
        TableView<Assumptions.Line> assumptions = new TableView<>(vm.assumptions());
        assumptions.setId("assumptionsTable");
        TableColumn<Assumptions.Line, String> name = new TableColumn<>("Assumption");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setMinWidth(150);
        name.setPrefWidth(170);
        TableColumn<Assumptions.Line, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().value()));
        assumptions.getColumns().setAll(java.util.List.of(name, value));
        assumptions.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        ListView<Sensitivity.Curve> sensitivity = new ListView<>(vm.sensitivity());
        sensitivity.setId("sensitivityList");
        sensitivity.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Sensitivity.Curve c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : describe(c));
            }
        });
        ListView<String> suggestions = new ListView<>(vm.suggestions());
        suggestions.setId("suggestionsList");

        TabPane tabs = new TabPane(new Tab("Assumptions", assumptions), new Tab("Sensitivity", sensitivity),
                new Tab("Suggestions", suggestions));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setPrefHeight(150);
        return tabs;
    }

    static String describe(Sensitivity.Curve c) {
        StringBuilder sb = new StringBuilder(c.parameter().label()).append(" (").append(c.parameter().unit()).append("): ");
        for (Sensitivity.Point p : c.points()) {
            String v = String.format(Locale.ROOT, "%.3g", p.value());
            sb.append(p.value() == c.baseValue() ? "[" + v + "]" : v).append(" → ")
                    .append(p.breakEvenMonth().isPresent() ? "month " + p.breakEvenMonth().getAsInt() : "none").append("   ");
        }
        return sb.toString().trim();
    }

    private void draw(CostProjection p) {
        if (p == null) {
            return;
        }
        XYChart.Series<Number, Number> cloud = new XYChart.Series<>();
        cloud.setName("cloud");
        XYChart.Series<Number, Number> owned = new XYChart.Series<>();
        owned.setName("owned");
        for (int m = 1; m <= p.horizon(); m++) {
            cloud.getData().add(new XYChart.Data<>(m, p.cloudCumulative()[m]));
            owned.getData().add(new XYChart.Data<>(m, p.ownedCumulative()[m]));
        }
        java.util.List<XYChart.Series<Number, Number>> series = new java.util.ArrayList<>(java.util.List.of(cloud, owned));
        if (p.breakEvenMonth().isPresent()) {
            int m = p.breakEvenMonth().getAsInt();
            XYChart.Series<Number, Number> marker = new XYChart.Series<>();
            marker.setName("break-even: month " + m);
            double top = Math.max(p.cloudTotal(), p.ownedTotal());
            marker.getData().add(new XYChart.Data<>(m, 0));
            marker.getData().add(new XYChart.Data<>(m, top));
            series.add(marker);
        }
        cumulative.getData().setAll(series);
        if (series.size() == 3) {
            Node line = series.get(2).getNode();
            if (line != null) {
                line.setStyle("-fx-stroke-dash-array: 6 6; -fx-stroke-width: 1.5;");
            }
        }

        java.util.List<XYChart.Series<String, Number>> parts = new java.util.ArrayList<>();
        for (CostComponent c : CostComponent.values()) {
            double cl = p.cloudTotal(c);
            double ow = p.ownedTotal(c);
            if (cl == 0 && ow == 0) {
                continue;
            }
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(c.label());
            s.getData().add(new XYChart.Data<>("cloud", cl));
            s.getData().add(new XYChart.Data<>("owned", ow));
            parts.add(s);
        }
        breakdown.getData().setAll(parts);
    }

    // ---- file commands (the dialogs are view work; the writing is the view model's)

    private void load() {
        File f = chooser("Load scenario", "YAML", "*.yaml", "*.yml").showOpenDialog(getScene().getWindow());
        if (f != null && vm.loadFile(f.toPath())) {
            status.setText("Loaded " + f);
        }
    }

    private void save() {
        File f = chooser("Save scenario", "YAML", "*.yaml").showSaveDialog(getScene().getWindow());
        run(f, path -> {
            try {
                vm.save(path);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "Saved ");
    }

    private void exportCsv() {
        File f = chooser("Export CSV", "CSV", "*.csv").showSaveDialog(getScene().getWindow());
        run(f, path -> {
            try {
                vm.exportCsv(path);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "Exported ");
    }

    private void exportPng() {
        File f = chooser("Export PNG", "PNG", "*.png").showSaveDialog(getScene().getWindow());
        run(f, path -> {
            try {
                writePng(path);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "Exported ");
    }

    /** The charts (with the break-even line and figures) as a PNG. Must run on the FX thread. */
    public void writePng(Path file) throws IOException {
        WritableImage image = charts.snapshot(null, null);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }

    private void run(File f, Consumer<Path> action, String done) {
        if (f == null) {
            return;
        }
        try {
            action.accept(f.toPath());
            status.setText(done + f);
        } catch (RuntimeException e) {
            status.setText("Could not write " + f + ": " + e.getMessage());
        }
    }

    private static FileChooser chooser(String title, String kind, String... patterns) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, patterns));
        return c;
    }

    /**
     * A slider following a view-model property both ways. Not a bidirectional binding: a slider clamps its
     * value to its range, which would silently rewrite a scenario's value outside it (say -1 % growth), so
     * the range widens to take such a value instead.
     */
    private static Slider slider(String id, double min, double max, double major, javafx.beans.property.DoubleProperty model) {
        Slider s = new Slider(Math.min(min, model.get()), Math.max(max, model.get()), model.get());
        s.setId(id);
        s.setShowTickMarks(true);
        s.setMajorTickUnit(major);
        s.setBlockIncrement(major);
        s.setPrefWidth(260);
        boolean[] fromModel = {false};
        s.valueProperty().addListener((o, a, b) -> {
            if (!fromModel[0]) {
                model.set(b.doubleValue());
            }
        });
        model.addListener((o, a, b) -> {
            double v = b.doubleValue();
            fromModel[0] = true;
            try {
                s.setMin(Math.min(s.getMin(), v));
                s.setMax(Math.max(s.getMax(), v));
                s.setValue(v);
            } finally {
                fromModel[0] = false;
            }
        });
        return s;
    }

    private static Label valueLabel(javafx.beans.binding.StringExpression text) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.setMinWidth(110);
        return l;
    }

    private static Button button(String text, Runnable action) {
        Button b = new Button(text);
        b.setOnAction(e -> action.run());
        b.setTooltip(new Tooltip(text));
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return b;
    }

    private static Node spacer() {
        javafx.scene.layout.Region r = new javafx.scene.layout.Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    /** Integer cells that keep a typo from throwing: "abc" becomes null, which the validator names. */
    private static class LenientIntegerConverter extends IntegerStringConverter {
        @Override
        public Integer fromString(String value) {
            try {
                return super.fromString(value);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}

package io.ferry.app.cost;

import io.ferry.cost.CostProjection;
import io.ferry.cost.PriceCatalogue;
import io.ferry.cost.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The Cost view's state and commands, without a screen. */
class CostViewModelTest {
    private final CostViewModel vm = CostViewModel.withPreset();

    private int breakEven() {
        return vm.projectionProperty().get().breakEvenMonth().orElse(Integer.MAX_VALUE);
    }

    @Test
    void thePresetIsComputedWithItsAssumptionsShown() {
        assertThat(vm.scenarioNameProperty().get()).contains("Druid");
        assertThat(vm.nodeGroups()).hasSize(8);
        assertThat(vm.breakEvenTextProperty().get()).startsWith("Break-even: ");
        assertThat(vm.totalsTextProperty().get()).contains("per billion events");
        assertThat(vm.assumptions()).anyMatch(l -> l.name().equals("hours per month") && l.value().equals("730"));
        assertThat(vm.assumptions()).anyMatch(l -> l.value().contains("list prices as of 2025-01-15"));
        assertThat(vm.sensitivity()).hasSize(3);
        assertThat(vm.suggestions()).anyMatch(s -> s.contains("c6i.4xlarge"));
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.assumptionsSummaryProperty().get())
                .contains("as of 2025-01-15", "730 h/month", "amortisation 5 years", "growth 2 %/month");
    }

    @Test
    void slidersMoveTheBreakEven() {
        int atTwo = breakEven();
        vm.growthPercentProperty().set(8);
        assertThat(breakEven()).isLessThan(atTwo);
        assertThat(vm.breakEvenTextProperty().get()).contains("month " + breakEven());

        vm.growthPercentProperty().set(2);
        vm.discountShiftPointsProperty().set(-20);
        assertThat(breakEven()).isLessThan(atTwo);
    }

    @Test
    void sensitivityRunsInTheBackgroundAndOnlyTheLatestInputsAreComputed() {
        java.util.List<Runnable> queued = new java.util.ArrayList<>();
        CostViewModel async = CostViewModel.withPreset(queued::add, Runnable::run);
        assertThat(async.sensitivity()).isEmpty();
        async.growthPercentProperty().set(5);
        async.growthPercentProperty().set(8);
        assertThat(queued).hasSize(1); // coalesced: one job for three changes
        queued.get(0).run();
        assertThat(async.sensitivity()).hasSize(3);
        assertThat(async.sensitivity().get(0).baseValue()).isEqualTo(8.0);
    }

    @Test
    void badInputNamesTheFieldAndKeepsTheLastGoodResult() {
        CostProjection good = vm.projectionProperty().get();
        vm.nodeGroups().get(0).countProperty().set(-1);
        assertThat(vm.errorProperty().get()).contains("cloud.nodeGroups[0].count: must be 0 or more, was -1");
        assertThat(vm.projectionProperty().get()).isSameAs(good);

        vm.nodeGroups().get(0).countProperty().set(2);
        vm.nodeGroups().get(0).instanceTypeProperty().set("m4.xlargex");
        assertThat(vm.errorProperty().get()).contains("cloud.nodeGroups[0].instanceType: unknown instance type 'm4.xlargex'");

        vm.nodeGroups().get(0).instanceTypeProperty().set("m6i.xlarge");
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.projectionProperty().get()).isNotSameAs(good);
    }

    @Test
    void editingANodeGroupChangesTheCloudSide() {
        double before = vm.projectionProperty().get().cloudTotal();
        NodeGroupRow mm = vm.nodeGroups().stream().filter(r -> r.roleProperty().get().equals("middle-manager"))
                .findFirst().orElseThrow();
        mm.countProperty().set(30);
        assertThat(vm.projectionProperty().get().cloudTotal()).isGreaterThan(before);
        assertThat(vm.instanceTypes()).contains("m4.xlarge", "c6i.4xlarge");
    }

    @Test
    void saveLoadAndExport(@TempDir Path dir) throws Exception {
        vm.growthPercentProperty().set(3.5);
        vm.nodeGroups().get(0).countProperty().set(4);
        Path yaml = dir.resolve("mine.yaml");
        vm.save(yaml);
        assertThat(ScenarioLoader.load(yaml).monthlyGrowthPercent()).isEqualTo(3.5);

        CostViewModel other = new CostViewModel(PriceCatalogue.shipped());
        assertThat(other.loadFile(yaml)).isTrue();
        assertThat(other.growthPercentProperty().get()).isEqualTo(3.5);
        assertThat(other.nodeGroups().get(0).countProperty().get()).isEqualTo(4);

        Files.writeString(dir.resolve("bad.yaml"), "horizonMonths: [1, 2]\n");
        assertThat(other.loadFile(dir.resolve("bad.yaml"))).isFalse();
        assertThat(other.errorProperty().get()).contains("horizonMonths");
        assertThat(other.growthPercentProperty().get()).isEqualTo(3.5);

        Path csv = dir.resolve("out.csv");
        vm.exportCsv(csv);
        assertThat(Files.readAllLines(csv)).hasSize(61).first().asString().startsWith("month,load");
    }
}

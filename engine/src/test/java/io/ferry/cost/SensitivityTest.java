package io.ferry.cost;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class SensitivityTest {
    private final CostCalculator calculator = new CostCalculator(Scenarios.CATALOGUE);
    private final Scenario preset = ScenarioLoader.preset("druid-adtech");

    private static int monthOrNever(OptionalInt m) {
        return m.orElse(Integer.MAX_VALUE);
    }

    @Test
    void fasterGrowthBringsTheBreakEvenForward() {
        Sensitivity.Curve growth = new Sensitivity(calculator).curve(preset, Overrides.NONE,
                Sensitivity.Parameter.GROWTH, 2, new double[]{1, 3, 5, 8});
        List<Integer> months = growth.points().stream().map(p -> monthOrNever(p.breakEvenMonth())).toList();
        assertThat(months).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        assertThat(months.get(3)).isLessThan(months.get(1));
    }

    @Test
    void dearerPowerAndDeeperCloudDiscountsPushItBack() {
        Sensitivity s = new Sensitivity(calculator);
        Sensitivity.Curve power = s.curve(preset, Overrides.NONE, Sensitivity.Parameter.POWER_PRICE, 0.12,
                new double[]{0.06, 0.12, 0.36});
        Sensitivity.Curve discount = s.curve(preset, Overrides.NONE, Sensitivity.Parameter.RESERVED_DISCOUNT, 0,
                new double[]{-20, 0});
        assertThat(monthOrNever(power.points().get(2).breakEvenMonth()))
                .isGreaterThan(monthOrNever(power.points().get(0).breakEvenMonth()));
        assertThat(monthOrNever(discount.points().get(0).breakEvenMonth()))
                .isLessThan(monthOrNever(discount.points().get(1).breakEvenMonth()));
        // the owned side does not depend on the cloud discount
        assertThat(discount.points().get(0).ownedTotal()).isEqualTo(discount.points().get(1).ownedTotal());
    }

    @Test
    void allCurvesIncludeTheScenariosOwnValue() {
        List<Sensitivity.Curve> curves = new Sensitivity(calculator).all(preset, Overrides.NONE);
        assertThat(curves).hasSize(3);
        for (Sensitivity.Curve c : curves) {
            assertThat(c.points()).anyMatch(p -> p.value() == c.baseValue());
        }
    }
}

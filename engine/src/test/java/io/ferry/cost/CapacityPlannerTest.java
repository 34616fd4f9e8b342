package io.ferry.cost;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CapacityPlannerTest {

    @Test
    void sparesAbsorbGrowthWhileAnOrderIsOnItsWay() {
        // Demand 10, 11, 12, 13, 14, 15; 20 % spares, 25 % purchase step, 2-month lead time.
        // Month 1: ceil(10 x 1.2) = 12 installed.
        // Month 2: wanted 13.2 > 12 -> order ceil(13.2 x 1.25) = 17 - 12 = 5, arrives month 4.
        // Month 3: wanted 14.4 <= 12 + 5 on order: nothing. Demand 12 <= 12 installed: no shortfall.
        // Month 4: 17 installed. Month 5: wanted 16.8 <= 17. Month 6: wanted 18 > 17 -> order ceil(22.5)=23-17 = 6.
        double[] demand = {0, 10, 11, 12, 13, 14, 15};
        CapacityPlan plan = new CapacityPlanner(0.2, 0.25, 2, 60).plan(demand, 1);
        assertThat(plan.installed()).containsExactly(0, 12, 12, 12, 17, 17, 17);
        assertThat(plan.delivered()).containsExactly(0, 12, 0, 0, 5, 0, 0);
        for (int m = 1; m <= 6; m++) {
            assertThat(plan.shortfall()[m]).isZero();
        }
    }

    @Test
    void theMinimumServerCountHoldsForTinyDemand() {
        CapacityPlan plan = new CapacityPlanner(0.2, 0, 0, 60).plan(new double[]{0, 0.3, 0.3}, 3);
        assertThat(plan.installed()[1]).isEqualTo(3);
        assertThat(plan.shortfall()[2]).isCloseTo(0, within(1e-12));
    }
}

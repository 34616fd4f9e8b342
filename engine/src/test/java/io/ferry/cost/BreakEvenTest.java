package io.ferry.cost;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BreakEvenTest {

    /*
     * Worked by hand.
     * Cloud: 10 x m5.xlarge on demand = 10 x $0.192 x 730 = $1,401.60 a month, nothing else.
     *   cumulative(m) = 1,401.60 m
     * Owned: one $10,000 server bought in month 1 (count: 1, no disks), 500 W at PUE 1.0 and $0.10/kWh
     *   = 500 x 730 / 1000 x 0.10 = $36.50 a month, one rack at $365 a month -> $401.50 a month.
     *   cumulative(m) = 10,000 + 401.50 m
     * Break-even when 1,401.60 m >= 10,000 + 401.50 m  <=>  1,000.10 m >= 10,000  <=>  m >= 9.999
     *   month 9:  cloud 12,614.40, owned 13,613.50 (owned still dearer)
     *   month 10: cloud 14,016.00, owned 14,015.00 (owned cheaper by $1) -> break-even month 10.
     */
    private static final String CLOUD = """
              nodeGroups:
                - {role: app, count: 10, instanceType: m5.xlarge}
            """;

    private static String owned(double salary) {
        return """
                  power: {pue: 1.0, pricePerKwh: 0.10}
                  space: {perRackPerMonth: 365}
                  people: {ftes: 1, salaryPerYear: %s}
                  servers:
                    - {matches: app, price: 10000, count: 1, watts: 500}
                """.formatted(salary);
    }

    @Test
    void breakEvenIsTheMonthTheOwnedCumulativeDropsBelowTheCloudsForGood() {
        CostProjection p = Scenarios.compute(Scenarios.of("horizonMonths: 24", CLOUD, owned(0)));
        assertThat(p.cloudCumulative()[9]).isCloseTo(12614.40, within(0.005));
        assertThat(p.ownedCumulative()[9]).isCloseTo(13613.50, within(0.005));
        assertThat(p.cloudCumulative()[10]).isCloseTo(14016.00, within(0.005));
        assertThat(p.ownedCumulative()[10]).isCloseTo(14015.00, within(0.005));
        assertThat(p.breakEvenMonth()).hasValue(10);
    }

    @Test
    void noBreakEvenWhenOwningCostsMoreEveryMonth() {
        // An admin at $12,000 a year adds $1,000 a month: owned runs at $1,401.50 vs cloud $1,401.60,
        // so it needs 100,000 months to recover the $10,000. None within 24.
        CostProjection p = Scenarios.compute(Scenarios.of("horizonMonths: 24", CLOUD, owned(12000)));
        assertThat(p.breakEvenMonth()).isEmpty();
    }

    @Test
    void aCrossingUndoneLaterDoesNotCount() {
        // owned below cloud at months 3-4, above again at 5 (a hardware refresh), below from 7 on
        double[] cloud = {0, 10, 20, 30, 40, 50, 60, 70, 80};
        double[] owned = {0, 25, 25, 26, 27, 55, 60, 61, 62};
        assertThat(BreakEven.month(cloud, owned)).hasValue(6);
        assertThat(BreakEven.month(new double[]{0, 1, 2}, new double[]{0, 5, 6})).isEmpty();
    }
}

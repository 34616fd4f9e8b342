package io.ferry.cost;

import org.junit.jupiter.api.Test;

import static io.ferry.cost.CostComponent.COMPUTE;
import static io.ferry.cost.CostComponent.PEOPLE;
import static io.ferry.cost.CostComponent.STORAGE;
import static io.ferry.cost.CostComponent.SUPPORT;
import static io.ferry.cost.CostComponent.TRANSFER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Each cloud cost component against a figure worked out by hand (730 hours a month, shipped prices). */
class CloudCostModelTest {
    private static final double CENT = 0.005;

    private static CostProjection cloud(String top, String cloudYaml, String... roles) {
        return Scenarios.compute(Scenarios.of(top, cloudYaml, Scenarios.freeOwned(roles)));
    }

    @Test
    void onDemandComputeIsCountTimesHourlyTimes730() {
        CostProjection p = cloud("horizonMonths: 3", """
                  nodeGroups:
                    - {role: app, count: 3, instanceType: m5.xlarge}
                """, "app");
        // 3 x $0.192 x 730 = $420.48, every month
        assertThat(p.cloud()[1].get(COMPUTE)).isCloseTo(420.48, within(CENT));
        assertThat(p.cloud()[3].get(COMPUTE)).isCloseTo(420.48, within(CENT));
        assertThat(p.cloud()[1].total()).isCloseTo(420.48, within(CENT));
    }

    @Test
    void reservedAllUpfrontPaysTheWholeTermInItsFirstMonth() {
        CostProjection p = cloud("horizonMonths: 14", """
                  nodeGroups:
                    - {role: broker, count: 2, instanceType: m4.xlarge,
                       purchase: {option: reserved, termYears: 1, upfront: all}}
                """, "broker");
        // 2 x $0.20 x (1 - 0.42) x 730 = $169.36 a month's worth; x 12 = $2,032.32 paid in month 1
        assertThat(p.cloud()[1].get(COMPUTE)).isCloseTo(2032.32, within(CENT));
        assertThat(p.cloud()[2].get(COMPUTE)).isCloseTo(0, within(CENT));
        assertThat(p.cloud()[12].get(COMPUTE)).isCloseTo(0, within(CENT));
        assertThat(p.cloud()[13].get(COMPUTE)).isCloseTo(2032.32, within(CENT)); // renewal
        assertThat(p.cloudCumulative()[12]).isCloseTo(2032.32, within(CENT));
    }

    @Test
    void partialUpfrontPaysHalfAtTheStartAndHalfMonthly() {
        CostProjection p = cloud("horizonMonths: 3", """
                  nodeGroups:
                    - {role: broker, count: 2, instanceType: m4.xlarge,
                       purchase: {option: reserved, termYears: 3, upfront: partial}}
                """, "broker");
        // 3-year partial: 60 % off. Monthly worth: 2 x 0.20 x 0.40 x 730 = $116.80.
        // Month 1: half the 36-month total (0.5 x 116.80 x 36 = 2,102.40) + half a month (58.40) = 2,160.80
        assertThat(p.cloud()[1].get(COMPUTE)).isCloseTo(2160.80, within(CENT));
        assertThat(p.cloud()[2].get(COMPUTE)).isCloseTo(58.40, within(CENT));
    }

    @Test
    void nodesAddedByGrowthAboveTheCommitmentRunOnDemand() {
        CostProjection p = cloud("horizonMonths: 13\ngrowth: {monthlyPercent: 10}", """
                  nodeGroups:
                    - {role: mm, count: 10, instanceType: c5.xlarge,
                       purchase: {option: savings-plan, termYears: 1, upfront: none}}
                """, "mm");
        // Month 1: 10 nodes committed at 27 % off: 10 x 0.17 x 0.73 x 730 = 905.93
        assertThat(p.cloud()[1].get(COMPUTE)).isCloseTo(905.93, within(CENT));
        // Month 3: load 1.21 -> 12 nodes; 10 committed (905.93) + 2 on demand (2 x 0.17 x 730 = 248.20) = 1,154.13
        assertThat(p.cloud()[3].get(COMPUTE)).isCloseTo(1154.13, within(CENT));
        // Month 13 starts a new term sized to that month: load 1.1^12 = 3.138 -> 31 nodes, all committed:
        // 31 x 0.17 x 0.73 x 730 = 2,808.38
        assertThat(p.cloud()[13].get(COMPUTE)).isCloseTo(2808.38, within(CENT));
    }

    @Test
    void spotShareRunsAtTheSpotDiscount() {
        CostProjection p = cloud("horizonMonths: 1", """
                  spotDiscountPercent: 70
                  nodeGroups:
                    - {role: worker, count: 4, instanceType: c5.large, purchase: {option: on-demand, spotSharePercent: 50}}
                """, "worker");
        // 2 spot: 2 x 0.085 x 0.30 x 730 = 37.23; 2 on demand: 2 x 0.085 x 730 = 124.10 -> 161.33
        assertThat(p.cloud()[1].get(COMPUTE)).isCloseTo(161.33, within(CENT));
    }

    @Test
    void ebsIsNodesTimesGbTimesThePriceOfItsType() {
        CostProjection p = cloud("horizonMonths: 1", """
                  nodeGroups:
                    - {role: hot, count: 4, instanceType: m4.2xlarge, ebsType: gp2, ebsGbPerNode: 250}
                    - {role: kafka, count: 3, instanceType: m5.2xlarge, ebsType: gp3, ebsGbPerNode: 2000}
                """, "hot", "kafka");
        // gp2: 4 x 250 x 0.10 = 100.00; gp3: 3 x 2000 x 0.08 = 480.00
        assertThat(p.cloud()[1].get(STORAGE)).isCloseTo(580.00, within(CENT));
    }

    @Test
    void rdsMultiAzDoublesInstanceAndStorage() {
        CostProjection p = cloud("horizonMonths: 1", """
                  nodeGroups:
                    - {role: app, count: 0, instanceType: m5.large}
                  databases:
                    - {name: metadata, instanceClass: db.m3.medium, multiAz: true, storageGb: 100, storageType: gp2}
                """, "app", "metadata");
        // 2 x 0.090 x 730 = 131.40 compute; 2 x 100 x 0.115 = 23.00 storage
        assertThat(p.cloud()[1].get(COMPUTE)).isCloseTo(131.40, within(CENT));
        assertThat(p.cloud()[1].get(STORAGE)).isCloseTo(23.00, within(CENT));
    }

    @Test
    void s3HoldsTheRetentionWindow() {
        CostProjection p = cloud("horizonMonths: 4", """
                  nodeGroups:
                    - {role: app, count: 0, instanceType: m5.large}
                  objectStorage:
                    - {name: full, addedGbPerMonth: 1000, retentionMonths: 3, filledAtStart: true}
                """, "app");
        // A running store: 3 x 1,000 GB x 0.023 = 69.00 from month 1
        assertThat(p.cloud()[1].get(STORAGE)).isCloseTo(69.00, within(CENT));
        assertThat(p.cloud()[4].get(STORAGE)).isCloseTo(69.00, within(CENT));

        CostProjection empty = cloud("horizonMonths: 4", """
                  nodeGroups:
                    - {role: app, count: 0, instanceType: m5.large}
                  objectStorage:
                    - {name: new, addedGbPerMonth: 1000, retentionMonths: 3}
                """, "app");
        // A new store fills up: 1,000 -> 23.00, 2,000 -> 46.00, 3,000 -> 69.00, then stays at 69.00
        assertThat(empty.cloud()[1].get(STORAGE)).isCloseTo(23.00, within(CENT));
        assertThat(empty.cloud()[2].get(STORAGE)).isCloseTo(46.00, within(CENT));
        assertThat(empty.cloud()[4].get(STORAGE)).isCloseTo(69.00, within(CENT));
    }

    @Test
    void transferOutIsTieredAndCrossAzIsBilledOnBothSides() {
        CostProjection p = cloud("horizonMonths: 1", """
                  nodeGroups:
                    - {role: app, count: 0, instanceType: m5.large}
                  transfer: {outToInternetGbPerMonth: 12000, inFromInternetGbPerMonth: 50000, crossAzGbPerMonth: 1000}
                """, "app");
        // out: 1,062.20 (see TieredPriceTest); in: free; cross-AZ: 1,000 x 0.01 x 2 = 20.00
        assertThat(p.cloud()[1].get(TRANSFER)).isCloseTo(1082.20, within(CENT));
    }

    @Test
    void supportIsAPercentageOfTheAwsBillAndPeopleAreSalaryOverTwelve() {
        CostProjection p = cloud("horizonMonths: 1", """
                  supportPercent: 10
                  people: {ftes: 0.5, salaryPerYear: 120000}
                  nodeGroups:
                    - {role: app, count: 3, instanceType: m5.xlarge}
                """, "app");
        // support: 10 % of 420.48 = 42.048; people: 0.5 x 120,000 / 12 = 5,000.00 (not part of the AWS bill)
        assertThat(p.cloud()[1].get(SUPPORT)).isCloseTo(42.05, within(CENT));
        assertThat(p.cloud()[1].get(PEOPLE)).isCloseTo(5000.00, within(CENT));
        assertThat(p.cloud()[1].total()).isCloseTo(420.48 + 42.048 + 5000, within(CENT));
    }
}

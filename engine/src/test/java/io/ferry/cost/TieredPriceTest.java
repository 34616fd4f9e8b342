package io.ferry.cost;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TieredPriceTest {

    @Test
    void s3StandardChargesEachBandAtItsOwnPrice() {
        TieredPrice s3 = Scenarios.CATALOGUE.s3("STANDARD").orElseThrow();
        // 60,000 GB: 51,200 x 0.023 = 1,177.60 + 8,800 x 0.022 = 193.60 -> 1,371.20
        assertThat(s3.cost(60_000)).isCloseTo(1371.20, within(0.005));
        // 600,000 GB: 1,177.60 + 460,800 x 0.022 = 10,137.60 + 88,000 x 0.021 = 1,848.00 -> 13,163.20
        assertThat(s3.cost(600_000)).isCloseTo(13163.20, within(0.005));
        assertThat(s3.cost(0)).isZero();
    }

    @Test
    void transferOutHasAFreeFirst100GbThenTiers() {
        TieredPrice out = Scenarios.CATALOGUE.transferOut();
        assertThat(out.cost(100)).isZero();
        // 12,000 GB: 100 free, 10,140 x 0.09 = 912.60, 1,760 x 0.085 = 149.60 -> 1,062.20
        assertThat(out.cost(12_000)).isCloseTo(1062.20, within(0.005));
    }

    @Test
    void onlyTheLastTierMayBeUnbounded() {
        assertThatThrownBy(() -> new TieredPrice(java.util.List.of(new Tier(null, 1), new Tier(10.0, 2))))
                .hasMessageContaining("only the last tier");
    }
}

package io.ferry.cost;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GrowthModelTest {

    @Test
    void loadCompoundsFromMonthOne() {
        GrowthModel g = new GrowthModel(2, 60);
        assertThat(g.load(1)).isEqualTo(1.0);
        assertThat(g.load(2)).isCloseTo(1.02, within(1e-12));
        assertThat(g.load(13)).isCloseTo(1.268241795, within(1e-9)); // 1.02^12
    }

    @Test
    void nodesFollowTheLoadToTheNearestWholeNodeNeverBelowTheBase() {
        GrowthModel g = new GrowthModel(2, 60);
        assertThat(g.nodes(15, true, 13)).isEqualTo(19);   // 15 x 1.2682 = 19.02
        assertThat(g.nodes(2, true, 2)).isEqualTo(2);      // 2.04 -> 2
        assertThat(g.nodes(2, true, 22)).isEqualTo(3);     // 2 x 1.02^21 = 3.03
        assertThat(g.nodes(3, false, 60)).isEqualTo(3);    // fixed roles do not scale
        assertThat(new GrowthModel(-5, 12).nodes(10, true, 12)).isEqualTo(10);
    }
}

package io.ferry.genlog;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RdsThresholdTest {
    private static final long GB = 1L << 30;
    private static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");

    @Test
    void twentyPercentOrTenGigabytesWhicheverIsSmaller() {
        assertThat(RdsThreshold.bytes(20, 50)).isEqualTo(4 * GB);
        assertThat(RdsThreshold.bytes(500, 50)).isEqualTo(10 * GB);
    }

    @Test
    void aboveNinetyPercentUsedTenPercentOrFiveGigabytes() {
        assertThat(RdsThreshold.bytes(20, 95)).isEqualTo(2 * GB);
        assertThat(RdsThreshold.bytes(500, 95)).isEqualTo(5 * GB);
    }

    @Test
    void projectsTheCrossingFromTheGrowth() {
        assertThat(RdsThreshold.crossing(2 * GB, 4 * GB, Optional.of((double) GB), NOW))
                .contains(Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(RdsThreshold.crossing(5 * GB, 4 * GB, Optional.of(1.0), NOW)).contains(NOW);
        assertThat(RdsThreshold.crossing(GB, 4 * GB, Optional.empty(), NOW)).isEmpty();
        assertThat(RdsThreshold.crossing(GB, 4 * GB, Optional.of(0.0), NOW)).isEmpty();
    }
}

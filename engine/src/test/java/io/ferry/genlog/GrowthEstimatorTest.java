package io.ferry.genlog;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GrowthEstimatorTest {
    private static GrowthEstimator.Sample at(String t, double v) {
        return new GrowthEstimator.Sample(Instant.parse(t), v);
    }

    @Test
    void slopeBetweenFirstAndLastSample() {
        assertThat(GrowthEstimator.perDay(List.of(at("2026-11-27T00:00:00Z", 100), at("2026-11-27T12:00:00Z", 150),
                at("2026-11-28T00:00:00Z", 300)))).contains(200.0);
    }

    @Test
    void onlySamplesSinceTheLastRotationCount() {
        assertThat(GrowthEstimator.perDay(List.of(at("2026-11-26T00:00:00Z", 9000), at("2026-11-27T00:00:00Z", 10),
                at("2026-11-28T00:00:00Z", 110)))).contains(100.0);
    }

    @Test
    void tooFewOrTooCloseSamplesGiveNothing() {
        assertThat(GrowthEstimator.perDay(List.of(at("2026-11-27T00:00:00Z", 1)))).isEmpty();
        assertThat(GrowthEstimator.perDay(List.of(at("2026-11-27T00:00:00Z", 1), at("2026-11-27T00:00:30Z", 5)))).isEmpty();
    }
}

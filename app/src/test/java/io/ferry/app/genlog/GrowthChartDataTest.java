package io.ferry.app.genlog;

import io.ferry.client.genlog.GenlogStatusView;
import io.ferry.client.genlog.GrowthSample;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GrowthChartDataTest {
    private static final Instant T = Instant.parse("2026-11-28T10:00:00Z");

    private static GenlogStatusView status(Optional<Long> threshold, Optional<Instant> crossing) {
        return new GenlogStatusView("db", "db", true, Optional.empty(), "self-managed", 2_000, 200_000, List.of(),
                threshold, crossing, List.of(new GrowthSample(T, 1_000, 100_000), new GrowthSample(T.plusSeconds(3600), 2_000, 200_000)),
                "");
    }

    @Test
    void bytesAreDrawnAgainstTheThresholdAndTheProjectionEndsOnItAtTheCrossingDate() {
        Instant crossing = Instant.parse("2027-01-15T00:00:00Z");
        GrowthChartData d = GrowthChartData.of(status(Optional.of(10L << 30), Optional.of(crossing)), GrowthChartData.Measure.BYTES);
        assertThat(d.points()).extracting(GrowthChartData.Point::y).containsExactly(100_000.0, 200_000.0);
        assertThat(d.threshold()).contains((double) (10L << 30));
        assertThat(d.projection()).containsExactly(new GrowthChartData.Point(T.plusSeconds(3600).toEpochMilli(), 200_000),
                new GrowthChartData.Point(crossing.toEpochMilli(), 10L << 30));
        assertThat(d.caption()).isEqualTo("RDS rotates at 10.0 GB; projected to be reached on 2027-01-15 (estimate).");
    }

    @Test
    void inRowsTheThresholdIsConvertedAtTheCurrentRowSize() {
        GrowthChartData d = GrowthChartData.of(status(Optional.of(1_000_000L), Optional.empty()), GrowthChartData.Measure.ROWS);
        assertThat(d.threshold().orElseThrow()).isCloseTo(10_000.0, within(0.001)); // 100 bytes a row
        assertThat(d.projection()).isEmpty();
        assertThat(d.caption()).contains("about 10,000 rows", "not reached at the current growth");
    }

    @Test
    void withoutTheAllocatedStorageThereIsNoThreshold() {
        GrowthChartData d = GrowthChartData.of(status(Optional.empty(), Optional.empty()), GrowthChartData.Measure.ROWS);
        assertThat(d.threshold()).isEmpty();
        assertThat(d.caption()).contains("enter the instance's allocated storage");
    }
}

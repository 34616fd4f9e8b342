package io.ferry.replication;

import io.ferry.replication.metrics.PurgeHorizon;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PurgeHorizonTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final List<String> FILES = List.of("bin.000007", "bin.000008", "bin.000009");
    private static final Map<String, Instant> STARTS = Map.of(
            "bin.000008", NOW.minus(Duration.ofHours(30)),
            "bin.000009", NOW.minus(Duration.ofHours(2)));

    private static PurgeHorizon at(String file, Duration retention) {
        return PurgeHorizon.of(BinlogPosition.of(file, 1234), FILES, retention, STARTS::get, NOW);
    }

    @Test
    void aClosedFileCountsFromTheNextFilesFirstEvent() {
        PurgeHorizon h = at("bin.000008", Duration.ofHours(24));
        assertThat(h.closed()).isEqualTo(NOW.minus(Duration.ofHours(2)));
        assertThat(h.hoursLeft()).isCloseTo(22, within(1e-9));
        assertThat(h.usedFraction()).isCloseTo(2 / 24.0, within(1e-9));
        assertThat(h.warning()).isFalse();
        assertThat(h.statusText()).isEqualTo("purge horizon 22 h");
    }

    @Test
    void warnsFromHalfTheRetention() {
        PurgeHorizon h = at("bin.000007", Duration.ofHours(48));
        assertThat(h.usedFraction()).isCloseTo(30 / 48.0, within(1e-9));
        assertThat(h.warning()).isTrue();
        assertThat(h.statusText()).isEqualTo("purge horizon 18 h (WARNING: 63% of the binlog retention used)");
        assertThat(at("bin.000008", Duration.ofHours(4)).warning()).as("exactly 50 %").isTrue();
        assertThat(at("bin.000008", Duration.ofMinutes(241)).warning()).isFalse();
    }

    @Test
    void pastTheRetentionNothingIsLeft() {
        PurgeHorizon h = at("bin.000007", Duration.ofHours(24));
        assertThat(h.hoursLeft()).isZero();
        assertThat(h.usedFraction()).isEqualTo(1);
        assertThat(h.hoursText()).isEqualTo("0 min");
    }

    @Test
    void theFileBeingWrittenKeepsTheWholeRetention() {
        PurgeHorizon h = at("bin.000009", Duration.ofHours(168));
        assertThat(h.closed()).isNull();
        assertThat(h.hoursLeft()).isEqualTo(168);
        assertThat(h.warning()).isFalse();
    }

    @Test
    void withoutRetentionThereIsNoExpiry() {
        PurgeHorizon h = at("bin.000007", null);
        assertThat(h.hoursLeft()).isInfinite();
        assertThat(h.statusText()).isEqualTo("purge horizon no expiry");
    }

    @Test
    void aFileNoLongerListedIsGone() {
        PurgeHorizon h = at("bin.000003", Duration.ofHours(24));
        assertThat(h.hoursLeft()).isZero();
        assertThat(h.warning()).isTrue();
    }

    @Test
    void underAnHourInMinutes() {
        PurgeHorizon h = PurgeHorizon.of(BinlogPosition.of("bin.000008", 4), FILES, Duration.ofMinutes(150),
                STARTS::get, NOW);
        assertThat(h.hoursText()).isEqualTo("30 min");
    }
}

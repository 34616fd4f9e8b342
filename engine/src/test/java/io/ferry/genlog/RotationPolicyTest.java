package io.ferry.genlog;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RotationPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private static GenlogStatus status(long rows, long bytes, String oldest) {
        RowCount count = new RowCount(rows, new CountCheckpoint(rows, "", oldest), false, Optional.of(oldest), Optional.of(oldest));
        return new GenlogStatus("db", LogKind.GENERAL, new LogSettings(true, false, "TABLE", "ON", "/d", "11.4"),
                RotationFlavour.SELF_MANAGED, count, new LogSize(bytes, true, "file", "CSV"), Optional.empty(),
                Optional.empty(), false, Optional.empty(), Optional.empty());
    }

    @Test
    void dueWhenAnyThresholdIsPassed() {
        RotationPolicy policy = new RotationPolicy(Optional.of(1000L), Optional.of(RotationPolicy.parseBytes("1MB")),
                Optional.of(RotationPolicy.parseAge("7d")));
        assertThat(policy.reason(status(10, 10, "2026-11-27 12:00:00.000000"), NOW)).isEmpty();
        assertThat(policy.reason(status(1001, 10, "2026-11-27 12:00:00.000000"), NOW)).contains("rows 1001 > 1000");
        assertThat(policy.reason(status(10, 2 << 20, "2026-11-27 12:00:00.000000"), NOW)).contains("bytes 2097152 > 1048576");
        assertThat(policy.reason(status(10, 10, "2026-11-20 11:00:00.000000"), NOW)).contains("oldest row 193 h old > 168 h");
    }

    @Test
    void sizesAndAges() {
        assertThat(RotationPolicy.parseBytes("5GB")).isEqualTo(5L << 30);
        assertThat(RotationPolicy.parseBytes("1.5 kb")).isEqualTo(1536);
        assertThat(RotationPolicy.parseBytes("42")).isEqualTo(42);
        assertThat(RotationPolicy.parseAge("12h")).isEqualTo(Duration.ofHours(12));
        assertThatThrownBy(() -> RotationPolicy.parseBytes("lots")).hasMessageContaining("e.g. 5GB");
    }
}

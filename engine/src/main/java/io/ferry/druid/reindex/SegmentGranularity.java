package io.ferry.druid.reindex;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The segment granularities a re-index supports: whole hours, since the raw files are hourly (UTC). */
public enum SegmentGranularity {
    HOUR(Duration.ofHours(1), "PT1H"), SIX_HOUR(Duration.ofHours(6), "PT6H"), EIGHT_HOUR(Duration.ofHours(8), "PT8H"),
    DAY(Duration.ofDays(1), "P1D");

    private final Duration length;
    private final String period;

    SegmentGranularity(Duration length, String period) {
        this.length = length;
        this.period = period;
    }

    public static SegmentGranularity of(String name) {
        try {
            return valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("segment granularity " + name + " is not supported by the re-index; use one of "
                    + List.of(values()));
        }
    }

    public Duration length() {
        return length;
    }

    /** The ISO period for Druid SQL's {@code TIME_FLOOR}. */
    public String period() {
        return period;
    }

    /** The start of the chunk holding {@code t}. */
    public Instant floor(Instant t) {
        long ms = length.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), ms) * ms);
    }

    public boolean isAligned(Instant t) {
        return floor(t).equals(t);
    }
}

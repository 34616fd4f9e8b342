package io.ferry.druid.flatten;

import java.util.Locale;

/** Druid's fixed-length segment granularities, for the per-chunk totals (UTC). */
public enum ChunkGranularity {
    MINUTE(60_000L), FIVE_MINUTE(300_000L), TEN_MINUTE(600_000L), FIFTEEN_MINUTE(900_000L), THIRTY_MINUTE(1_800_000L),
    HOUR(3_600_000L), SIX_HOUR(21_600_000L), EIGHT_HOUR(28_800_000L), DAY(86_400_000L);

    private final long millis;

    ChunkGranularity(long millis) {
        this.millis = millis;
    }

    public long millis() {
        return millis;
    }

    /** Start of the chunk holding {@code epochMillis}. */
    public long floor(long epochMillis) {
        return Math.floorDiv(epochMillis, millis) * millis;
    }

    public String specName() {
        return name().toUpperCase(Locale.ROOT);
    }
}

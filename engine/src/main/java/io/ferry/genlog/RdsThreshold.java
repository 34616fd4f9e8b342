package io.ferry.genlog;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * When RDS rotates the log tables on its own: once they take more than 20 % of the allocated storage or more
 * than 10 GB, whichever comes first; above 90 % storage used, 10 % or 5 GB. That rotation keeps one backup and
 * does not wait for Ferry to archive it.
 */
public final class RdsThreshold {
    private static final long GB = 1L << 30;

    private RdsThreshold() {
    }

    /** The size in bytes at which RDS rotates, for this allocated storage and fill level. */
    public static long bytes(double allocatedStorageGb, double storageUsedPercent) {
        boolean nearlyFull = storageUsedPercent > 90.0;
        double share = nearlyFull ? 0.10 : 0.20;
        long cap = nearlyFull ? 5 * GB : 10 * GB;
        return Math.min(cap, (long) (allocatedStorageGb * GB * share));
    }

    /**
     * The day the log crosses {@code threshold} bytes at {@code bytesPerDay}; empty when it does not grow.
     * Already past: {@code now}.
     */
    public static Optional<Instant> crossing(long currentBytes, long threshold, Optional<Double> bytesPerDay, Instant now) {
        if (currentBytes >= threshold) {
            return Optional.of(now);
        }
        if (bytesPerDay.isEmpty() || bytesPerDay.get() <= 0) {
            return Optional.empty();
        }
        double days = (threshold - currentBytes) / bytesPerDay.get();
        if (days > 365 * 100) {
            return Optional.empty();
        }
        return Optional.of(now.plus((long) Math.ceil(days * 24 * 60), ChronoUnit.MINUTES));
    }
}

package io.ferry.replication.metrics;

import io.ferry.replication.BinlogPosition;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * How long the job's checkpoint has before the source may purge its binlog file. A server purges a file once it has
 * been closed for longer than the retention ({@link io.ferry.replication.BinlogRetention}); a file is closed when
 * the next one starts, so its close time is the timestamp of the next file's first event (its FORMAT_DESCRIPTION
 * header; {@link BinlogFileStarts}). The file being written is never purged: while the checkpoint is in it, the whole
 * retention is left.
 *
 * @param file        the checkpoint's binlog file
 * @param retention   the source's retention; null when it never purges by age
 * @param closed      when the file was closed; null while the server still writes it
 * @param hoursLeft   hours before the file may go (0 once due or gone; infinite without retention)
 * @param usedFraction the share of the retention already used (0..1, 1 once due or gone)
 */
public record PurgeHorizon(String file, Duration retention, Instant closed, double hoursLeft, double usedFraction) {
    /** The share of the retention at which the job warns. */
    public static final double WARN_AT = 0.5;

    public boolean warning() {
        return usedFraction >= WARN_AT;
    }

    /**
     * @param files   the source's binlog files, oldest first ({@code SHOW BINARY LOGS})
     * @param startOf the time of a file's first event
     */
    public static PurgeHorizon of(BinlogPosition checkpoint, List<String> files, Duration retention,
                                  Function<String, Instant> startOf, Instant now) {
        String file = checkpoint.file();
        int at = files.indexOf(file);
        if (at < 0) {
            return new PurgeHorizon(file, retention, null, 0, 1);
        }
        if (retention == null) {
            return new PurgeHorizon(file, null, null, Double.POSITIVE_INFINITY, 0);
        }
        double hours = retention.toMillis() / 3_600_000.0;
        if (at == files.size() - 1) {
            return new PurgeHorizon(file, retention, null, hours, retention.isZero() ? 1 : 0);
        }
        Instant closed = startOf.apply(files.get(at + 1));
        Duration age = Duration.between(closed, now);
        if (age.isNegative()) {
            age = Duration.ZERO;
        }
        double used = retention.isZero() ? 1 : Math.min(1, (double) age.toMillis() / retention.toMillis());
        double left = Math.max(0, retention.minus(age).toMillis() / 3_600_000.0);
        return new PurgeHorizon(file, retention, closed, left, used);
    }

    /** {@code 168 h}, {@code 11.9 h}, {@code 25 min} (under an hour), {@code no expiry}. */
    public String hoursText() {
        if (Double.isInfinite(hoursLeft)) {
            return "no expiry";
        }
        if (hoursLeft < 1) {
            return String.format(Locale.ROOT, "%.0f min", hoursLeft * 60);
        }
        return String.format(Locale.ROOT, hoursLeft < 10 ? "%.1f h" : "%.0f h", hoursLeft);
    }

    /** The status line's part: {@code purge horizon 11.9 h}, and the warning at 50 %. */
    public String statusText() {
        String text = "purge horizon " + hoursText();
        return warning() ? text + String.format(Locale.ROOT, " (WARNING: %.0f%% of the binlog retention used)",
                usedFraction * 100) : text;
    }
}

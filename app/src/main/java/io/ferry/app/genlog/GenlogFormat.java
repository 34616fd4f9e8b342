package io.ferry.app.genlog;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Numbers, sizes and times as the General log page shows them (UTC, like the log itself). */
public final class GenlogFormat {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private GenlogFormat() {
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public static String bytes(double bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        double v = bytes;
        int u = 0;
        while (Math.abs(v) >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? String.format(Locale.ROOT, "%.0f B", v) : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** {@code 2026-11-28 23:59 UTC}. */
    public static String minute(Instant at) {
        return MINUTE.format(at) + " UTC";
    }

    public static String day(Instant at) {
        return DAY.format(at);
    }

    /** A chart tick: the day when the axis spans days, the time of day, with seconds when it spans minutes. */
    public static String tick(Instant at, long spanMillis) {
        if (spanMillis > 2 * 86_400_000L) {
            return DAY.format(at);
        }
        return spanMillis < 20 * 60_000L ? SECONDS.format(at) : TIME.format(at);
    }
}

package io.ferry.genlog;

import java.util.Locale;

/** Byte counts for people: 1.5 GB. */
public final class ByteSize {
    private ByteSize() {
    }

    public static String human(long bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}

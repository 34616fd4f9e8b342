package io.ferry.config;

import io.ferry.replication.BufferLimits;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a replication job's memory and spill keys: {@code bufferMemory} (estimated heap of the transactions between
 * the binlog reader and the warehouse), {@code spillThreshold} (a transaction larger than this goes to disk),
 * {@code spillDisk} (spill files at most) and {@code spillDirectory}. Sizes are written {@code 64MB}, {@code 512KB},
 * {@code 10GB} or in bytes; each problem names its key and line.
 */
final class BufferLimitsReader {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(B|KB|MB|GB|TB)?", Pattern.CASE_INSENSITIVE);

    private BufferLimitsReader() {
    }

    static Optional<BufferLimits> read(MappingReader r) {
        long memory = size(r, "bufferMemory", BufferLimits.DEFAULT_MEMORY_BYTES);
        long threshold = size(r, "spillThreshold", Math.min(BufferLimits.DEFAULT_SPILL_THRESHOLD_BYTES, memory));
        long disk = size(r, "spillDisk", BufferLimits.DEFAULT_DISK_BYTES);
        Path dir = r.path("spillDirectory").orElse(BufferLimits.defaultDirectory());
        if (memory < 0 || threshold < 0 || disk < 0) {
            return Optional.empty();
        }
        if (threshold > memory) {
            return r.fail(r.node("spillThreshold").orElseThrow(), "spillThreshold", "expected at most bufferMemory ("
                    + memory + " bytes): a transaction that stays in memory must fit in the buffer");
        }
        return Optional.of(new BufferLimits(memory, threshold, disk, dir));
    }

    /** The size in bytes, the default when absent, -1 when wrong (reported). */
    private static long size(MappingReader r, String key, long defaultBytes) {
        Optional<String> text = r.text(key, false, "a size such as 64MB or 10GB");
        if (text.isEmpty()) {
            return defaultBytes;
        }
        Matcher m = SIZE.matcher(text.get().trim());
        double amount = m.matches() ? Double.parseDouble(m.group(1)) : 0;
        if (amount <= 0) {
            r.fail(r.node(key).orElseThrow(), key, "expected a size above zero such as 512KB, 64MB or 10GB; found '"
                    + text.get() + "'");
            return -1;
        }
        long unit = switch (m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT)) {
            case "KB" -> 1L << 10;
            case "MB" -> 1L << 20;
            case "GB" -> 1L << 30;
            case "TB" -> 1L << 40;
            default -> 1L;
        };
        return Math.max(1, (long) (amount * unit));
    }
}

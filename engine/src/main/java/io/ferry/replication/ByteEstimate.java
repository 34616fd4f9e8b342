package io.ferry.replication;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * Estimates the heap a row change takes (64-bit JVM, compressed pointers): object headers, the row arrays and each
 * canonical value of {@link ValueKind}. An estimate, not a measurement: it errs on the high side, and it is what
 * the memory buffer and the spill threshold count.
 */
public final class ByteEstimate {
    /** A row change's fixed part: the change record, its list slot and the transaction's share. */
    static final long CHANGE = 64;
    /** A spilled transaction in memory: its record, file name and per-table counts. */
    static final long SPILLED = 512;

    private ByteEstimate() {
    }

    public static long changes(List<RowChange> changes) {
        long bytes = 64;
        for (RowChange c : changes) {
            bytes += change(c.before(), c.after());
        }
        return bytes;
    }

    public static long change(Object[] before, Object[] after) {
        return CHANGE + row(before) + row(after);
    }

    public static long row(Object[] row) {
        if (row == null) {
            return 0;
        }
        long bytes = align(16 + 4L * row.length);
        for (Object v : row) {
            bytes += value(v);
        }
        return bytes;
    }

    public static long value(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof String s) {
            return 24 + align(16 + textBytes(s));
        }
        if (v instanceof byte[] b) {
            return align(16 + b.length);
        }
        if (v instanceof Long || v instanceof Double || v instanceof Integer || v instanceof Float || v instanceof Boolean) {
            return 16;
        }
        if (v instanceof BigDecimal d) {
            return 40 + big(d.unscaledValue());
        }
        if (v instanceof BigInteger i) {
            return big(i);
        }
        if (v instanceof java.time.LocalDateTime) {
            return 72; // the date-time, its date and its time
        }
        return 24; // LocalDate, Instant, Duration
    }

    private static long big(BigInteger i) {
        return 40 + align(16 + 4L * (i.bitLength() / 32 + 1));
    }

    /** Latin-1 strings take a byte per character, others two. */
    private static long textBytes(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                return 2L * s.length();
            }
        }
        return s.length();
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }
}

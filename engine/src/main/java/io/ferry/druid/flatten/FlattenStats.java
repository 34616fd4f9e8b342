package io.ferry.druid.flatten;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** What a flatten read, wrote and refused. */
public final class FlattenStats {
    /** How many rejection reasons are kept (the count goes on). */
    public static final int KEPT_REASONS = 10;

    /** @param line 1-based line of the input */
    public record Rejection(String source, long line, String reason) {
        @Override
        public String toString() {
            return source + ":" + line + ": " + reason;
        }
    }

    long bytesIn;
    long rowsIn;
    long rowsOut;
    long rejected;
    long dropped;
    private final List<Rejection> reasons = new ArrayList<>();

    void reject(String source, long line, String reason) {
        rejected++;
        if (reasons.size() < KEPT_REASONS) {
            reasons.add(new Rejection(source, line, reason));
        }
    }

    /** Uncompressed bytes of input read, newlines included. */
    public long bytesIn() {
        return bytesIn;
    }

    /** Events (non-blank input lines). */
    public long rowsIn() {
        return rowsIn;
    }

    /** Flat rows written. */
    public long rowsOut() {
        return rowsOut;
    }

    /** Events refused (not JSON, no usable timestamp, a wrong type, a required field missing): nothing written for them. */
    public long rowsRejected() {
        return rejected;
    }

    /** Events that had no element to explode, under {@code whenEmpty: drop}. */
    public long rowsDropped() {
        return dropped;
    }

    /** The first {@value #KEPT_REASONS} rejections, in input order. */
    public List<Rejection> firstRejections() {
        return Collections.unmodifiableList(reasons);
    }

    public void add(FlattenStats other) {
        bytesIn += other.bytesIn;
        rowsIn += other.rowsIn;
        rowsOut += other.rowsOut;
        rejected += other.rejected;
        dropped += other.dropped;
        for (Rejection r : other.reasons) {
            if (reasons.size() < KEPT_REASONS) {
                reasons.add(r);
            }
        }
    }

    /** {@code rows_in=... rows_out=... rejected=... dropped=...}. */
    public String summary() {
        return String.format(Locale.ROOT, "rows_in=%d rows_out=%d rejected=%d dropped=%d bytes_in=%d",
                rowsIn, rowsOut, rejected, dropped, bytesIn);
    }
}

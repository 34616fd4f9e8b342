package io.ferry.druid.flatten;

import java.util.Arrays;

/**
 * The values taken from one event, reused from event to event: block 0 holds the event's own slots (and the
 * derived fields of the row being written), each exploded element gets a block of its own. Text lives in one
 * shared char arena, so capturing a value allocates nothing.
 */
final class RowValues {
    static final byte MISSING = 0;
    static final byte NULL = 1;
    static final byte STRING = 2;
    static final byte LONG = 3;
    static final byte DOUBLE = 4;
    static final byte BOOLEAN = 5;

    final int width;
    byte[] kind;
    long[] longs;
    double[] doubles;
    int[] off;
    int[] len;
    char[] arena = new char[4096];
    int arenaLength;
    int elements;

    RowValues(int width) {
        this.width = width;
        int n = width * 4;
        kind = new byte[n];
        longs = new long[n];
        doubles = new double[n];
        off = new int[n];
        len = new int[n];
    }

    void reset() {
        Arrays.fill(kind, 0, width, MISSING);
        elements = 0;
        arenaLength = 0;
    }

    /** Starts the next exploded element; returns the base index of its block. */
    int newElement() {
        int base = (1 + elements) * width;
        if (base + width > kind.length) {
            int n = kind.length * 2;
            kind = Arrays.copyOf(kind, n);
            longs = Arrays.copyOf(longs, n);
            doubles = Arrays.copyOf(doubles, n);
            off = Arrays.copyOf(off, n);
            len = Arrays.copyOf(len, n);
        }
        Arrays.fill(kind, base, base + width, MISSING);
        elements++;
        return base;
    }

    static int elementBase(int element, int width) {
        return (1 + element) * width;
    }

    void setNull(int i) {
        kind[i] = NULL;
    }

    void setLong(int i, long v) {
        kind[i] = LONG;
        longs[i] = v;
    }

    void setDouble(int i, double v) {
        kind[i] = DOUBLE;
        doubles[i] = v;
    }

    void setBoolean(int i, boolean v) {
        kind[i] = BOOLEAN;
        longs[i] = v ? 1 : 0;
    }

    void setString(int i, char[] src, int srcOff, int srcLen) {
        int at = reserve(srcLen);
        System.arraycopy(src, srcOff, arena, at, srcLen);
        kind[i] = STRING;
        off[i] = at;
        len[i] = srcLen;
    }

    void setString(int i, String s) {
        int at = reserve(s.length());
        s.getChars(0, s.length(), arena, at);
        kind[i] = STRING;
        off[i] = at;
        len[i] = s.length();
    }

    /** Makes room for {@code n} chars at the end of the arena; returns where they go. */
    int reserve(int n) {
        int at = arenaLength;
        if (at + n > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, at + n));
        }
        arenaLength = at + n;
        return at;
    }

    /** The value as text, for messages and derived text functions; null for missing/null. */
    String text(int i) {
        return switch (kind[i]) {
            case STRING -> new String(arena, off[i], len[i]);
            case LONG -> Long.toString(longs[i]);
            case DOUBLE -> Double.toString(doubles[i]);
            case BOOLEAN -> longs[i] != 0 ? "true" : "false";
            default -> null;
        };
    }

    boolean isAbsent(int i) {
        return kind[i] <= NULL;
    }

    void copy(int from, int to) {
        kind[to] = kind[from];
        longs[to] = longs[from];
        doubles[to] = doubles[from];
        off[to] = off[from];
        len[to] = len[from];
    }
}

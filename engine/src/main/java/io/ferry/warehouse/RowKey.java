package io.ferry.warehouse;

import java.util.Arrays;

/** A primary key value (one entry per key column), compared by content, binary keys included. */
public record RowKey(Object[] values) {
    public static RowKey of(Object[] row, int[] keyIndexes) {
        Object[] key = new Object[keyIndexes.length];
        for (int i = 0; i < keyIndexes.length; i++) {
            key[i] = row[keyIndexes[i]];
        }
        return new RowKey(key);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowKey other && Arrays.deepEquals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.deepToString(values);
    }
}

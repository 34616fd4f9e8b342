package io.ferry.replication;

import io.ferry.warehouse.RowKey;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One chunk of a table read between a low and a high watermark (DBLog). The stream opens the window when it passes
 * the low mark; every change the stream reads in the window, to any key of the chunk's table, takes that key out of
 * the chunk (the stream carries the key's newer full row image itself); at the high mark the rows left are the chunk's
 * contribution, as upserts, placed in the stream at that point. Rows whose key no change touched were the same at the
 * low and the high mark, so they are right there; keys inserted or deleted in the window are the stream's to apply.
 * Not thread-safe: the job's one thread uses it.
 */
final class ChunkWindow {
    enum State { WAITING, OPEN, CLOSED }

    private final TableId table;
    private final int[] keyIndexes;
    private final List<Object[]> rows;
    private final Set<RowKey> touched = new HashSet<>();
    private State state = State.WAITING;

    ChunkWindow(TableId table, int[] keyIndexes, List<Object[]> rows) {
        this.table = table;
        this.keyIndexes = keyIndexes;
        this.rows = rows;
    }

    TableId table() {
        return table;
    }

    State state() {
        return state;
    }

    /** The stream passed the low watermark: changes read from now on are in the window. */
    void open() {
        if (state == State.WAITING) {
            state = State.OPEN;
        }
    }

    /** A change the stream read; counts only while the window is open and for the chunk's table. */
    void onChange(RowChange change) {
        if (state != State.OPEN || !change.table().equals(table)) {
            return;
        }
        if (change.before() != null) {
            touched.add(RowKey.of(change.before(), keyIndexes));
        }
        if (change.after() != null) {
            touched.add(RowKey.of(change.after(), keyIndexes));
        }
    }

    /** The stream passed the high watermark: the rows no change in the window touched, in key order. */
    List<Object[]> close() {
        if (state != State.OPEN) {
            throw new IllegalStateException("The window of a chunk of " + table + " closes before it opened");
        }
        state = State.CLOSED;
        if (touched.isEmpty()) {
            return rows;
        }
        List<Object[]> left = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            if (!touched.contains(RowKey.of(row, keyIndexes))) {
                left.add(row);
            }
        }
        return left;
    }

    /** How many rows the SELECT read. */
    int rowsRead() {
        return rows.size();
    }
}

package io.ferry.warehouse;

import io.ferry.replication.RowChange;
import io.ferry.replication.TableSchema;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The net effect of a run of changes on one table: per primary key, the last state of the row (present with its
 * values, or deleted). An update that changes the key deletes the old key and writes the new one. Applying the
 * collapsed rows gives the same table as applying every change in order.
 */
public final class CollapsedTable {
    /**
     * The final state of one key: the row's values, whether it is gone, the batch sequence number of its last change,
     * and that of its last DELETE event (0: none; a key change is not a delete), which cascades need.
     */
    public record FinalRow(Object[] values, boolean deleted, long seq, long deleteSeq) {
    }

    private final TableSchema schema;
    private final int[] keyIndexes;
    private final Map<RowKey, FinalRow> rows = new LinkedHashMap<>();
    private long changes;
    private long deletes;
    private KeyEvents keyEvents;

    /** A table that cascading foreign keys reference ({@code referencedKeys}): its deletions and key changes are kept. */
    public CollapsedTable(TableSchema schema, java.util.List<java.util.List<String>> referencedKeys) {
        this(schema);
        if (!referencedKeys.isEmpty()) {
            keyEvents = new KeyEvents(schema, referencedKeys);
        }
    }

    public CollapsedTable(TableSchema schema) {
        if (!schema.hasPrimaryKey()) {
            throw new IllegalArgumentException("Table " + schema.id() + " has no primary key: its changes cannot be collapsed");
        }
        this.schema = schema;
        this.keyIndexes = schema.primaryKeyIndexes();
    }

    public TableSchema schema() {
        return schema;
    }

    /** Adds the change with sequence number {@code seq} (increasing through the batch, across tables). */
    public void add(RowChange change, long seq) {
        changes++;
        if (keyEvents != null) {
            keyEvents.add(change, seq);
        }
        switch (change.operation()) {
            case INSERT -> write(RowKey.of(change.after(), keyIndexes), change.after(), false, seq, false);
            case DELETE -> {
                write(RowKey.of(change.before(), keyIndexes), change.before(), true, seq, true);
                deletes++;
            }
            case UPDATE -> {
                RowKey oldKey = RowKey.of(change.before(), keyIndexes);
                RowKey newKey = RowKey.of(change.after(), keyIndexes);
                if (!oldKey.equals(newKey)) {
                    write(oldKey, change.before(), true, seq, false);
                }
                write(newKey, change.after(), false, seq, false);
            }
        }
    }

    private void write(RowKey key, Object[] values, boolean deleted, long seq, boolean deleteEvent) {
        FinalRow previous = rows.get(key);
        long deleteSeq = deleteEvent ? seq : previous == null ? 0 : previous.deleteSeq();
        rows.put(key, new FinalRow(values, deleted, seq, deleteSeq));
    }

    /** A snapshot row: present with these values. */
    public void put(Object[] row) {
        put(row, 0);
    }

    /** A snapshot row placed in a batch after its change {@code seq} (a chunk emitted at its high watermark). */
    public void put(Object[] row, long seq) {
        changes++;
        RowKey key = RowKey.of(row, keyIndexes);
        FinalRow previous = seq == 0 ? null : rows.get(key);
        rows.put(key, new FinalRow(row, false, seq, previous == null ? 0 : previous.deleteSeq()));
    }

    /** The deletions and key changes, in order, when cascading keys reference this table; else null. */
    public KeyEvents keyEvents() {
        return keyEvents;
    }

    /** How many DELETE events went in. */
    public long deleteCount() {
        return deletes;
    }

    public Collection<FinalRow> rows() {
        return rows.values();
    }

    /** How many changes went in (before collapsing). */
    public long changeCount() {
        return changes;
    }

    public int size() {
        return rows.size();
    }
}

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
    /** The final state of one key: the row's values and whether it is gone. */
    public record FinalRow(Object[] values, boolean deleted) {
    }

    private final TableSchema schema;
    private final int[] keyIndexes;
    private final Map<RowKey, FinalRow> rows = new LinkedHashMap<>();
    private long changes;

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

    public void add(RowChange change) {
        changes++;
        switch (change.operation()) {
            case INSERT -> rows.put(RowKey.of(change.after(), keyIndexes), new FinalRow(change.after(), false));
            case DELETE -> rows.put(RowKey.of(change.before(), keyIndexes), new FinalRow(change.before(), true));
            case UPDATE -> {
                RowKey oldKey = RowKey.of(change.before(), keyIndexes);
                RowKey newKey = RowKey.of(change.after(), keyIndexes);
                if (!oldKey.equals(newKey)) {
                    rows.put(oldKey, new FinalRow(change.before(), true));
                }
                rows.put(newKey, new FinalRow(change.after(), false));
            }
        }
    }

    /** A snapshot row: present with these values. */
    public void put(Object[] row) {
        changes++;
        rows.put(RowKey.of(row, keyIndexes), new FinalRow(row, false));
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

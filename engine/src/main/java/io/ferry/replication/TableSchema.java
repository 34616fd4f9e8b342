package io.ferry.replication;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A source table's columns in ordinal order and its primary key (column names, in key order). */
public record TableSchema(TableId id, List<ColumnSchema> columns, List<String> primaryKey) {
    public TableSchema {
        Objects.requireNonNull(id, "id");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        for (String key : primaryKey) {
            if (columns.stream().noneMatch(c -> c.name().equals(key))) {
                throw new IllegalArgumentException("Primary key column " + key + " is not a column of " + id);
            }
        }
    }

    public boolean hasPrimaryKey() {
        return !primaryKey.isEmpty();
    }

    public int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException(id + " has no column " + column);
    }

    /** Positions of the primary key columns in {@link #columns()}, in key order. */
    public int[] primaryKeyIndexes() {
        int[] indexes = new int[primaryKey.size()];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = indexOf(primaryKey.get(i));
        }
        return indexes;
    }

    public List<String> columnNames() {
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(c.name()));
        return names;
    }
}

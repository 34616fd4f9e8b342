package io.ferry.warehouse;

import io.ferry.replication.TableSchema;

/** A warehouse table and the source table whose rows it holds (same columns, same order). */
public record TargetTable(String schema, String table, TableSchema source) {
    @Override
    public String toString() {
        return schema + "." + table;
    }
}

package io.ferry.replication;

import java.util.Objects;

/** A source table: MySQL schema (database) and table name, exactly as the server spells them. */
public record TableId(String schema, String table) implements Comparable<TableId> {
    public TableId {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        if (schema.isEmpty() || table.isEmpty()) {
            throw new IllegalArgumentException("A table needs a schema and a name, got '" + schema + "." + table + "'");
        }
    }

    /** Parses {@code schema.table}; the table part may not contain a dot. */
    public static TableId parse(String qualified) {
        int dot = qualified.indexOf('.');
        if (dot <= 0 || dot == qualified.length() - 1 || qualified.indexOf('.', dot + 1) >= 0) {
            throw new IllegalArgumentException("Expected schema.table, got '" + qualified + "'");
        }
        return new TableId(qualified.substring(0, dot), qualified.substring(dot + 1));
    }

    @Override
    public int compareTo(TableId other) {
        int c = schema.compareTo(other.schema);
        return c != 0 ? c : table.compareTo(other.table);
    }

    @Override
    public String toString() {
        return schema + "." + table;
    }
}

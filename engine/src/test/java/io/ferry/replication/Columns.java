package io.ferry.replication;

/** Column schemas for unit tests, as information_schema would describe them. */
final class Columns {
    private Columns() {
    }

    static ColumnSchema of(String name, String dataType, String columnType) {
        return new ColumnSchema(name, dataType, columnType, true, null, null, null, null, null, false);
    }

    static ColumnSchema text(String name, String dataType, String columnType, long maxLength, String charset) {
        return new ColumnSchema(name, dataType, columnType, true, maxLength, null, null, null, charset, false);
    }

    static ColumnSchema decimal(String name, int precision, int scale) {
        return new ColumnSchema(name, "decimal", "decimal(" + precision + "," + scale + ")", true, null, precision, scale, null, null, false);
    }

    static ColumnSchema temporal(String name, String dataType, int precision) {
        return new ColumnSchema(name, dataType, dataType + "(" + precision + ")", true, null, null, null, precision, null, false);
    }

    static ColumnSchema json(String name, String dataType) {
        return new ColumnSchema(name, dataType, dataType, true, null, null, null, null, "utf8mb4", true);
    }

    static ColumnSchema notNull(String name, String dataType, String columnType) {
        return new ColumnSchema(name, dataType, columnType, false, null, null, null, null, null, false);
    }
}

package io.ferry.druid;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The answer of a Druid SQL query: column names in order, the rows, and each column's SQL type as Druid
 * declared it ({@code VARCHAR}, {@code BIGINT}, {@code TIMESTAMP}, ...; empty when unknown).
 */
public record SqlResult(List<String> columns, List<SqlRow> rows, List<String> sqlTypes) {

    public SqlResult(List<String> columns, List<SqlRow> rows) {
        this(columns, rows, List.of());
    }

    /** The SQL type Druid declared for a column, or empty text when it did not say. */
    public String sqlType(int column) {
        return column < sqlTypes.size() ? sqlTypes.get(column) : "";
    }

    public int size() {
        return rows.size();
    }

    /** The single value of a one-row, one-column answer (a COUNT, a SUM), as a long. */
    public long singleLong() {
        if (rows.size() != 1 || columns.size() != 1) {
            throw new IllegalStateException("expected one row with one column, got " + rows.size() + " rows of " + columns);
        }
        return rows.get(0).getLong(columns.get(0));
    }

    /** One row of a {@link SqlResult}: values by column name. */
    public record SqlRow(List<String> columns, List<JsonNode> values) {
        public JsonNode get(String column) {
            int i = columns.indexOf(column);
            if (i < 0) {
                throw new IllegalArgumentException("no column " + column + " in " + columns);
            }
            return values.get(i);
        }

        public String getString(String column) {
            JsonNode value = get(column);
            return value.isNull() ? null : value.asText();
        }

        public long getLong(String column) {
            return get(column).asLong();
        }

        public double getDouble(String column) {
            return get(column).asDouble();
        }

        /** Druid SQL answers booleans of system tables as 0/1 longs. */
        public boolean getBoolean(String column) {
            JsonNode value = get(column);
            return value.isBoolean() ? value.asBoolean() : value.asLong() != 0;
        }
    }
}

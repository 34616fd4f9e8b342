package io.ferry.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.druid.SqlResult;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A Druid SQL answer as a {@link DataTable}: column types from the SQL types Druid declared. */
final class DruidResultTable {
    private DruidResultTable() {
    }

    static DataTable from(SqlResult result) {
        List<DataTable.Column> cols = new ArrayList<>();
        for (int i = 0; i < result.columns().size(); i++) {
            cols.add(new DataTable.Column(result.columns().get(i), result.columns().get(i), type(result.sqlType(i))));
        }
        List<List<DataTable.Cell>> rows = new ArrayList<>();
        for (SqlResult.SqlRow row : result.rows()) {
            List<DataTable.Cell> cells = new ArrayList<>();
            for (int i = 0; i < cols.size(); i++) {
                cells.add(DataTable.Cell.of(value(row.values().get(i), cols.get(i).type())));
            }
            rows.add(cells);
        }
        return new DataTable(cols, rows);
    }

    static ColumnType type(String sqlType) {
        return switch (sqlType.toUpperCase(Locale.ROOT)) {
            case "TIMESTAMP" -> ColumnType.DATETIME;
            case "DATE" -> ColumnType.DATE;
            case "BIGINT", "INTEGER", "SMALLINT", "TINYINT", "DOUBLE", "FLOAT", "REAL", "DECIMAL" -> ColumnType.NUMBER;
            case "BOOLEAN" -> ColumnType.BOOLEAN;
            default -> ColumnType.STRING;
        };
    }

    static Object value(JsonNode v, ColumnType type) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        return switch (type) {
            case NUMBER -> v.isNumber() ? v.numberValue() : parseNumber(v.asText());
            case BOOLEAN -> v.isBoolean() ? v.asBoolean() : v.asLong() != 0;
            case DATETIME -> time(v);
            case DATE -> {
                Instant t = time(v);
                yield t == null ? null : LocalDate.ofInstant(t, java.time.ZoneOffset.UTC);
            }
            case STRING -> v.isTextual() ? v.asText() : v.toString();
        };
    }

    /** Druid answers TIMESTAMP as ISO-8601 text (or epoch millis with another sqlTimeZone setting). */
    private static Instant time(JsonNode v) {
        if (v.isNumber()) {
            return Instant.ofEpochMilli(v.asLong());
        }
        String text = v.asText();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return LocalDate.parse(text.substring(0, Math.min(10, text.length()))).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        }
    }

    private static Number parseNumber(String text) {
        try {
            return new java.math.BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

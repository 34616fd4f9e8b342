package io.ferry.reporting;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Writes a {@link DataTable} as the JSON the Google Visualization API reads:
 * {@code {"cols":[{"id","label","type"}],"rows":[{"c":[{"v":..,"f":..}]}]}}. Dates and datetimes are written as
 * {@code "Date(y,m,d)"} and {@code "Date(y,m,d,h,mi,s)"} with a zero-based month (January is 0), in UTC; a null is
 * {@code {"v":null}}. Strings are escaped by Jackson, so a value can never break out of its JSON string.
 */
public final class DataTableJson {
    private static final JsonFactory JSON = new JsonFactory();

    private DataTableJson() {
    }

    public static String write(DataTable table) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("cols");
            for (DataTable.Column c : table.cols()) {
                g.writeStartObject();
                g.writeStringField("id", c.id());
                g.writeStringField("label", c.label());
                g.writeStringField("type", c.type().json());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("rows");
            for (var row : table.rows()) {
                g.writeStartObject();
                g.writeArrayFieldStart("c");
                for (int i = 0; i < row.size(); i++) {
                    cell(g, row.get(i), table.cols().get(i).type());
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void cell(JsonGenerator g, DataTable.Cell cell, ColumnType type) throws IOException {
        g.writeStartObject();
        g.writeFieldName("v");
        value(g, cell.v(), type);
        if (cell.f() != null) {
            g.writeStringField("f", cell.f());
        }
        g.writeEndObject();
    }

    private static void value(JsonGenerator g, Object v, ColumnType type) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Instant instant) {
            LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
            g.writeString(type == ColumnType.DATE ? date(t.toLocalDate()) : dateTime(t));
        } else if (v instanceof LocalDateTime t) {
            g.writeString(type == ColumnType.DATE ? date(t.toLocalDate()) : dateTime(t));
        } else if (v instanceof LocalDate d) {
            g.writeString(type == ColumnType.DATETIME ? dateTime(d.atStartOfDay()) : date(d));
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof BigDecimal n) {
            g.writeNumber(n);
        } else if (v instanceof BigInteger n) {
            g.writeNumber(n);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isFinite(d)) {
                g.writeNumber(d);
            } else {
                g.writeNull(); // JSON has no NaN or infinity
            }
        } else {
            g.writeString(v.toString());
        }
    }

    /** {@code Date(2024,0,31)} for 31 January 2024. */
    static String date(LocalDate d) {
        return "Date(" + d.getYear() + "," + (d.getMonthValue() - 1) + "," + d.getDayOfMonth() + ")";
    }

    /** {@code Date(2024,0,31,13,5,9)}; milliseconds, when there are any, as a seventh number. */
    static String dateTime(LocalDateTime t) {
        String base = "Date(" + t.getYear() + "," + (t.getMonthValue() - 1) + "," + t.getDayOfMonth() + ","
                + t.getHour() + "," + t.getMinute() + "," + t.getSecond();
        int millis = t.getNano() / 1_000_000;
        return base + (millis == 0 ? ")" : "," + millis + ")");
    }
}

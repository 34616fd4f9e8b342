package io.ferry.replication;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Reads a source table in primary-key order, one chunk at a time ({@code WHERE (pk) > (last) ORDER BY pk LIMIT n}),
 * into the same canonical values the binlog path produces ({@link ValueKind}), so that a snapshot row and a later
 * change of it converge in the warehouse. Temporal values are read as the server's own text (session in UTC), so
 * no driver time-zone conversion can shift them.
 */
public final class SnapshotReader {
    static final DateTimeFormatter DATETIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd().toFormatter();

    private final TableSchema schema;
    private final ValueKind[] kinds;
    private final int[] keyIndexes;
    private final String firstChunk;
    private final String nextChunk;
    private final ZeroDatePolicy zeroDates;

    public SnapshotReader(TableSchema schema, int chunkRows) {
        this(schema, chunkRows, ZeroDatePolicy.FAIL);
    }

    public SnapshotReader(TableSchema schema, int chunkRows, ZeroDatePolicy zeroDates) {
        this.zeroDates = zeroDates;
        if (!schema.hasPrimaryKey()) {
            throw new IllegalArgumentException("Table " + schema.id() + " has no primary key: it cannot be read in chunks");
        }
        this.schema = schema;
        this.kinds = new ValueKind[schema.columns().size()];
        StringJoiner select = new StringJoiner(", ");
        for (int i = 0; i < kinds.length; i++) {
            ColumnSchema c = schema.columns().get(i);
            kinds[i] = ValueKind.of(schema.id(), c);
            select.add(selectExpression(c, kinds[i]));
        }
        this.keyIndexes = schema.primaryKeyIndexes();
        StringJoiner key = new StringJoiner(", ");
        StringJoiner marks = new StringJoiner(", ");
        schema.primaryKey().forEach(k -> {
            key.add(Preflight.quote(k));
            marks.add("?");
        });
        String from = " FROM " + Preflight.quote(schema.id().schema()) + "." + Preflight.quote(schema.id().table());
        this.firstChunk = "SELECT " + select + from + " ORDER BY " + key + " LIMIT " + chunkRows;
        this.nextChunk = "SELECT " + select + from + " WHERE (" + key + ") > (" + marks + ") ORDER BY " + key + " LIMIT " + chunkRows;
    }

    public TableSchema schema() {
        return schema;
    }

    public ValueKind[] keyKinds() {
        ValueKind[] k = new ValueKind[keyIndexes.length];
        for (int i = 0; i < k.length; i++) {
            k[i] = kinds[keyIndexes[i]];
        }
        return k;
    }

    /** The rows after {@code afterKey} (null: from the start), at most one chunk, in key order. */
    public List<Object[]> readChunk(Connection source, Object[] afterKey) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement st = source.prepareStatement(afterKey == null ? firstChunk : nextChunk)) {
            if (afterKey != null) {
                for (int i = 0; i < afterKey.length; i++) {
                    bind(st, i + 1, afterKey[i]);
                }
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Object[] row = new Object[kinds.length];
                    for (int i = 0; i < kinds.length; i++) {
                        row[i] = read(rs, i + 1, i);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** The primary key of a row read by {@link #readChunk}. */
    public Object[] keyOf(Object[] row) {
        Object[] key = new Object[keyIndexes.length];
        for (int i = 0; i < key.length; i++) {
            key[i] = row[keyIndexes[i]];
        }
        return key;
    }

    private static String selectExpression(ColumnSchema c, ValueKind kind) {
        String col = Preflight.quote(c.name());
        return switch (kind) {
            case DATE, DATETIME, TIMESTAMP, TIME -> "CAST(" + col + " AS CHAR)";
            case BITS -> "BIN(" + col + ")";
            case INTEGER -> c.dataType().equals("year") ? col + " + 0" : col;
            default -> col;
        };
    }

    private Object read(ResultSet rs, int index, int column) throws SQLException {
        ColumnSchema c = schema.columns().get(column);
        Object value = switch (kinds[column]) {
            case INTEGER -> rs.getLong(index);
            case UNSIGNED_BIGINT -> rs.getString(index) == null ? null : new BigInteger(rs.getString(index));
            case DECIMAL -> rs.getBigDecimal(index);
            case FLOAT -> rs.getFloat(index);
            case DOUBLE -> rs.getDouble(index);
            case TEXT, JSON -> rs.getString(index);
            case BYTES -> rs.getBytes(index);
            case DATE -> text(rs, index, column, LocalDate::parse);
            case DATETIME -> text(rs, index, column, DateTimeText::parse);
            case TIMESTAMP -> text(rs, index, column, s -> DateTimeText.parse(s).toInstant(ZoneOffset.UTC));
            case TIME -> text(rs, index, column, MySqlTime::parse);
            case BITS -> text(rs, index, column, s -> pad(s, c.declaredLength()));
            case BOOLEAN -> rs.getBoolean(index);
        };
        return rs.wasNull() ? null : value;
    }

    private Object text(ResultSet rs, int index, int column, java.util.function.Function<String, Object> parse) throws SQLException {
        String s = rs.getString(index);
        if (s == null) {
            return null;
        }
        ColumnSchema c = schema.columns().get(column);
        boolean date = kinds[column] != ValueKind.TIME && kinds[column] != ValueKind.BITS;
        if (date && isZeroDate(s)) {
            return zeroDates.zeroDate(schema, c, s, true);
        }
        return parse.apply(s);
    }

    /** A DATE/DATETIME/TIMESTAMP as the server prints it with a zero year, month or day. */
    static boolean isZeroDate(String s) {
        return s.startsWith("0000-") || s.contains("-00 ") || s.endsWith("-00") || s.contains("-00-");
    }

    private static String pad(String bits, int width) {
        return bits.length() >= width ? bits : "0".repeat(width - bits.length()) + bits;
    }

    /** Binds a canonical key value as a MySQL parameter (temporal values as text in the UTC session). */
    static void bind(PreparedStatement st, int index, Object value) throws SQLException {
        if (value instanceof Long l) {
            st.setLong(index, l);
        } else if (value instanceof BigInteger b) {
            st.setBigDecimal(index, new BigDecimal(b));
        } else if (value instanceof BigDecimal d) {
            st.setBigDecimal(index, d);
        } else if (value instanceof byte[] bytes) {
            st.setBytes(index, bytes);
        } else if (value instanceof Float f) {
            st.setFloat(index, f);
        } else if (value instanceof Double d) {
            st.setDouble(index, d);
        } else if (value instanceof LocalDateTime t) {
            st.setString(index, DATETIME.format(t));
        } else if (value instanceof Instant i) {
            st.setString(index, DATETIME.format(LocalDateTime.ofInstant(i, ZoneOffset.UTC)));
        } else if (value instanceof Duration d) {
            st.setString(index, MySqlTime.format(d));
        } else {
            st.setString(index, value.toString());
        }
    }
}

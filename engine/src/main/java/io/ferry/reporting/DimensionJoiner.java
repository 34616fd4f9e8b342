package io.ferry.reporting;

import io.ferry.config.ReportConfig;
import io.ferry.genlog.ServerConnections;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Left-joins a {@link DataTable} with a MySQL dimension table: the rows whose key column matches are looked up in
 * batches ({@code WHERE on IN (...)}, identifiers quoted), and the requested columns are inserted right after the
 * key column. Keys compare as text, so a Druid string dimension "12" matches a BIGINT id 12.
 */
final class DimensionJoiner {
    private static final int BATCH = 500;

    private DimensionJoiner() {
    }

    static DataTable join(DataTable table, ReportConfig.Join join, ServerConnections mysql) throws SQLException {
        int keyIndex = -1;
        for (int i = 0; i < table.cols().size(); i++) {
            if (table.cols().get(i).id().equals(join.key())) {
                keyIndex = i;
            }
        }
        if (keyIndex < 0) {
            throw new IllegalStateException("the join key '" + join.key() + "' is not a column of the Druid result "
                    + table.cols().stream().map(DataTable.Column::id).toList());
        }
        Set<String> keys = new LinkedHashSet<>();
        for (List<DataTable.Cell> row : table.rows()) {
            String key = keyText(row.get(keyIndex).v());
            if (key != null) {
                keys.add(key);
            }
        }
        Map<String, Object[]> found = new HashMap<>();
        List<ColumnType> types = new ArrayList<>();
        try (Connection c = mysql.open()) {
            types.addAll(columnTypes(c, join));
            List<String> all = new ArrayList<>(keys);
            for (int from = 0; from < all.size(); from += BATCH) {
                lookup(c, join, all.subList(from, Math.min(all.size(), from + BATCH)), found);
            }
        }
        List<DataTable.Column> cols = new ArrayList<>(table.cols());
        Set<String> taken = new LinkedHashSet<>(table.cols().stream().map(DataTable.Column::id).toList());
        for (int j = 0; j < join.columns().size(); j++) {
            String name = join.columns().get(j);
            String id = taken.contains(name) ? lastPart(join.table()) + "." + name : name;
            taken.add(id);
            cols.add(keyIndex + 1 + j, new DataTable.Column(id, name, types.get(j)));
        }
        List<List<DataTable.Cell>> rows = new ArrayList<>();
        for (List<DataTable.Cell> row : table.rows()) {
            List<DataTable.Cell> joined = new ArrayList<>(row);
            Object[] values = found.get(keyText(row.get(keyIndex).v()));
            for (int j = 0; j < join.columns().size(); j++) {
                joined.add(keyIndex + 1 + j, DataTable.Cell.of(values == null ? null : values[j]));
            }
            rows.add(joined);
        }
        return new DataTable(cols, rows);
    }

    private static List<ColumnType> columnTypes(Connection c, ReportConfig.Join join) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(select(join) + " WHERE 1 = 0");
             ResultSet rs = st.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            List<ColumnType> types = new ArrayList<>();
            for (int j = 0; j < join.columns().size(); j++) {
                types.add(type(meta.getColumnType(j + 2)));
            }
            return types;
        }
    }

    private static void lookup(Connection c, ReportConfig.Join join, List<String> keys, Map<String, Object[]> found) throws SQLException {
        String sql = select(join) + " WHERE " + quote(join.on()) + " IN (" + String.join(", ", java.util.Collections.nCopies(keys.size(), "?")) + ")";
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < keys.size(); i++) {
                st.setString(i + 1, keys.get(i));
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Object[] values = new Object[join.columns().size()];
                    for (int j = 0; j < values.length; j++) {
                        values[j] = value(rs, j + 2);
                    }
                    found.put(rs.getString(1), values);
                }
            }
        }
    }

    private static String select(ReportConfig.Join join) {
        StringBuilder sql = new StringBuilder("SELECT ").append(quote(join.on()));
        join.columns().forEach(col -> sql.append(", ").append(quote(col)));
        sql.append(" FROM ");
        String[] parts = join.table().split("\\.", 2);
        sql.append(parts.length == 2 ? quote(parts[0]) + "." + quote(parts[1]) : quote(join.table()));
        return sql.toString();
    }

    private static Object value(ResultSet rs, int column) throws SQLException {
        int type = rs.getMetaData().getColumnType(column);
        Object v = switch (type) {
            case Types.DATE -> {
                java.sql.Date d = rs.getDate(column);
                yield d == null ? null : d.toLocalDate();
            }
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
                java.sql.Timestamp t = rs.getTimestamp(column);
                yield t == null ? null : t.toLocalDateTime();
            }
            case Types.BIT, Types.BOOLEAN -> rs.getBoolean(column);
            default -> rs.getObject(column);
        };
        return rs.wasNull() ? null : v;
    }

    static ColumnType type(int jdbcType) {
        return switch (jdbcType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.FLOAT, Types.REAL, Types.DOUBLE,
                 Types.DECIMAL, Types.NUMERIC -> ColumnType.NUMBER;
            case Types.BIT, Types.BOOLEAN -> ColumnType.BOOLEAN;
            case Types.DATE -> ColumnType.DATE;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> ColumnType.DATETIME;
            default -> ColumnType.STRING;
        };
    }

    private static String keyText(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Number n && !(v instanceof Double) && !(v instanceof Float)) {
            return new java.math.BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        if (v instanceof Double || v instanceof Float) {
            return java.math.BigDecimal.valueOf(((Number) v).doubleValue()).stripTrailingZeros().toPlainString();
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        return v.toString();
    }

    private static String lastPart(String table) {
        int dot = table.lastIndexOf('.');
        return dot < 0 ? table : table.substring(dot + 1);
    }

    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}

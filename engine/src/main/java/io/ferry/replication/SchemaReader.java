package io.ferry.replication;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads table lists and table schemas from a MySQL/MariaDB {@code information_schema}. */
public final class SchemaReader {
    private static final Pattern JSON_VALID = Pattern.compile("json_valid\\(`((?:[^`]|``)+)`\\)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("mysql", "information_schema", "performance_schema", "sys");

    private SchemaReader() {
    }

    /** Every base table outside the system schemas. */
    public static List<TableId> listTables(Connection source) throws SQLException {
        List<TableId> tables = new ArrayList<>();
        try (PreparedStatement st = source.prepareStatement(
                "SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES WHERE TABLE_TYPE = 'BASE TABLE' "
                        + "ORDER BY TABLE_SCHEMA, TABLE_NAME");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                if (!SYSTEM_SCHEMAS.contains(rs.getString(1).toLowerCase(Locale.ROOT))
                        && !Heartbeat.TABLE.equals(new TableId(rs.getString(1), rs.getString(2)))) {
                    tables.add(new TableId(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return tables;
    }

    /** The schema of one table; throws if the table does not exist. */
    public static TableSchema read(Connection source, TableId table) throws SQLException {
        Set<String> jsonColumns = jsonColumns(source, table);
        List<ColumnSchema> columns = new ArrayList<>();
        try (PreparedStatement st = source.prepareStatement(
                "SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, IS_NULLABLE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, "
                        + "NUMERIC_SCALE, DATETIME_PRECISION, CHARACTER_SET_NAME FROM information_schema.COLUMNS "
                        + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            st.setString(1, table.schema());
            st.setString(2, table.table());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    String dataType = rs.getString(2).toLowerCase(Locale.ROOT);
                    columns.add(new ColumnSchema(name, dataType, rs.getString(3), "YES".equals(rs.getString(4)),
                            longOrNull(rs, 5), intOrNull(rs, 6), intOrNull(rs, 7), intOrNull(rs, 8), rs.getString(9),
                            dataType.equals("json") || jsonColumns.contains(name)));
                }
            }
        }
        if (columns.isEmpty()) {
            throw new SQLException("Table " + table + " does not exist on the source (or this user may not see it)");
        }
        return new TableSchema(table, columns, primaryKey(source, table));
    }

    public static Map<TableId, TableSchema> readAll(Connection source, List<TableId> tables) throws SQLException {
        Map<TableId, TableSchema> schemas = new LinkedHashMap<>();
        for (TableId t : tables) {
            schemas.put(t, read(source, t));
        }
        return schemas;
    }

    private static final Pattern FOREIGN_KEY = Pattern.compile(
            "CONSTRAINT `((?:[^`]|``)+)` FOREIGN KEY \\(([^)]*)\\) REFERENCES (?:`((?:[^`]|``)+)`\\.)?`((?:[^`]|``)+)` \\(([^)]*)\\)"
                    + "(?: ON DELETE (CASCADE|SET NULL|SET DEFAULT|NO ACTION|RESTRICT))?"
                    + "(?: ON UPDATE (CASCADE|SET NULL|SET DEFAULT|NO ACTION|RESTRICT))?");

    /**
     * The foreign keys whose child and parent are both among {@code tables}, read from {@code SHOW CREATE TABLE}
     * (MariaDB shows {@code information_schema.REFERENTIAL_CONSTRAINTS} empty to a user without global grants).
     */
    public static List<ForeignKey> foreignKeys(Connection source, java.util.Collection<TableId> tables) throws SQLException {
        Set<TableId> selected = new HashSet<>(tables);
        List<ForeignKey> keys = new ArrayList<>();
        for (TableId child : tables) {
            String ddl;
            try (java.sql.Statement st = source.createStatement();
                 ResultSet rs = st.executeQuery("SHOW CREATE TABLE " + Preflight.quote(child.schema()) + "." + Preflight.quote(child.table()))) {
                rs.next();
                ddl = rs.getString(2);
            }
            for (ForeignKey fk : parseForeignKeys(child, ddl)) {
                if (selected.contains(fk.parent())) {
                    keys.add(fk);
                }
            }
        }
        return keys;
    }

    /** The FOREIGN KEY clauses of a {@code SHOW CREATE TABLE} text; a missing ON clause is RESTRICT. */
    static List<ForeignKey> parseForeignKeys(TableId child, String createTable) {
        List<ForeignKey> keys = new ArrayList<>();
        Matcher m = FOREIGN_KEY.matcher(createTable);
        while (m.find()) {
            String parentSchema = m.group(3) != null ? unquote(m.group(3)) : child.schema();
            keys.add(new ForeignKey(unquote(m.group(1)), child, columnList(m.group(2)), new TableId(parentSchema, unquote(m.group(4))),
                    columnList(m.group(5)), action(m.group(6)), action(m.group(7))));
        }
        return keys;
    }

    private static ForeignKey.Action action(String rule) {
        return rule == null ? ForeignKey.Action.RESTRICT : ForeignKey.Action.parse(rule);
    }

    private static List<String> columnList(String quoted) {
        List<String> names = new ArrayList<>();
        for (String part : quoted.split("`\\s*,\\s*`")) {
            names.add(unquote(part.trim().replaceAll("^`|`$", "")));
        }
        return names;
    }

    private static String unquote(String name) {
        return name.replace("``", "`");
    }

    private static List<String> primaryKey(Connection source, TableId table) throws SQLException {
        List<String> key = new ArrayList<>();
        try (PreparedStatement st = source.prepareStatement(
                "SELECT COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? "
                        + "AND CONSTRAINT_NAME = 'PRIMARY' ORDER BY ORDINAL_POSITION")) {
            st.setString(1, table.schema());
            st.setString(2, table.table());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    key.add(rs.getString(1));
                }
            }
        }
        return key;
    }

    /** MariaDB's JSON is LONGTEXT plus a {@code json_valid(`col`)} check constraint: find those columns. */
    private static Set<String> jsonColumns(Connection source, TableId table) throws SQLException {
        Set<String> names = new HashSet<>();
        if (!source.getMetaData().getDatabaseProductVersion().toLowerCase(Locale.ROOT).contains("mariadb")) {
            return names;
        }
        try (PreparedStatement st = source.prepareStatement(
                "SELECT CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME = ?")) {
            st.setString(1, table.schema());
            st.setString(2, table.table());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Matcher m = JSON_VALID.matcher(rs.getString(1));
                    if (m.matches() || m.find()) {
                        names.add(m.group(1).replace("``", "`"));
                    }
                }
            }
        }
        return names;
    }

    private static Long longOrNull(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }

    private static Integer intOrNull(ResultSet rs, int i) throws SQLException {
        int v = rs.getInt(i);
        return rs.wasNull() ? null : v;
    }
}

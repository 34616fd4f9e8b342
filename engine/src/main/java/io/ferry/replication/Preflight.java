package io.ferry.replication;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The checks a replication job passes before it starts, so that it never streams a binlog it cannot decode
 * completely: binlog on in ROW format with FULL row images and FULL metadata, a server id, no compressed or
 * partial-JSON events, the replication grants, SELECT on and a primary key in every selected table, and only
 * column types Ferry maps without loss. Every problem is reported at once, each with what to do.
 */
public final class Preflight {
    private Preflight() {
    }

    /** Throws a {@link PreflightException} listing every problem; returns quietly when all is well. */
    public static void check(Connection source, Collection<TableSchema> tables, CascadePlan cascades) throws SQLException {
        check(source, tables, cascades, WatermarkMode.AUTO);
    }

    /** As {@link #check(Connection, Collection, CascadePlan)}, with the full load's watermarks of {@code watermarks}. */
    public static void check(Connection source, Collection<TableSchema> tables, CascadePlan cascades,
                             WatermarkMode watermarks) throws SQLException {
        List<String> problems = problems(source, tables, cascades, watermarks);
        if (!problems.isEmpty()) {
            throw new PreflightException(problems);
        }
    }

    /** Every problem, each with what to do; empty when the source is ready. */
    public static List<String> problems(Connection source, Collection<TableSchema> tables, CascadePlan cascades) throws SQLException {
        return problems(source, tables, cascades, WatermarkMode.AUTO);
    }

    /** Every problem, each with what to do, with the full load's watermarks of {@code watermarks}. */
    public static List<String> problems(Connection source, Collection<TableSchema> tables, CascadePlan cascades,
                                        WatermarkMode watermarks) throws SQLException {
        List<String> problems = new ArrayList<>(cascades.problems());
        Map<String, String> vars = variables(source);
        boolean mariadb = vars.getOrDefault("version", "").toLowerCase(Locale.ROOT).contains("mariadb");
        expect(problems, vars, "log_bin", "ON", "the binlog is off: start the server with log_bin");
        expect(problems, vars, "binlog_format", "ROW", "set binlog_format=ROW");
        expect(problems, vars, "binlog_row_image", "FULL", "set binlog_row_image=FULL");
        if (vars.containsKey("binlog_row_metadata")) {
            expect(problems, vars, "binlog_row_metadata", "FULL", "set binlog_row_metadata=FULL");
        }
        if ("0".equals(vars.get("server_id"))) {
            problems.add("server_id is 0: a server that writes a binlog for replicas needs a non-zero server_id");
        }
        if ("ON".equalsIgnoreCase(vars.getOrDefault("log_bin_compress", "OFF"))) {
            problems.add("log_bin_compress is ON: MariaDB's compressed binlog events cannot be decoded by the binlog "
                    + "client and would be skipped silently. Set log_bin_compress=OFF");
        }
        if (vars.getOrDefault("binlog_row_value_options", "").toUpperCase(Locale.ROOT).contains("PARTIAL_JSON")) {
            problems.add("binlog_row_value_options=PARTIAL_JSON: partial JSON updates cannot be decoded. Set it to ''");
        }
        if ("ON".equalsIgnoreCase(vars.getOrDefault("binlog_transaction_compression", "OFF"))) {
            problems.add("binlog_transaction_compression is ON: compressed transaction payloads are not supported yet. Turn it off");
        }
        checkGrants(source, mariadb, problems);
        problems.addAll(WatermarkPreflight.problems(source, watermarks));
        problems.addAll(BinlogRetention.problems(source));
        for (TableSchema table : tables) {
            if (!table.hasPrimaryKey()) {
                problems.add("table " + table.id() + " has no primary key: Ferry cannot apply its changes exactly once. "
                        + "Add a primary key or exclude the table");
            }
            for (ColumnSchema column : table.columns()) {
                try {
                    ValueKind.of(table.id(), column);
                } catch (UnsupportedTypeException e) {
                    problems.add(e.getMessage());
                }
            }
            try (Statement st = source.createStatement()) {
                st.executeQuery("SELECT 1 FROM " + quote(table.id().schema()) + "." + quote(table.id().table()) + " LIMIT 0").close();
            } catch (SQLException e) {
                problems.add("cannot SELECT from " + table.id() + ": grant SELECT on it to the replication user ("
                        + e.getMessage() + ")");
            }
        }
        return problems;
    }

    private static void checkGrants(Connection source, boolean mariadb, List<String> problems) throws SQLException {
        StringBuilder grants = new StringBuilder();
        try (Statement st = source.createStatement(); ResultSet rs = st.executeQuery("SHOW GRANTS")) {
            while (rs.next()) {
                String grant = rs.getString(1).toUpperCase(Locale.ROOT);
                if (grant.contains(" ON *.* ")) {
                    grants.append(grant).append('\n');
                }
            }
        }
        String g = grants.toString();
        boolean all = g.contains("ALL PRIVILEGES");
        if (!all && !g.contains("REPLICATION SLAVE") && !g.contains("REPLICATION REPLICA")) {
            problems.add("the user lacks REPLICATION SLAVE: GRANT REPLICATION SLAVE ON *.* TO the replication user");
        }
        boolean monitor = g.contains("REPLICATION CLIENT") || g.contains("BINLOG MONITOR") || g.contains("SUPER");
        if (!all && !monitor) {
            problems.add("the user lacks " + (mariadb ? "BINLOG MONITOR" : "REPLICATION CLIENT")
                    + " (needed to read the binlog position): GRANT " + (mariadb ? "BINLOG MONITOR" : "REPLICATION CLIENT")
                    + " ON *.* TO the replication user");
        }
    }

    private static void expect(List<String> problems, Map<String, String> vars, String name, String wanted, String fix) {
        String actual = vars.get(name);
        if (actual == null || !actual.equalsIgnoreCase(wanted) && !(wanted.equals("ON") && actual.equals("1"))) {
            problems.add(name + " is " + (actual == null ? "not set" : actual) + ", Ferry needs " + wanted + ": " + fix);
        }
    }

    private static Map<String, String> variables(Connection source) throws SQLException {
        Map<String, String> vars = new HashMap<>();
        try (Statement st = source.createStatement(); ResultSet rs = st.executeQuery(
                "SHOW GLOBAL VARIABLES WHERE Variable_name IN ('log_bin','binlog_format','binlog_row_image',"
                        + "'binlog_row_metadata','server_id','log_bin_compress','binlog_row_value_options',"
                        + "'binlog_transaction_compression','version')")) {
            while (rs.next()) {
                vars.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
            }
        }
        return vars;
    }

    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}

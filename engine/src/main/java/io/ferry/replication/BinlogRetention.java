package io.ferry.replication;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How long the source keeps a binlog file after it was closed. Self-managed MySQL/MariaDB: {@code
 * binlog_expire_logs_seconds}, else {@code expire_logs_days} (0 for both: never purged automatically). Amazon RDS
 * purges by its own setting, {@code binlog retention hours} of {@code CALL mysql.rds_show_configuration}; NULL there
 * (RDS's default) means "as soon as possible", which no replication survives, so the job refuses to start.
 *
 * @param retention how long a closed file stays; null when the server never purges by age
 * @param setting   where the figure comes from, for people
 * @param rds       whether the source is RDS (detected by its {@code mysql.rds_show_configuration} procedure)
 */
public record BinlogRetention(Duration retention, String setting, boolean rds) {
    public static final String RDS_FIX = "CALL mysql.rds_set_configuration('binlog retention hours', 24)";
    static final String RDS_SETTING = "binlog retention hours";

    /** Reads the source's retention (on RDS, from its configuration procedure). */
    public static BinlogRetention read(Connection source) throws SQLException {
        if (isRds(source)) {
            return fromRdsConfiguration(rdsConfiguration(source));
        }
        Map<String, String> vars = new HashMap<>();
        try (Statement st = source.createStatement(); ResultSet rs = st.executeQuery(
                "SHOW GLOBAL VARIABLES WHERE Variable_name IN ('binlog_expire_logs_seconds','expire_logs_days')")) {
            while (rs.next()) {
                vars.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
            }
        }
        return fromVariables(vars);
    }

    /** The pre-flight problem of a source whose binlogs go too soon (RDS without a retention); empty otherwise. */
    public static List<String> problems(Connection source) throws SQLException {
        return read(source).problems();
    }

    public List<String> problems() {
        if (rds && retention == null) {
            return List.of("binlog retention hours is NULL on this RDS instance: RDS purges binlog files as soon as it can, "
                    + "before Ferry has read them. Set it (as the master user) with: " + RDS_FIX);
        }
        return List.of();
    }

    /** True when the server has RDS's configuration procedure. */
    static boolean isRds(Connection source) throws SQLException {
        try (Statement st = source.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM "
                + "information_schema.ROUTINES WHERE ROUTINE_SCHEMA = 'mysql' AND ROUTINE_NAME = 'rds_show_configuration'"
                + " AND ROUTINE_TYPE = 'PROCEDURE'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    /** The rows of {@code CALL mysql.rds_show_configuration}: name → value (null when NULL). */
    static Map<String, String> rdsConfiguration(Connection source) throws SQLException {
        Map<String, String> config = new HashMap<>();
        try (Statement st = source.createStatement()) {
            boolean results = st.execute("CALL mysql.rds_show_configuration");
            while (results) {
                try (ResultSet rs = st.getResultSet()) {
                    while (rs.next()) {
                        config.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
                    }
                }
                results = st.getMoreResults();
            }
        }
        return config;
    }

    /** From RDS's configuration: {@code binlog retention hours} (NULL: purged as soon as possible). */
    static BinlogRetention fromRdsConfiguration(Map<String, String> config) {
        String hours = config.get(RDS_SETTING);
        if (hours == null || hours.isBlank() || hours.equalsIgnoreCase("NULL")) {
            return new BinlogRetention(null, RDS_SETTING + " NULL", true);
        }
        long h = Long.parseLong(hours.trim());
        return new BinlogRetention(Duration.ofHours(h), RDS_SETTING + " " + h, true);
    }

    /** From the server's variables (names in lower case). */
    static BinlogRetention fromVariables(Map<String, String> vars) {
        String seconds = vars.get("binlog_expire_logs_seconds");
        if (seconds != null && new BigDecimal(seconds.trim()).signum() > 0) {
            return new BinlogRetention(Duration.ofSeconds(new BigDecimal(seconds.trim()).longValue()),
                    "binlog_expire_logs_seconds=" + seconds.trim(), false);
        }
        String days = vars.get("expire_logs_days");
        if (days != null && new BigDecimal(days.trim()).signum() > 0) {
            // MariaDB accepts fractional days (e.g. 0.5)
            long s = new BigDecimal(days.trim()).multiply(BigDecimal.valueOf(86_400)).longValue();
            return new BinlogRetention(Duration.ofSeconds(s), "expire_logs_days=" + days.trim(), false);
        }
        return new BinlogRetention(null, "binlog_expire_logs_seconds=0, expire_logs_days=0 (no automatic purge)", false);
    }
}

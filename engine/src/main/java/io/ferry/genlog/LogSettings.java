package io.ferry.genlog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The server variables that decide whether a log is kept as a table and can be rotated on a schedule.
 *
 * @param generalLog     {@code @@global.general_log}
 * @param slowLog        {@code @@global.slow_query_log}
 * @param logOutput      {@code @@global.log_output}: TABLE, FILE, NONE or a list such as FILE,TABLE
 * @param eventScheduler {@code @@global.event_scheduler}: ON, OFF or DISABLED
 * @param dataDir        {@code @@datadir}, to read the log table's file size when it is on this machine
 * @param version        {@code version()}
 */
public record LogSettings(boolean generalLog, boolean slowLog, String logOutput, String eventScheduler,
                          String dataDir, String version) {

    public static LogSettings read(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT @@global.general_log, @@global.slow_query_log, @@global.log_output,"
                     + " @@global.event_scheduler, @@datadir, version()")) {
            rs.next();
            return new LogSettings(rs.getBoolean(1), rs.getBoolean(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6));
        }
    }

    public boolean enabled(LogKind kind) {
        return kind == LogKind.GENERAL ? generalLog : slowLog;
    }

    /** Whether rows go to the tables (log_output contains TABLE). */
    public boolean toTable() {
        for (String part : logOutput.split(",")) {
            if (part.trim().equalsIgnoreCase("TABLE")) {
                return true;
            }
        }
        return false;
    }

    public boolean schedulerOn() {
        return "ON".equalsIgnoreCase(eventScheduler) || "1".equals(eventScheduler);
    }

    /**
     * Throws a {@link GenlogException} that says how to fix it when the log is not kept as a table: rotating,
     * archiving and counting only make sense then.
     */
    public void requireTableLog(LogKind kind) {
        if (!toTable()) {
            throw new GenlogException("log_output is " + logOutput + ", so the " + kind.word() + " log is not kept in "
                    + kind.qualifiedTable() + ". Fix: SET GLOBAL log_output = 'TABLE' (on RDS: set log_output=TABLE in"
                    + " the DB parameter group), then try again. Nothing was changed.");
        }
        if (!enabled(kind)) {
            throw new GenlogException("the " + kind.word() + " log is off (" + kind.switchVariable() + " = OFF). Fix: SET"
                    + " GLOBAL " + kind.switchVariable() + " = ON (on RDS: set " + kind.switchVariable() + "=1 in the DB"
                    + " parameter group), then try again. Nothing was changed.");
        }
    }

    /** Throws a {@link GenlogException} with the fix when the event scheduler is not running. */
    public void requireScheduler() {
        schedulerFix().ifPresent(fix -> {
            throw new GenlogException("the event scheduler is " + eventScheduler + ", so a scheduled rotation would never"
                    + " fire. Fix: " + fix + ". Nothing was changed.");
        });
    }

    /** How to turn the event scheduler on, or empty when it is on. */
    public java.util.Optional<String> schedulerFix() {
        if (schedulerOn()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("DISABLED".equalsIgnoreCase(eventScheduler)
                ? "the server was started with --event-scheduler=DISABLED; restart it with event_scheduler=ON in my.cnf"
                + " (on RDS: event_scheduler=ON in the DB parameter group)"
                : "SET GLOBAL event_scheduler = ON, and add event_scheduler=ON to my.cnf so it survives a restart"
                + " (on RDS: event_scheduler=ON in the DB parameter group)");
    }

    /**
     * Keeps the log as a table and turns it on ({@code log_output = 'TABLE'}, the log's switch ON): for a server
     * Ferry itself runs, the local sandbox. Needs SUPER (or SYSTEM_VARIABLES_ADMIN).
     */
    public static void turnOnTableLog(Connection c, LogKind kind) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET GLOBAL log_output = 'TABLE'");
            st.execute("SET GLOBAL " + kind.switchVariable() + " = ON");
        }
    }
}

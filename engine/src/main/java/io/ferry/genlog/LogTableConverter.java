package io.ferry.genlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Converts a log table's storage engine (CSV, the default, to MyISAM, whose metadata is exact, or back). A log table
 * may only be altered while its log is off, so logging stops for the moment of the ALTER: statements of that moment
 * are not logged. The previous setting is restored whatever happens.
 */
public final class LogTableConverter {
    private LogTableConverter() {
    }

    /** What a conversion will do, before it is done. */
    public record Plan(LogKind kind, String fromEngine, String toEngine, boolean logWasOn, List<String> statements) {
        public boolean nothingToDo() {
            return fromEngine.equalsIgnoreCase(toEngine);
        }
    }

    /** What it did: the rows before and after (the same when nothing was lost). */
    public record Result(Plan plan, long rowsBefore, long rowsAfter, String engineAfter) {
    }

    /**
     * @throws GenlogException on RDS (it forbids both steps), or for an engine a log table cannot use
     */
    public static Plan plan(Connection c, LogKind kind, boolean rdsConfigured, String engine) throws SQLException {
        String target = switch (engine.toLowerCase(Locale.ROOT)) {
            case "myisam" -> "MyISAM";
            case "csv" -> "CSV";
            default -> throw new GenlogException("a log table can only use CSV or MyISAM; '" + engine + "' is neither."
                    + " Nothing was changed.");
        };
        if (FlavourDetector.detect(c, kind, rdsConfigured) == RotationFlavour.RDS) {
            throw new GenlogException("refused on RDS: turning the log off takes SET GLOBAL " + kind.switchVariable()
                    + ", which RDS does not allow (no SUPER privilege; the parameter group sets it), and from RDS for"
                    + " MySQL 8.0.36 tables in the mysql schema cannot be altered directly. " + kind.qualifiedTable()
                    + " stays " + currentEngine(c, kind) + ": count its rows with ferry genlog status (exact, counted"
                    + " incrementally). Nothing was changed.");
        }
        String from = currentEngine(c, kind);
        boolean on = LogSettings.read(c).enabled(kind);
        List<String> sql = new ArrayList<>();
        if (on) {
            sql.add("SET GLOBAL " + kind.switchVariable() + " = OFF");
        }
        sql.add("ALTER TABLE " + kind.qualifiedTable() + " ENGINE = " + target);
        if (on) {
            sql.add("SET GLOBAL " + kind.switchVariable() + " = ON");
        }
        return new Plan(kind, from, target, on, List.copyOf(sql));
    }

    /** Converts; the rows are counted just before and just after the ALTER, while the log is off. */
    public static Result convert(Connection c, Plan plan) throws SQLException {
        LogKind kind = plan.kind();
        if (plan.nothingToDo()) {
            long rows = count(c, kind);
            return new Result(plan, rows, rows, plan.fromEngine());
        }
        long before;
        long after;
        try (Statement st = c.createStatement()) {
            if (plan.logWasOn()) {
                st.execute("SET GLOBAL " + kind.switchVariable() + " = OFF");
            }
            try {
                before = count(c, kind);
                st.execute("ALTER TABLE " + kind.qualifiedTable() + " ENGINE = " + plan.toEngine());
                after = count(c, kind);
            } finally {
                if (plan.logWasOn()) {
                    st.execute("SET GLOBAL " + kind.switchVariable() + " = ON");
                }
            }
        }
        return new Result(plan, before, after, currentEngine(c, kind));
    }

    static String currentEngine(Connection c, LogKind kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ENGINE FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = 'mysql' AND TABLE_NAME = ?")) {
            ps.setString(1, kind.table());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new GenlogException(kind.qualifiedTable() + " does not exist on this server");
                }
                return rs.getString(1);
            }
        }
    }

    private static long count(Connection c, LogKind kind) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + kind.qualifiedTable())) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

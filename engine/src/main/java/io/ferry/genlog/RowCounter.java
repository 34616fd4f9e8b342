package io.ferry.genlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Counts a log table's rows without trusting its metadata (the CSV engine reports 2 rows whatever the size).
 * Counts incrementally: rows up to a cut one second in the past are remembered in a {@link CountCheckpoint};
 * the next count adds only rows newer than that cut. The cut lags "now" so that a row stamped just before it but
 * still being written is not missed. Log tables are append-only, so the first row read is the oldest one: when it
 * differs from the checkpoint's, the table was rotated or emptied and the count starts over. A table converted to
 * MyISAM keeps an exact count itself: then it is read, not counted.
 */
public final class RowCounter {
    private static final String NO_TIME = "";

    public RowCount count(Connection c, LogKind kind, Optional<CountCheckpoint> previous) throws SQLException {
        String table = kind.qualifiedTable();
        String time = "`" + kind.timeColumn() + "`";
        Optional<String> oldest = firstTime(c, table, time);
        if (oldest.isEmpty()) {
            return new RowCount(0, new CountCheckpoint(0, NO_TIME, NO_TIME), false, Optional.empty(), Optional.empty());
        }
        if (exactCount(c, kind)) {
            return fromMyIsam(c, table, time, oldest.get());
        }
        String cut = cut(c);
        boolean incremental = previous.isPresent() && previous.get().oldest().equals(oldest.get())
                && !previous.get().countedThrough().isEmpty();
        long base = incremental ? previous.get().rows() : 0;
        String sql = "SELECT COALESCE(SUM(" + time + " <= ?), 0), COALESCE(SUM(" + time + " > ?), 0), MAX(" + time + ")"
                + " FROM " + table + (incremental ? " WHERE " + time + " > ?" : "");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, cut);
            ps.setString(2, cut);
            if (incremental) {
                ps.setString(3, previous.get().countedThrough());
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long settled = rs.getLong(1);
                long recent = rs.getLong(2);
                String newest = rs.getString(3);
                Optional<String> newestTime = Optional.ofNullable(newest)
                        .or(() -> incremental ? Optional.of(previous.get().countedThrough()) : Optional.empty());
                return new RowCount(base + settled + recent, new CountCheckpoint(base + settled, cut, oldest.get()),
                        incremental, oldest, newestTime);
            }
        }
    }

    /** MyISAM and Aria keep an exact row count: COUNT(*) reads it without scanning. */
    static boolean exactCount(Connection c, LogKind kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ENGINE FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = 'mysql' AND TABLE_NAME = ?")) {
            ps.setString(1, kind.table());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && ("MyISAM".equalsIgnoreCase(rs.getString(1)) || "Aria".equalsIgnoreCase(rs.getString(1)));
            }
        }
    }

    private static RowCount fromMyIsam(Connection c, String table, String time, String oldest) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*), MAX(" + time + ") FROM " + table)) {
            rs.next();
            long rows = rs.getLong(1);
            return new RowCount(rows, new CountCheckpoint(rows, NO_TIME, oldest), false, Optional.of(oldest),
                    Optional.ofNullable(rs.getString(2)));
        }
    }

    private static Optional<String> firstTime(Connection c, String table, String time) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT " + time + " FROM " + table + " LIMIT 1")) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    private static String cut(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT DATE_FORMAT(UTC_TIMESTAMP(6) - INTERVAL 1 SECOND, '%Y-%m-%d %H:%i:%s.%f')")) {
            rs.next();
            return rs.getString(1);
        }
    }
}

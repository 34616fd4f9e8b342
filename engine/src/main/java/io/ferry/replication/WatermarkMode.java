package io.ferry.replication;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * What marks a full-load chunk's window in the stream: {@code table} rows written to {@code ferry_admin} on the source,
 * {@code gtid} the source's executed GTID position (for a read-only source: a replica, or a user without INSERT
 * there), or {@code auto}: gtid when the source is {@code read_only}, table otherwise.
 */
public enum WatermarkMode {
    AUTO, TABLE, GTID;

    public static WatermarkMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("watermarks is auto, table or gtid, got '" + text + "'");
        }
    }

    /** The mode this source gets: AUTO decided by the source's {@code read_only}. */
    public WatermarkMode resolve(Connection source) throws SQLException {
        if (this != AUTO) {
            return this;
        }
        try (Statement st = source.createStatement(); ResultSet rs = st.executeQuery("SELECT @@read_only")) {
            return rs.next() && rs.getInt(1) != 0 ? GTID : TABLE;
        }
    }

    /** Opens the watermarks of this (resolved) mode for {@code job}; TABLE creates the watermark table if missing. */
    Watermarks open(Connection source, String job) throws SQLException {
        return switch (resolve(source)) {
            case GTID -> new PositionWatermarks(source);
            default -> TableWatermarks.open(source, job);
        };
    }
}

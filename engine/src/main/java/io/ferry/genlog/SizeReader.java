package io.ferry.genlog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A log table's size. The CSV engine's metadata says 0 bytes whatever the size, so: MyISAM's metadata when the
 * table was converted (exact); else the CSV file when the server's data directory is on this machine (exact);
 * else the row count times the average size of a sample of rows, written as CSV (an estimate).
 */
public final class SizeReader {
    static final int SAMPLE_ROWS = 1000;
    /** A CSV line's fixed part: the quoted time, the ids, the quotes and commas, the newline. */
    private static final int CSV_LINE_OVERHEAD = 52;

    private final boolean serverOnThisMachine;

    public SizeReader(boolean serverOnThisMachine) {
        this.serverOnThisMachine = serverOnThisMachine;
    }

    public LogSize size(Connection c, LogKind kind, LogSettings settings, long rows) throws SQLException {
        String engine = "CSV";
        long dataLength = 0;
        try (Statement st = c.createStatement()) {
            st.execute("SET SESSION information_schema_stats_expiry = 0"); // MySQL 8 caches DATA_LENGTH for a day
        } catch (SQLException e) {
            // MariaDB and MySQL 5.7 have no such cache (nor the variable)
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT ENGINE, DATA_LENGTH FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = 'mysql' AND TABLE_NAME = ?")) {
            ps.setString(1, kind.table());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    engine = rs.getString(1);
                    dataLength = rs.getLong(2);
                }
            }
        }
        if ("MyISAM".equalsIgnoreCase(engine) || "Aria".equalsIgnoreCase(engine)) {
            return new LogSize(dataLength, true, engine + " table metadata", engine);
        }
        if (serverOnThisMachine && settings.dataDir() != null) {
            Path file = Path.of(settings.dataDir(), "mysql", kind.table() + ".CSV");
            try {
                if (Files.isReadable(file)) {
                    return new LogSize(Files.size(file), true, "size of " + file, engine);
                }
            } catch (IOException | SecurityException e) {
                // fall through to the estimate
            }
        }
        if (rows == 0) {
            return new LogSize(0, true, "empty table", engine);
        }
        double average = averageCsvLine(c, kind);
        return new LogSize(Math.round(average * rows), false, "rows x average of " + SAMPLE_ROWS + " sampled rows", engine);
    }

    private static double averageCsvLine(Connection c, LogKind kind) throws SQLException {
        String text = "`" + kind.textColumn() + "`";
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT AVG(LENGTH(user_host) + LENGTH(" + text + ")) FROM (SELECT user_host, "
                     + text + " FROM " + kind.qualifiedTable() + " LIMIT " + SAMPLE_ROWS + ") s")) {
            rs.next();
            return rs.getDouble(1) + CSV_LINE_OVERHEAD;
        }
    }
}

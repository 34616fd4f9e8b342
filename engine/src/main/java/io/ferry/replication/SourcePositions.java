package io.ferry.replication;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Reads the source's current binlog head: file, offset and the GTIDs executed (MariaDB position or MySQL set). */
public final class SourcePositions {
    private SourcePositions() {
    }

    public static BinlogPosition head(Connection source) throws SQLException {
        String file;
        long offset;
        try (Statement st = source.createStatement(); ResultSet rs = query(st)) {
            if (!rs.next()) {
                throw new SQLException("The source reports no binlog position: is log_bin on?");
            }
            file = rs.getString(1);
            offset = rs.getLong(2);
        }
        List<MariaDbGtid> gtids = List.of();
        MySqlGtidSet gtidSet = MySqlGtidSet.EMPTY;
        try (Statement st = source.createStatement(); ResultSet rs = st.executeQuery("SELECT @@gtid_binlog_pos")) {
            if (rs.next() && rs.getString(1) != null) {
                gtids = BinlogPosition.parseGtidList(rs.getString(1));
            }
        } catch (SQLException notMariaDb) {
            // MySQL: no gtid_binlog_pos (error 1193); its executed GTID set instead
            try (Statement st = source.createStatement(); ResultSet rs = st.executeQuery("SELECT @@GLOBAL.gtid_executed")) {
                if (rs.next() && rs.getString(1) != null) {
                    gtidSet = MySqlGtidSet.parse(rs.getString(1));
                }
            } catch (SQLException noGtids) {
                // a server without GTIDs at all (before MySQL 5.6): file and offset only
            }
        }
        return new BinlogPosition(file, offset, gtids, gtidSet);
    }

    /** The binlog files the source still has, oldest first ({@code SHOW BINARY LOGS}). */
    public static List<String> binlogFiles(Connection source) throws SQLException {
        List<String> files = new java.util.ArrayList<>();
        try (Statement st = source.createStatement(); ResultSet rs = st.executeQuery("SHOW BINARY LOGS")) {
            while (rs.next()) {
                files.add(rs.getString(1));
            }
        }
        return files;
    }

    /** MySQL 8.4 replaced SHOW MASTER STATUS with SHOW BINARY LOG STATUS; MariaDB 10.5.2+ also has SHOW BINLOG STATUS. */
    private static ResultSet query(Statement st) throws SQLException {
        try {
            return st.executeQuery("SHOW MASTER STATUS");
        } catch (SQLException e) {
            return st.executeQuery("SHOW BINARY LOG STATUS");
        }
    }
}

package io.ferry.genlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the live general-log table (or a dated or backup table of the same shape), streaming, with the filter
 * pushed into the WHERE clause so the server does the scanning. Slow-log tables are read with their time and text
 * columns in place of event_time and argument.
 */
public final class LiveLogReader {
    private LiveLogReader() {
    }

    /** Streams matching rows of {@code qualifiedTable} into {@code sink}; returns the number read. */
    public static long read(Connection c, LogKind kind, String qualifiedTable, LogFilter filter, LogRowSink sink)
            throws SQLException {
        String time = "`" + kind.timeColumn() + "`";
        String text = "`" + kind.textColumn() + "`";
        String command = kind == LogKind.GENERAL ? "command_type" : "'Query'";
        StringBuilder sql = new StringBuilder("SELECT DATE_FORMAT(" + time + ", '%Y-%m-%d %H:%i:%s.%f'), user_host, thread_id,"
                + " server_id, " + command + ", " + text + " FROM " + qualifiedTable);
        List<String> params = new ArrayList<>();
        List<String> where = new ArrayList<>();
        filter.from().ifPresent(v -> {
            where.add(time + " >= ?");
            params.add(v);
        });
        filter.to().ifPresent(v -> {
            where.add(time + " < ?");
            params.add(v);
        });
        filter.userHost().ifPresent(v -> {
            where.add("LOWER(user_host) LIKE ?");
            params.add(like(v));
        });
        filter.commandType().ifPresent(v -> {
            where.add(command + " = ?");
            params.add(v);
        });
        filter.text().ifPresent(v -> {
            where.add("LOWER(" + text + ") LIKE ?");
            params.add(like(v));
        });
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(Integer.MIN_VALUE); // Connector/J: stream
            for (int i = 0; i < params.size(); i++) {
                ps.setString(i + 1, params.get(i));
            }
            long n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                    LogRow row = new LogRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                            rs.getString(6));
                    if (!sink.accept(row)) {
                        cancelQuietly(ps); // stop the server sending the rest
                        break;
                    }
                }
            }
            return n;
        }
    }

    private static void cancelQuietly(PreparedStatement ps) {
        try {
            ps.cancel();
        } catch (SQLException e) {
            // the rest of the rows are then read and discarded by the driver: slower, still correct
        }
    }

    private static String like(String substring) {
        return "%" + substring.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}

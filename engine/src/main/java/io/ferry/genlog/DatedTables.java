package io.ferry.genlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The dated tables a self-managed rotation leaves in {@link FerrySchema}: {@code general_log_20261128_0400}
 * (UTC), with {@code _2}, {@code _3}... when rotated more than once in a minute.
 */
public final class DatedTables {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmm");

    private DatedTables() {
    }

    static Pattern pattern(LogKind kind) {
        return Pattern.compile(Pattern.quote(kind.table()) + "_\\d{8}_\\d{4}(_\\d+)?");
    }

    /** The dated tables of this log waiting in {@link FerrySchema}, oldest first. */
    public static List<String> pending(Connection c, LogKind kind) throws SQLException {
        Pattern p = pattern(kind);
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME LIKE ? ")) {
            ps.setString(1, FerrySchema.NAME);
            ps.setString(2, kind.table().replace("_", "\\_") + "\\_%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (p.matcher(rs.getString(1)).matches()) {
                        out.add(rs.getString(1));
                    }
                }
            }
        }
        out.sort(null); // the stamp makes name order time order
        return out;
    }

    /** A free dated name for a rotation at {@code utc}. */
    static String freeName(Connection c, LogKind kind, LocalDateTime utc) throws SQLException {
        String base = kind.table() + "_" + STAMP.format(utc);
        List<String> taken = pending(c, kind);
        String name = base;
        for (int i = 2; taken.contains(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }
}

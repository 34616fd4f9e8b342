package io.ferry.genlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;

/**
 * The self-managed rotation: an empty copy of the log table, then one atomic {@code RENAME TABLE} that moves the
 * log table to a dated table in {@link FerrySchema} and the empty copy in its place. The server refuses a single
 * rename of a log table while logging is on; the double rename leaves no moment without a log table, so no row
 * is lost.
 */
final class DatedRename {
    private static final int ACCESS_DENIED_DB = 1044;
    private static final int COMMAND_DENIED = 1142;

    private DatedRename() {
    }

    /** Rotates and returns the dated table's name. Changes nothing when refused (what it made is removed again). */
    static String rotate(Connection c, LogKind kind, LocalDateTime utc) throws SQLException {
        String schema = FerrySchema.quoted();
        String fresh = schema + ".`" + kind.table() + "_new`";
        boolean schemaExisted = schemaExists(c);
        try (Statement st = c.createStatement()) {
            try {
                st.execute("CREATE DATABASE IF NOT EXISTS " + schema);
                String dated = DatedTables.freeName(c, kind, utc);
                st.execute("DROP TABLE IF EXISTS " + fresh);
                st.execute("CREATE TABLE " + fresh + " LIKE " + kind.qualifiedTable());
                st.execute("RENAME TABLE " + kind.qualifiedTable() + " TO " + schema + ".`" + dated + "`, "
                        + fresh + " TO " + kind.qualifiedTable());
                return dated;
            } catch (SQLException e) {
                undo(st, fresh, schemaExisted ? null : schema);
                if (e.getErrorCode() == COMMAND_DENIED || e.getErrorCode() == ACCESS_DENIED_DB) {
                    throw new GenlogException("the server refused the rotation (" + e.getMessage() + "). Fix, as an"
                            + " administrator: GRANT ALTER, DROP, CREATE, INSERT ON " + kind.qualifiedTable()
                            + " TO <ferry's user>; GRANT ALL ON " + schema + ".* TO <ferry's user>. Nothing was changed.", e);
                }
                throw e;
            }
        }
    }

    private static void undo(Statement st, String fresh, String createdSchema) {
        try {
            st.execute("DROP TABLE IF EXISTS " + fresh);
            if (createdSchema != null) {
                st.execute("DROP DATABASE IF EXISTS " + createdSchema);
            }
        } catch (SQLException ignored) {
            // nothing was made, or it cannot be removed with these privileges either: the first error is the one to report
        }
    }

    private static boolean schemaExists(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            ps.setString(1, FerrySchema.NAME);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }
}

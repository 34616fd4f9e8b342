package io.ferry.genlog;

import java.sql.Connection;
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
    private static final int COMMAND_DENIED = 1142;

    private DatedRename() {
    }

    /** Rotates and returns the dated table's name. Changes nothing when refused. */
    static String rotate(Connection c, LogKind kind, LocalDateTime utc) throws SQLException {
        String schema = FerrySchema.quoted();
        String fresh = schema + ".`" + kind.table() + "_new`";
        try (Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS " + schema);
            String dated = DatedTables.freeName(c, kind, utc);
            st.execute("DROP TABLE IF EXISTS " + fresh);
            st.execute("CREATE TABLE " + fresh + " LIKE " + kind.qualifiedTable());
            try {
                st.execute("RENAME TABLE " + kind.qualifiedTable() + " TO " + schema + ".`" + dated + "`, "
                        + fresh + " TO " + kind.qualifiedTable());
            } catch (SQLException e) {
                st.execute("DROP TABLE IF EXISTS " + fresh);
                if (e.getErrorCode() == COMMAND_DENIED) {
                    throw new GenlogException("the server refused to rename " + kind.qualifiedTable() + " ("
                            + e.getMessage() + "). Fix, as an administrator: GRANT ALTER, DROP, CREATE, INSERT ON "
                            + kind.qualifiedTable() + " TO <ferry's user>; GRANT ALL ON " + schema
                            + ".* TO <ferry's user>. Nothing was rotated.", e);
                }
                throw e;
            }
            return dated;
        }
    }
}

package io.ferry.genlog;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The RDS rotation: {@code CALL mysql.rds_rotate_general_log}, which copies the log table to
 * {@code mysql.general_log_backup} (dropping the previous backup) and empties it.
 */
final class RdsRotate {
    private static final int COMMAND_DENIED = 1370;
    private static final int NO_SUCH_PROCEDURE = 1305;

    private RdsRotate() {
    }

    static void rotate(Connection c, LogKind kind) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CALL `mysql`.`" + kind.rdsProcedure() + "`()");
        } catch (SQLException e) {
            if (e.getErrorCode() == COMMAND_DENIED) {
                throw new GenlogException("the server refused CALL mysql." + kind.rdsProcedure() + " (" + e.getMessage()
                        + "). Fix: connect as the RDS master user, or GRANT EXECUTE ON PROCEDURE mysql."
                        + kind.rdsProcedure() + " TO <ferry's user>. Nothing was rotated.", e);
            }
            if (e.getErrorCode() == NO_SUCH_PROCEDURE) {
                throw new GenlogException("mysql." + kind.rdsProcedure() + " does not exist on this server, but the"
                        + " connection says rds: true. Fix: set rds: false for a self-managed server. Nothing was rotated.", e);
            }
            throw e;
        }
    }
}

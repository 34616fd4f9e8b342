package io.ferry.genlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Chooses how to rotate: RDS when the connection says {@code rds: true} or the server has RDS's rotation
 * procedure in the {@code mysql} schema; the dated double rename otherwise.
 */
public final class FlavourDetector {
    private FlavourDetector() {
    }

    public static RotationFlavour detect(Connection c, LogKind kind, boolean rdsConfigured) throws SQLException {
        if (rdsConfigured || hasRdsProcedure(c, kind)) {
            return RotationFlavour.RDS;
        }
        return RotationFlavour.SELF_MANAGED;
    }

    static boolean hasRdsProcedure(Connection c, LogKind kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM information_schema.ROUTINES"
                + " WHERE ROUTINE_SCHEMA = 'mysql' AND ROUTINE_NAME = ? AND ROUTINE_TYPE = 'PROCEDURE'")) {
            ps.setString(1, kind.rdsProcedure());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }
}

package io.ferry.genlog;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Says, before anything changes, what {@link RotationService#rotate} will do on this server. Reads only. */
public final class RotationPreviewer {
    private RotationPreviewer() {
    }

    /**
     * @param rows          the log table's rows now
     * @param archiveFolder where this connection's archives go
     * @throws GenlogException when the log is not kept as a table (with the fix)
     */
    public static RotationPreview preview(Connection c, LogKind kind, boolean rdsConfigured, long rows, Path archiveFolder)
            throws SQLException {
        LogSettings.read(c).requireTableLog(kind);
        RotationFlavour flavour = FlavourDetector.detect(c, kind, rdsConfigured);
        List<String> leftovers = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        String rowsText = String.format(Locale.ROOT, "%,d", rows);
        if (flavour == RotationFlavour.RDS) {
            if (backupExists(c, kind)) {
                leftovers.add("mysql." + kind.backupTable());
                text.append("First Ferry archives mysql.").append(kind.backupTable()).append(" to ").append(archiveFolder)
                        .append(" unless it already did, because the procedure drops it. ");
            }
            text.append("Then it calls mysql.").append(kind.rdsProcedure()).append(", which moves the ").append(rowsText)
                    .append(" rows of mysql.").append(kind.table()).append(" (and those logged meanwhile) into mysql.")
                    .append(kind.backupTable()).append(" and empties the log, and archives that backup right away as gzip")
                    .append(" NDJSON in ").append(archiveFolder).append(", verified by reading it back and counting the rows.")
                    .append(" RDS keeps the backup until its next rotation. RDS's own emergency rotation (storage thresholds,")
                    .append(" version upgrades) can still drop a backup Ferry had no chance to archive.");
        } else {
            for (String dated : DatedTables.pending(c, kind)) {
                leftovers.add(FerrySchema.NAME + "." + dated);
            }
            if (!leftovers.isEmpty()) {
                text.append("First Ferry archives and drops ").append(leftovers.size())
                        .append(leftovers.size() == 1 ? " table" : " tables").append(" left by earlier rotations (")
                        .append(String.join(", ", leftovers)).append("). ");
            }
            text.append("Ferry renames mysql.").append(kind.table()).append(" to ").append(FerrySchema.NAME).append('.')
                    .append(kind.table()).append("_<UTC date and time> and puts an empty log table in its place, in one")
                    .append(" atomic RENAME (logging never stops, no row is lost). It then writes the ").append(rowsText)
                    .append(" rows (and those logged meanwhile) to a gzip NDJSON archive in ").append(archiveFolder)
                    .append(", reads it back to check the row count, and only then drops the dated table. If anything fails,")
                    .append(" the dated table stays and the next rotation archives it.");
        }
        return new RotationPreview(flavour, rows, archiveFolder, List.copyOf(leftovers), text.toString());
    }

    private static boolean backupExists(Connection c, LogKind kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'mysql'"
                + " AND TABLE_NAME = ?")) {
            ps.setString(1, kind.backupTable());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }
}

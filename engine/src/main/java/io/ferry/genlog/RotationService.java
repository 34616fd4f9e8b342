package io.ferry.genlog;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Rotates a log table so that no row is lost: rows leave the live table only into a table that Ferry archives
 * (gzip NDJSON, verified by row count) before it drops it or lets the next rotation overwrite it. Every step is
 * recorded in the history.
 */
public final class RotationService {
    /**
     * Who rotated what Ferry finds already rotated: the scheduled event, as a rule (or RDS's own rotation, or a
     * Ferry that stopped between renaming and archiving).
     */
    public static final String CAUGHT_UP = "schedule";

    private final GenlogStore store;
    private final Clock clock;
    private final Path archiveRoot;
    private final TableArchiver archiver = new TableArchiver();

    /** Where archives go unless told otherwise: {@code <dataDir>/genlog-archive}. */
    public static Path defaultArchiveRoot(Path dataDir) {
        return dataDir.resolve("genlog-archive");
    }

    /** @param archiveRoot archives go to {@code <archiveRoot>/<connection>/} */
    public RotationService(GenlogStore store, Clock clock, Path archiveRoot) {
        this.store = store;
        this.clock = clock;
        this.archiveRoot = archiveRoot;
    }

    /** Rotates now; {@code triggeredBy} is {@code user:<name>}, {@code schedule} or {@code policy}. */
    public RotationResult rotate(String connection, ServerConnections server, LogKind kind, boolean rdsConfigured,
                                 String triggeredBy) throws SQLException, IOException {
        return rotate(connection, server, kind, rdsConfigured, triggeredBy, message -> { });
    }

    /** Rotates now, telling {@code progress} each step in a short sentence. */
    public RotationResult rotate(String connection, ServerConnections server, LogKind kind, boolean rdsConfigured,
                                 String triggeredBy, Consumer<String> progress) throws SQLException, IOException {
        try (Connection c = server.open()) {
            LogSettings.read(c).requireTableLog(kind);
            RotationFlavour flavour = FlavourDetector.detect(c, kind, rdsConfigured);
            progress.accept("Rotation flavour: " + flavour.description());
            List<Rotation> caughtUp = catchUp(connection, c, kind, flavour, progress);
            Instant started = clock.instant();
            Rotation rotation;
            if (flavour == RotationFlavour.RDS) {
                progress.accept("Calling mysql." + kind.rdsProcedure());
                RdsRotate.rotate(c, kind);
                progress.accept("Archiving mysql." + kind.backupTable() + " and verifying the row count");
                rotation = archiveBackup(connection, c, kind, triggeredBy, started)
                        .orElseThrow(() -> new GenlogException("mysql." + kind.backupTable() + " is missing after CALL mysql."
                                + kind.rdsProcedure() + ": the procedure did not behave as RDS documents it"));
            } else {
                String dated = DatedRename.rotate(c, kind, LocalDateTime.ofInstant(started, ZoneOffset.UTC));
                progress.accept("Renamed mysql." + kind.table() + " to " + FerrySchema.NAME + "." + dated
                        + "; archiving it and verifying the row count");
                rotation = archiveDated(connection, c, kind, dated, triggeredBy, started);
            }
            return new RotationResult(flavour, caughtUp, rotation);
        }
    }

    /**
     * Archives what rotations done without Ferry left behind: dated tables of the scheduled event, or an RDS backup
     * not archived yet. Called before every rotation, and by the scheduled-rotation follow-up.
     */
    public List<Rotation> catchUp(String connection, ServerConnections server, LogKind kind, boolean rdsConfigured)
            throws SQLException, IOException {
        try (Connection c = server.open()) {
            return catchUp(connection, c, kind, FlavourDetector.detect(c, kind, rdsConfigured), message -> { });
        }
    }

    private List<Rotation> catchUp(String connection, Connection c, LogKind kind, RotationFlavour flavour,
                                   Consumer<String> progress) throws SQLException, IOException {
        List<Rotation> done = new ArrayList<>();
        if (flavour == RotationFlavour.RDS) {
            progress.accept("Archiving mysql." + kind.backupTable() + " first, unless Ferry already did");
            archiveBackup(connection, c, kind, CAUGHT_UP, clock.instant()).ifPresent(done::add);
        } else {
            for (String dated : DatedTables.pending(c, kind)) {
                progress.accept("Archiving " + FerrySchema.NAME + "." + dated + ", left by an earlier rotation");
                done.add(archiveDated(connection, c, kind, dated, CAUGHT_UP, clock.instant()));
            }
        }
        return done;
    }

    private Rotation archiveDated(String connection, Connection c, LogKind kind, String dated, String triggeredBy,
                                  Instant started) throws SQLException, IOException {
        String rotatedTable = FerrySchema.NAME + "." + dated;
        long id = store.startRotation(connection, kind, RotationFlavour.SELF_MANAGED, triggeredBy, rotatedTable, started);
        TableArchiver.Archived archived = archiveOrRecord(id, c, FerrySchema.NAME, dated, kind,
                archiveRoot.resolve(connection).resolve(dated + ".ndjson.gz"));
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE " + FerrySchema.quoted() + ".`" + dated + "`");
        }
        store.finishRotation(id, clock.instant(), archived.rows(), archived.rows(), archived.oldest(), archived.newest(),
                Optional.of(archived.file().toString()), "OK", "archived and verified; dated table dropped");
        return find(connection, id);
    }

    /** Archives {@code mysql.<log>_backup} unless empty, missing or already archived. */
    private Optional<Rotation> archiveBackup(String connection, Connection c, LogKind kind, String triggeredBy,
                                             Instant started) throws SQLException, IOException {
        String rotatedTable = "mysql." + kind.backupTable();
        if (!tableExists(c, "mysql", kind.backupTable())) {
            return Optional.empty();
        }
        String qualified = "`mysql`.`" + kind.backupTable() + "`";
        long rows = TableArchiver.countRows(c, qualified);
        Optional<String> newest = newest(c, qualified, kind);
        if (rows == 0 || store.alreadyArchived(connection, kind, rotatedTable, rows, newest)) {
            return Optional.empty();
        }
        long id = store.startRotation(connection, kind, RotationFlavour.RDS, triggeredBy, rotatedTable, started);
        String stamp = newest.orElse("empty").replaceAll("[^0-9]", "");
        TableArchiver.Archived archived = archiveOrRecord(id, c, "mysql", kind.backupTable(), kind,
                archiveRoot.resolve(connection).resolve(kind.backupTable() + "_" + stamp + ".ndjson.gz"));
        store.finishRotation(id, clock.instant(), rows, archived.rows(), archived.oldest(), archived.newest(),
                Optional.of(archived.file().toString()), "OK", "archived and verified; RDS keeps the backup until its next rotation");
        return Optional.of(find(connection, id));
    }

    private TableArchiver.Archived archiveOrRecord(long id, Connection c, String schema, String table, LogKind kind,
                                                   Path target) throws SQLException, IOException {
        try {
            return archiver.archive(c, schema, table, kind, target);
        } catch (SQLException | IOException | RuntimeException e) {
            store.finishRotation(id, clock.instant(), 0, 0, Optional.empty(), Optional.empty(), Optional.empty(),
                    "ARCHIVE_FAILED", "the rows stay in " + schema + "." + table + ": " + e.getMessage());
            throw e;
        }
    }

    private Rotation find(String connection, long id) {
        return store.history(connection).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    private static boolean tableExists(Connection c, String schema, String table) throws SQLException {
        try (var ps = c.prepareStatement("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private static Optional<String> newest(Connection c, String qualified, LogKind kind) throws SQLException {
        try (Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT DATE_FORMAT(MAX(`" + kind.timeColumn() + "`), '%Y-%m-%d %H:%i:%s.%f') FROM " + qualified)) {
            rs.next();
            return Optional.ofNullable(rs.getString(1));
        }
    }
}

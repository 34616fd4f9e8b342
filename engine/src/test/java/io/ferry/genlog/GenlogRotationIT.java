package io.ferry.genlog;

import io.ferry.sandbox.DatabaseEndpoint;
import io.ferry.sandbox.SandboxEndpoints;
import io.ferry.sandbox.SandboxExtension;
import io.ferry.state.StateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Rotation against the sandbox MariaDB with the log on as a table. Log tables refuse INSERT, so every row comes from
 * a real query: numbered marker queries from a connection of their own. Ferry's own connections' rows (its reads
 * of the log) are left out of the checks by looking at markers only.
 */
@ExtendWith(SandboxExtension.class)
class GenlogRotationIT {
    private static final String CONNECTION = "sandbox-mariadb";

    @TempDir
    Path dataDir;

    private DatabaseEndpoint endpoint;
    private SandboxLog log;
    private StateStore state;
    private GenlogStore store;
    private RotationService rotations;

    @BeforeEach
    void setUp(SandboxEndpoints endpoints) throws Exception {
        endpoint = endpoints.mariadb();
        log = new SandboxLog(endpoint);
        state = StateStore.open(dataDir);
        store = new GenlogStore(state);
        rotations = new RotationService(store, Clock.systemUTC(), dataDir.resolve("archive"));
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            log.restore();
        } finally {
            state.close();
        }
    }

    @Test
    void selfManagedRotationUnderLoadLosesNoRowAndDuplicatesNone() throws Exception {
        log.generalLogOn();
        try (MarkerWorkload markers = new MarkerWorkload(endpoint, "selfmanaged")) {
            markers.startBackground();
            await().until(() -> markers.issued() >= 300);
            long beforeRotation = markers.issued();
            RotationResult result = rotations.rotate(CONNECTION, log.server(), LogKind.GENERAL, false, "user:it");
            long seenAfter = markers.issued();
            await().until(() -> markers.issued() >= seenAfter + 300);
            long total = markers.stop();

            assertThat(result.flavour()).isEqualTo(RotationFlavour.SELF_MANAGED);
            Rotation rotation = result.rotation();
            assertThat(rotation.status()).isEqualTo("OK");
            assertThat(rotation.rotatedTable()).matches("ferry_admin\\.general_log_\\d{8}_\\d{4}");
            assertThat(rotation.rowsArchived()).isEqualTo(rotation.rowsRotated()).isPositive();
            assertThat(DatedTables.pending(log.server().open(), LogKind.GENERAL)).as("dated table dropped after archiving").isEmpty();

            Path archive = Path.of(rotation.archivePath().orElseThrow());
            Map<Long, Integer> archived = MarkerWorkload.newCounts();
            List<LogRow> archivedRows = new java.util.ArrayList<>();
            assertThat(ArchiveReader.read(archive, r -> {
                markers.count(r.argument(), archived);
                archivedRows.add(r);
                return true;
            })).isEqualTo(rotation.rowsArchived());
            Map<Long, Integer> all = MarkerWorkload.newCounts();
            archived.forEach((k, v) -> all.merge(k, v, Integer::sum));
            Map<Long, Integer> live = MarkerWorkload.newCounts();
            for (String argument : liveArguments()) {
                markers.count(argument, live);
            }
            live.forEach((k, v) -> all.merge(k, v, Integer::sum));

            // every marker issued is found exactly once, in the archive or in the live table
            assertThat(all).hasSize((int) total);
            assertThat(all.values()).containsOnly(1);
            // every marker issued before the rotation began is in the archive
            for (long n = 0; n < beforeRotation; n++) {
                assertThat(archived).containsKey(n);
            }
            // the boundary: everything in the live table is newer than the newest archived row
            String boundary = rotation.newestEvent().orElseThrow();
            assertThat(archivedRows).allSatisfy(r -> assertThat(r.eventTime()).isLessThanOrEqualTo(boundary));
            assertThat(liveTimes()).allSatisfy(t -> assertThat(t).isGreaterThanOrEqualTo(boundary));

            assertThat(store.history(CONNECTION)).extracting(Rotation::id).containsExactly(rotation.id());
            assertThat(Files.exists(archive)).isTrue();
        }
    }

    @Test
    void datedTablesLeftByARotationWithoutFerryAreArchivedFirst() throws Exception {
        log.generalLogOn();
        try (MarkerWorkload markers = new MarkerWorkload(endpoint, "pending")) {
            markers.run(50);
            // What the scheduled event does while Ferry is not running: the dated double rename.
            try (Connection c = log.server().open()) {
                DatedRename.rotate(c, LogKind.GENERAL, java.time.LocalDateTime.of(2026, 11, 28, 4, 0));
            }
            markers.run(50);
            RotationResult result = rotations.rotate(CONNECTION, log.server(), LogKind.GENERAL, false, "user:it");

            assertThat(result.caughtUp()).singleElement().satisfies(r -> {
                assertThat(r.rotatedTable()).isEqualTo("ferry_admin.general_log_20261128_0400");
                assertThat(r.triggeredBy()).isEqualTo(RotationService.CAUGHT_UP);
            });
            Map<Long, Integer> first = countsIn(markers, result.caughtUp().get(0));
            Map<Long, Integer> second = countsIn(markers, result.rotation());
            assertThat(first.keySet()).containsExactlyElementsOf(range(0, 50));
            assertThat(second.keySet()).containsExactlyElementsOf(range(50, 100));
            assertThat(store.history(CONNECTION)).hasSize(2).allSatisfy(r -> assertThat(r.status()).isEqualTo("OK"));
        }
    }

    /**
     * RDS flavour. The sandbox gets a procedure named mysql.rds_rotate_general_log with RDS's documented behaviour
     * (the real one exists only on RDS); Ferry detects it and archives general_log_backup around every call.
     */
    @Test
    void rdsFlavourArchivesTheBackupBeforeTheProcedureOverwritesIt() throws Exception {
        log.generalLogOn();
        log.installRdsProcedure();
        try (MarkerWorkload markers = new MarkerWorkload(endpoint, "rds")) {
            markers.run(40);
            RotationResult first = rotations.rotate(CONNECTION, log.server(), LogKind.GENERAL, false, "user:it");
            assertThat(first.flavour()).isEqualTo(RotationFlavour.RDS);
            assertThat(first.rotation().rotatedTable()).isEqualTo("mysql.general_log_backup");
            assertThat(countsIn(markers, first.rotation()).keySet()).containsExactlyElementsOf(range(0, 40));

            markers.run(40);
            // A firing of the scheduled event while Ferry was not running: the backup now holds rows 40..79.
            log.exec("CALL mysql.rds_rotate_general_log()");
            markers.run(40);
            RotationResult second = rotations.rotate(CONNECTION, log.server(), LogKind.GENERAL, false, "user:it");

            assertThat(second.caughtUp()).singleElement()
                    .satisfies(r -> assertThat(countsIn(markers, r).keySet()).containsExactlyElementsOf(range(40, 80)));
            assertThat(countsIn(markers, second.rotation()).keySet()).containsExactlyElementsOf(range(80, 120));
            // Asking again archives nothing twice: the backup is the one just archived.
            assertThat(rotations.catchUp(CONNECTION, log.server(), LogKind.GENERAL, false)).isEmpty();
            assertThat(store.history(CONNECTION)).hasSize(3)
                    .allSatisfy(r -> assertThat(r.flavour()).isEqualTo(RotationFlavour.RDS));
        }
    }

    @Test
    void slowLogRotatesWithTheSameCode() throws Exception {
        log.slowLogOn();
        try (MarkerWorkload markers = new MarkerWorkload(endpoint, "slow")) {
            markers.run(30);
            RotationResult result = rotations.rotate(CONNECTION, log.server(), LogKind.SLOW, false, "user:it");
            assertThat(result.rotation().rotatedTable()).matches("ferry_admin\\.slow_log_\\d{8}_\\d{4}");
            assertThat(countsIn(markers, result.rotation()).keySet()).containsExactlyElementsOf(range(0, 30));
        }
    }

    @Test
    void logOffOrNotATableIsRefusedWithTheFixAndChangesNothing() throws Exception {
        log.exec("SET GLOBAL general_log = OFF", "SET GLOBAL log_output = 'TABLE'");
        assertThatThrownBy(() -> rotations.rotate(CONNECTION, log.server(), LogKind.GENERAL, false, "user:it"))
                .isInstanceOf(GenlogException.class)
                .hasMessageContaining("general_log = OFF")
                .hasMessageContaining("SET GLOBAL general_log = ON")
                .hasMessageContaining("Nothing was changed");
        log.exec("SET GLOBAL general_log = ON", "SET GLOBAL log_output = 'FILE'");
        assertThatThrownBy(() -> rotations.rotate(CONNECTION, log.server(), LogKind.GENERAL, false, "user:it"))
                .isInstanceOf(GenlogException.class)
                .hasMessageContaining("log_output is FILE")
                .hasMessageContaining("SET GLOBAL log_output = 'TABLE'");
        assertThat(store.history(CONNECTION)).isEmpty();
        try (Connection c = log.server().open(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = 'ferry_admin'")) {
            rs.next();
            assertThat(rs.getLong(1)).as("no ferry_admin schema created").isZero();
        }
    }

    private Map<Long, Integer> countsIn(MarkerWorkload markers, Rotation rotation) throws Exception {
        Map<Long, Integer> counts = MarkerWorkload.newCounts();
        ArchiveReader.read(Path.of(rotation.archivePath().orElseThrow()), r -> {
            markers.count(r.argument(), counts);
            return true;
        });
        assertThat(counts.values()).as("no marker twice in one archive").containsOnly(1);
        return counts;
    }

    private static List<Long> range(long from, long to) {
        return java.util.stream.LongStream.range(from, to).boxed().toList();
    }

    private List<String> liveArguments() throws Exception {
        return liveColumn("argument");
    }

    private List<String> liveTimes() throws Exception {
        return liveColumn("DATE_FORMAT(event_time, '%Y-%m-%d %H:%i:%s.%f')");
    }

    private List<String> liveColumn(String expression) throws Exception {
        try (Connection c = log.server().open(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + expression + " FROM mysql.general_log")) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}

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

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The scheduled rotation event really fires on the sandbox MariaDB, and what it rotates is archived without loss. */
@ExtendWith(SandboxExtension.class)
class GenlogScheduleIT {
    private static final String CONNECTION = "sandbox-mariadb";

    @TempDir
    Path dataDir;

    private DatabaseEndpoint endpoint;
    private SandboxLog log;

    @BeforeEach
    void setUp(SandboxEndpoints endpoints) throws Exception {
        endpoint = endpoints.mariadb();
        log = new SandboxLog(endpoint);
    }

    @AfterEach
    void tearDown() throws Exception {
        log.restore();
    }

    @Test
    void theEventFiresRotatesIntoDatedTablesAndCatchUpArchivesEveryRowOnce() throws Exception {
        log.generalLogOn();
        log.exec("SET GLOBAL event_scheduler = ON");
        try (MarkerWorkload markers = new MarkerWorkload(endpoint, "scheduled");
             Connection c = log.server().open();
             StateStore state = StateStore.open(dataDir)) {
            markers.run(40);
            ScheduledRotation installed = RotationScheduler.install(c, LogKind.GENERAL, RotationFlavour.SELF_MANAGED,
                    ScheduleInterval.parse("2s"));
            assertThat(installed.every()).isEqualTo("2 SECOND");
            assertThat(installed.status()).isEqualTo("ENABLED");
            await().atMost(Duration.ofSeconds(20)).until(() -> !DatedTables.pending(c, LogKind.GENERAL).isEmpty());
            markers.run(40);
            await().atMost(Duration.ofSeconds(20)).until(() -> DatedTables.pending(c, LogKind.GENERAL).size() >= 2);
            assertThat(RotationScheduler.remove(c, LogKind.GENERAL)).isTrue();
            assertThat(RotationScheduler.show(c, LogKind.GENERAL)).isEmpty();
            assertThat(RotationScheduler.show(c, LogKind.GENERAL)).isEmpty();

            GenlogStore store = new GenlogStore(state);
            List<Rotation> archived = new RotationService(store, Clock.systemUTC(), dataDir.resolve("archive"))
                    .catchUp(CONNECTION, log.server(), LogKind.GENERAL, false);
            assertThat(archived).hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(r -> assertThat(r.triggeredBy()).isEqualTo(RotationService.CAUGHT_UP));
            assertThat(DatedTables.pending(c, LogKind.GENERAL)).isEmpty();
            assertThat(store.history(CONNECTION)).hasSameSizeAs(archived);

            Map<Long, Integer> seen = MarkerWorkload.newCounts();
            for (Rotation r : archived) {
                ArchiveReader.read(Path.of(r.archivePath().orElseThrow()), row -> {
                    markers.count(row.argument(), seen);
                    return true;
                });
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT argument FROM mysql.general_log")) {
                while (rs.next()) {
                    markers.count(rs.getString(1), seen);
                }
            }
            assertThat(seen).hasSize(80);
            assertThat(seen.values()).containsOnly(1);
        }
    }

    @Test
    void aSchedulerThatIsOffIsRefusedWithTheFixAndNothingIsCreated() throws Exception {
        log.generalLogOn();
        log.exec("SET GLOBAL event_scheduler = OFF");
        try (Connection c = log.server().open()) {
            assertThatThrownBy(() -> RotationScheduler.install(c, LogKind.GENERAL, RotationFlavour.SELF_MANAGED,
                    ScheduleInterval.parse("1d")))
                    .isInstanceOf(GenlogException.class)
                    .hasMessageContaining("event scheduler is OFF")
                    .hasMessageContaining("SET GLOBAL event_scheduler = ON")
                    .hasMessageContaining("Nothing was changed");
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = 'ferry_admin'")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        }
    }
}

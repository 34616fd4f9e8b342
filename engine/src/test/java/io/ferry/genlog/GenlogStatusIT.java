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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Status against the sandbox MariaDB: an exact incremental count, the real file size, the settings. */
@ExtendWith(SandboxExtension.class)
class GenlogStatusIT {
    private static final String CONNECTION = "sandbox-mariadb";

    @TempDir
    Path dataDir;

    private DatabaseEndpoint endpoint;
    private SandboxLog log;
    private StateStore state;
    private StatusReader reader;

    @BeforeEach
    void setUp(SandboxEndpoints endpoints) throws Exception {
        endpoint = endpoints.mariadb();
        log = new SandboxLog(endpoint);
        state = StateStore.open(dataDir);
        reader = new StatusReader(new GenlogStore(state), Clock.systemUTC(), true);
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
    void countsExactlyThenIncrementallyAndStartsOverAfterARotation() throws Exception {
        log.generalLogOn();
        try (MarkerWorkload markers = new MarkerWorkload(endpoint, "status")) {
            markers.run(100);
            GenlogStatus first = reader.read(CONNECTION, log.server(), LogKind.GENERAL, false,
                    Optional.of(new StatusReader.RdsStorage(100, 50)));
            assertThat(first.count().incremental()).isFalse();
            assertThat(first.count().checkpoint().rows()).isEqualTo(rowsThrough(first.count().checkpoint().countedThrough()));
            assertThat(first.count().rows()).isGreaterThanOrEqualTo(100);
            assertThat(first.settings().generalLog()).isTrue();
            assertThat(first.settings().logOutput()).isEqualTo("TABLE");
            assertThat(first.flavour()).isEqualTo(RotationFlavour.SELF_MANAGED);
            assertThat(first.size().exact()).isTrue();
            assertThat(first.size().method()).endsWith("general_log.CSV");
            assertThat(first.size().bytes()).isPositive();
            assertThat(first.rdsThresholdBytes()).contains(RdsThreshold.bytes(100, 50));

            markers.run(100);
            GenlogStatus second = reader.read(CONNECTION, log.server(), LogKind.GENERAL, false, Optional.empty());
            assertThat(second.count().incremental()).isTrue();
            assertThat(second.count().checkpoint().rows()).isEqualTo(rowsThrough(second.count().checkpoint().countedThrough()));
            assertThat(second.count().rows()).isGreaterThanOrEqualTo(first.count().rows() + 100);

            new RotationService(new GenlogStore(state), Clock.systemUTC(), dataDir.resolve("archive"))
                    .rotate(CONNECTION, log.server(), LogKind.GENERAL, false, "user:it");
            GenlogStatus third = reader.read(CONNECTION, log.server(), LogKind.GENERAL, false, Optional.empty());
            assertThat(third.count().incremental()).as("a rotated table is counted afresh").isFalse();
            assertThat(third.count().rows()).isLessThan(second.count().rows());
            assertThat(third.count().checkpoint().rows()).isEqualTo(rowsThrough(third.count().checkpoint().countedThrough()));
        }
    }

    @Test
    void theSlowLogIsCountedTheSameWay() throws Exception {
        log.slowLogOn();
        try (MarkerWorkload markers = new MarkerWorkload(endpoint, "slowstatus")) {
            markers.run(25);
        }
        GenlogStatus status = reader.read(CONNECTION, log.server(), LogKind.SLOW, false, Optional.empty());
        assertThat(status.settings().slowLog()).isTrue();
        assertThat(status.count().rows()).isGreaterThanOrEqualTo(25);
        assertThat(status.size().method()).endsWith("slow_log.CSV");
    }

    @Test
    void fileLogIsReportedWithoutCounting() throws Exception {
        log.exec("SET GLOBAL log_output = 'FILE'");
        GenlogStatus status = reader.read(CONNECTION, log.server(), LogKind.GENERAL, false, Optional.empty());
        assertThat(status.settings().toTable()).isFalse();
        assertThat(status.count().rows()).isZero();
    }

    private long rowsThrough(String cut) throws Exception {
        try (Connection c = log.server().open();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM mysql.general_log WHERE event_time <= ?")) {
            ps.setString(1, cut);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}

package io.ferry.genlog;

import io.ferry.sandbox.DatabaseEndpoint;
import io.ferry.sandbox.MariaDbServer;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A user that may only read (the sandbox's {@code ferry_readonly}) gets the privilege it lacks named, with the
 * GRANT that fixes it, and the server is left as it was.
 */
@ExtendWith(SandboxExtension.class)
class GenlogPrivilegesIT {
    @TempDir
    Path dataDir;

    private SandboxLog log;
    private ServerConnections readOnly;
    private StateStore state;
    private RotationService rotations;

    @BeforeEach
    void setUp(SandboxEndpoints endpoints) throws Exception {
        DatabaseEndpoint ferry = endpoints.mariadb();
        DatabaseEndpoint limited = new DatabaseEndpoint(ferry.host(), ferry.port(), MariaDbServer.READ_ONLY_USER,
                ferry.password(), ferry.database(), ferry.passwordFile(), ferry.jdbcScheme());
        readOnly = ServerConnections.inUtc(limited::connect);
        log = new SandboxLog(ferry);
        log.generalLogOn();
        state = StateStore.open(dataDir);
        rotations = new RotationService(new GenlogStore(state), Clock.systemUTC(), dataDir.resolve("archive"));
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
    void rotatingWithoutTheRenamePrivilegesNamesTheGrantAndChangesNothing() throws Exception {
        assertThatThrownBy(() -> rotations.rotate("ro", readOnly, LogKind.GENERAL, false, "user:it"))
                .isInstanceOf(GenlogException.class)
                .hasMessageContaining("GRANT ALTER, DROP, CREATE, INSERT ON `mysql`.`general_log`")
                .hasMessageContaining("Nothing was changed");
        assertThat(schemaCount()).as("no ferry_admin left behind").isZero();
    }

    @Test
    void theRdsProcedureWithoutExecuteNamesTheGrant() throws Exception {
        log.installRdsProcedure();
        assertThatThrownBy(() -> rotations.rotate("ro", readOnly, LogKind.GENERAL, true, "user:it"))
                .isInstanceOf(GenlogException.class)
                .hasMessageContaining("GRANT EXECUTE ON PROCEDURE mysql.rds_rotate_general_log")
                .hasMessageContaining("Nothing was rotated");
    }

    @Test
    void schedulingWithoutTheEventPrivilegeNamesTheGrant() throws Exception {
        log.exec("SET GLOBAL event_scheduler = ON");
        try (Connection c = readOnly.open()) {
            assertThatThrownBy(() -> RotationScheduler.install(c, LogKind.GENERAL, RotationFlavour.SELF_MANAGED,
                    ScheduleInterval.parse("1d")))
                    .isInstanceOf(GenlogException.class)
                    .hasMessageContaining("GRANT ALL ON `ferry_admin`.*");
        }
        assertThat(schemaCount()).isZero();
    }

    private long schemaCount() throws Exception {
        try (Connection c = log.server().open(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = 'ferry_admin'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

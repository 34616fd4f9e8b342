package io.ferry.replication;

import io.ferry.config.ConfigLoader;
import io.ferry.config.FerryConfig;
import io.ferry.config.ReplicationJobConfig;
import io.ferry.replication.metrics.MetricsSample;
import io.ferry.replication.metrics.PurgeHorizon;
import io.ferry.sandbox.SandboxConfigFile;
import io.ferry.sandbox.SandboxEndpoints;
import io.ferry.sandbox.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Heartbeat rows and the purge horizon against the sandbox's MariaDB and PostgreSQL: on an idle source the checkpoint
 * moves and both lags stay measured from the microsecond markers, without a heartbeat row in the warehouse; with a
 * binlog retention set, the horizon is a finite number of hours and warns once half of it is used by a checkpoint
 * held in a closed binlog file; an RDS source without binlog retention is refused at pre-flight.
 */
@ExtendWith(SandboxExtension.class)
class HeartbeatIT {
    private static final long RUN = System.currentTimeMillis() % 100_000;
    private final SandboxEndpoints sandbox;

    HeartbeatIT(SandboxEndpoints sandbox) {
        this.sandbox = sandbox;
    }

    @Test
    void idleSourceKeepsTheCheckpointMovingAndTheLagsMeasured() throws Exception {
        String schema = "ferry_r_hb";
        createSource(schema);
        String name = "hb-" + RUN;
        String target = "hb_dw_" + RUN;
        // an explicit include of the heartbeat table does not take it either
        ReplicationJobConfig job = job(name, List.of(schema + ".*", "ferry_admin.replication_heartbeat"), target,
                Duration.ofMillis(500));
        try (ReplicationService service = new ReplicationService(Clock.systemUTC())) {
            service.add(ReplicationJobSpecs.build(config(), job));
            service.start(name);
            await().atMost(Duration.ofSeconds(90)).until(() -> service.view(name).state() == ReplicationMetrics.State.STREAMING);
            assertThat(service.tables(name).keySet()).containsExactly(new TableId(schema, "t"));

            String first = checkpoint(name);
            await().atMost(Duration.ofSeconds(30)).until(() -> !checkpoint(name).equals(first));
            String second = checkpoint(name);
            await().atMost(Duration.ofSeconds(30)).until(() -> !checkpoint(name).equals(second));

            Instant since = Instant.now();
            await().atMost(Duration.ofSeconds(60)).until(() -> service.history(name, since).size() >= 5);
            List<MetricsSample> idle = service.history(name, since);
            System.out.printf("idle source, %d samples: apply lag %s ms, source lag %s ms%n", idle.size(),
                    idle.stream().map(MetricsSample::applyLagMillis).toList(),
                    idle.stream().map(MetricsSample::sourceLagMillis).toList());
            assertThat(idle).allSatisfy(s -> {
                assertThat(s.applyLagMillis()).as("apply lag, measured from the markers").isBetween(0L, 5_000L);
                assertThat(s.sourceLagMillis()).as("source lag stays known on an idle source").isBetween(0L, 5_000L);
                assertThat(s.tables()).doesNotContainKey(Heartbeat.TABLE);
            });
            assertThat(service.view(name).latest().orElseThrow().purgeHorizon()).isNotNull();
            assertThat(countPg("SELECT count(*) FROM information_schema.tables WHERE table_name = 'replication_heartbeat'"))
                    .as("no heartbeat table in the warehouse").isZero();
            assertThat(countPg("SELECT count(*) FROM " + target + ".t")).isEqualTo(3);
            try (Connection c = sandbox.mariadb().connect(); PreparedStatement ps = c.prepareStatement(
                    "SELECT marker FROM ferry_admin.replication_heartbeat WHERE job = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).as("the job's heartbeat row").isTrue();
                    assertThat(rs.getString(1)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
                }
            }
            service.stop(name);
        }
    }

    @Test
    void purgeHorizonIsFiniteAndWarnsAtHalfTheRetention() throws Exception {
        String schema = "ferry_r_ph";
        createSource(schema);
        String name = "ph-" + RUN;
        String target = "ph_dw_" + RUN;
        String before = variable("binlog_expire_logs_seconds");
        // 40 s: half of it passes while the test waits for the warning; nothing older than 40 s is needed by the job
        exec("SET GLOBAL binlog_expire_logs_seconds = 40");
        try (ReplicationService service = new ReplicationService(Clock.systemUTC())) {
            service.add(ReplicationJobSpecs.build(config(), job(name, List.of(schema + ".*"), target, Duration.ofMillis(500))));
            service.start(name);
            await().atMost(Duration.ofSeconds(90)).until(() -> service.view(name).latest()
                    .filter(s -> s.state() == ReplicationMetrics.State.STREAMING && s.purgeHorizon() != null).isPresent());
            PurgeHorizon active = service.view(name).latest().orElseThrow().purgeHorizon();
            assertThat(active.hoursLeft()).as("the file being written keeps the whole retention").isEqualTo(40 / 3600.0);
            assertThat(active.warning()).isFalse();

            // hold the job's next batch in the warehouse, and close the binlog file its checkpoint is in
            try (Connection w = sandbox.postgres().connect(); Statement lock = w.createStatement()) {
                w.setAutoCommit(false);
                lock.execute("LOCK TABLE " + target + ".t IN ACCESS EXCLUSIVE MODE");
                exec("INSERT INTO " + schema + ".t VALUES (4, 'held')");
                String held = service.view(name).latest().orElseThrow().purgeHorizon().file();
                exec("FLUSH BINARY LOGS");
                await().atMost(Duration.ofSeconds(60)).until(() -> service.view(name).latest()
                        .map(MetricsSample::purgeHorizon).filter(PurgeHorizon::warning).isPresent());
                MetricsSample warned = service.view(name).latest().orElseThrow();
                assertThat(warned.purgeHorizon().file()).isEqualTo(held);
                assertThat(warned.purgeHorizon().closed()).isNotNull();
                assertThat(warned.purgeHorizon().hoursLeft()).isBetween(0.0, 20 / 3600.0);
                assertThat(warned.purgeHorizon().statusText())
                        .matches("purge horizon 0 min \\(WARNING: \\d+% of the binlog retention used\\)");
                w.rollback();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> countPg("SELECT count(*) FROM " + target + ".t") == 4);
            await().atMost(Duration.ofSeconds(30)).until(() -> service.view(name).latest().map(MetricsSample::purgeHorizon)
                    .filter(h -> !h.warning() && h.closed() == null).isPresent());
            service.stop(name);
        } finally {
            exec("SET GLOBAL binlog_expire_logs_seconds = " + before);
        }
    }

    /**
     * RDS cannot run here: the sandbox gets a procedure named mysql.rds_show_configuration answering what RDS answers
     * by default (binlog retention hours NULL). The job refuses to start with the exact fix.
     */
    @Test
    void rdsWithoutBinlogRetentionIsRefused() throws Exception {
        String schema = "ferry_r_rds";
        createSource(schema);
        exec("DROP PROCEDURE IF EXISTS mysql.rds_show_configuration",
                "CREATE PROCEDURE mysql.rds_show_configuration() SELECT 'binlog retention hours' AS name, "
                        + "CAST(NULL AS CHAR) AS value, 'binlog retention hours specifies the duration in hours before "
                        + "binary logs are automatically deleted.' AS description UNION ALL SELECT 'source delay', '0', "
                        + "'source delay specifies how many seconds the replica should delay' UNION ALL "
                        + "SELECT 'target delay', '0', 'target delay specifies how many seconds the replica should delay'");
        try {
            ReplicationJob job = new ReplicationJob(ReplicationJobSpecs.build(config(),
                    job("rds-" + RUN, List.of(schema + ".*"), "rds_dw_" + RUN, Duration.ofSeconds(2))), Clock.systemUTC());
            assertThatThrownBy(job::run).isInstanceOf(PreflightException.class)
                    .hasMessageContaining("binlog retention hours is NULL")
                    .hasMessageContaining("CALL mysql.rds_set_configuration('binlog retention hours', 24)");
            exec("CREATE OR REPLACE PROCEDURE mysql.rds_show_configuration() SELECT 'binlog retention hours' AS name, "
                    + "'24' AS value, 'binlog retention hours' AS description");
            try (Connection c = sandbox.mariadb().connect()) {
                BinlogRetention r = BinlogRetention.read(c);
                assertThat(r.rds()).isTrue();
                assertThat(r.retention()).isEqualTo(Duration.ofHours(24));
                assertThat(r.problems()).isEmpty();
            }
        } finally {
            exec("DROP PROCEDURE IF EXISTS mysql.rds_show_configuration");
        }
    }

    /** A user that may only read (the sandbox's "_readonly" account): the heartbeat is a pre-flight problem, unless off. */
    @Test
    void aSourceWhereTheHeartbeatCannotBeWrittenIsRefusedUnlessTheJobTurnsItOff() throws Exception {
        ReplicationJobSpec spec = ReplicationJobSpecs.build(config(), job("hb-ro-" + RUN, List.of("ferry_r_hb.*"),
                "hb_ro_" + RUN, Duration.ofSeconds(2)));
        var endpoint = sandbox.mariadb();
        MySqlSource readOnly = new MySqlSource(endpoint.host(), endpoint.port(), endpoint.user() + "_readonly",
                endpoint.password());
        try (Connection c = readOnly.connect(); Heartbeat heartbeat = new Heartbeat(spec, Clock.systemUTC(),
                new ReplicationMetrics())) {
            assertThatThrownBy(() -> heartbeat.prepare(c)).isInstanceOf(PreflightException.class)
                    .hasMessageContaining("job hb-ro-" + RUN + " cannot write its heartbeat row into "
                            + "ferry_admin.replication_heartbeat")
                    .hasMessageContaining("GRANT CREATE, INSERT, UPDATE ON ferry_admin.* TO " + endpoint.user() + "_readonly")
                    .hasMessageContaining("or set 'heartbeat: off' in the job");
        }
        try (Connection c = readOnly.connect(); Heartbeat off = new Heartbeat(spec.withHeartbeat(null), Clock.systemUTC(),
                new ReplicationMetrics())) {
            off.prepare(c);
            off.start();
            assertThat(off.enabled()).isFalse();
        }
    }

    private ReplicationJobConfig job(String name, List<String> include, String target, Duration heartbeat) {
        return new ReplicationJobConfig(name, SandboxConfigFile.MARIADB, SandboxConfigFile.POSTGRES, include, List.of(),
                Optional.of(target), "drop-and-create", 1000, Duration.ofMillis(100), ReplicationJobConfig.PositionMode.FILE,
                true, heartbeat);
    }

    private FerryConfig config() {
        return ConfigLoader.load(sandbox.configFile());
    }

    private void createSource(String schema) throws Exception {
        exec("DROP DATABASE IF EXISTS " + schema, "CREATE DATABASE " + schema,
                "CREATE TABLE " + schema + ".t (id INT PRIMARY KEY, v VARCHAR(20))",
                "INSERT INTO " + schema + ".t VALUES (1, 'a'), (2, 'b'), (3, 'c')");
    }

    private void exec(String... sql) throws Exception {
        try (Connection c = sandbox.mariadb().connect(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    private String variable(String name) throws Exception {
        try (Connection c = sandbox.mariadb().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT @@GLOBAL." + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private String checkpoint(String job) throws Exception {
        try (Connection c = sandbox.postgres().connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT position FROM ferry_replication.checkpoint WHERE job = ?")) {
            ps.setString(1, job);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        }
    }

    private long countPg(String sql) {
        try (Connection c = sandbox.postgres().connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception notThereYet) {
            return -1;
        }
    }
}

package io.ferry.replication;

import io.ferry.config.ConfigLoader;
import io.ferry.config.FerryConfig;
import io.ferry.config.ReplicationJobConfig;
import io.ferry.replication.metrics.MetricsSample;
import io.ferry.sandbox.SandboxConfigFile;
import io.ferry.sandbox.SandboxEndpoints;
import io.ferry.sandbox.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The engine's background replication (what the console drives), against the sandbox's MariaDB and PostgreSQL: a
 * job built from a ferry.yaml job (with a target schema) loads, streams, is sampled every second, and reloads one
 * table that drifted in the warehouse.
 */
@ExtendWith(SandboxExtension.class)
class ReplicationServiceIT {
    private static final long RUN = System.currentTimeMillis() % 100_000;
    private final SandboxEndpoints sandbox;

    ReplicationServiceIT(SandboxEndpoints sandbox) {
        this.sandbox = sandbox;
    }

    @Test
    void runsSamplesAndReloadsATable() throws Exception {
        String schema = "ferry_r_svc";
        try (Connection c = sandbox.mariadb().connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + schema);
            st.execute("CREATE DATABASE " + schema);
            st.execute("CREATE TABLE " + schema + ".a (id INT PRIMARY KEY, v VARCHAR(20))");
            st.execute("CREATE TABLE " + schema + ".b (id INT PRIMARY KEY, v VARCHAR(20))");
            st.execute("INSERT INTO " + schema + ".a SELECT seq, 'a' FROM seq_1_to_100");
            st.execute("INSERT INTO " + schema + ".b SELECT seq, 'b' FROM seq_1_to_50");
        }
        FerryConfig config = ConfigLoader.load(sandbox.configFile());
        String name = "svc-" + RUN;
        ReplicationJobConfig job = new ReplicationJobConfig(name, SandboxConfigFile.MARIADB, SandboxConfigFile.POSTGRES,
                List.of(schema + ".*"), List.of(), Optional.of("svc_dw_" + RUN), "drop-and-create", 1000,
                Duration.ofMillis(100), ReplicationJobConfig.PositionMode.FILE);
        String a = "svc_dw_" + RUN + ".a";
        String b = "svc_dw_" + RUN + ".b";

        try (ReplicationService service = new ReplicationService(Clock.systemUTC())) {
            service.add(ReplicationJobSpecs.build(config, job));
            service.start(name);

            await().atMost(Duration.ofSeconds(60)).until(() -> service.tables(name).size() == 2
                    && service.tables(name).values().stream().allMatch(t -> t.state() == TableMetrics.State.STREAMING));
            assertThat(count("SELECT count(*) FROM " + a)).isEqualTo(100);
            assertThat(count("SELECT count(*) FROM " + b)).isEqualTo(50);

            try (Connection c = sandbox.mariadb().connect(); Statement st = c.createStatement()) {
                for (int i = 0; i < 20; i++) {
                    st.execute("INSERT INTO " + schema + ".a SELECT seq + " + (1000 + i * 10) + ", 'new' FROM seq_1_to_10");
                    Thread.sleep(50);
                }
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM " + a) == 300);
            await().atMost(Duration.ofSeconds(10)).until(() -> service.history(name, null).stream()
                    .anyMatch(s -> s.rowsOutPerSecond() > 0 && s.tables().containsKey(new TableId(schema, "a"))));
            await().atMost(Duration.ofSeconds(15)).until(() -> service.view(name).latest()
                    .filter(s -> s.sourceLagBytes() == 0 && s.sourceLagSeconds() == 0 && s.backlogTransactions() == 0)
                    .isPresent());
            MetricsSample last = service.view(name).latest().orElseThrow();
            assertThat(last.state()).isEqualTo(ReplicationMetrics.State.STREAMING);
            assertThat(last.applyLagMillis()).isBetween(0L, 5_000L);
            assertThat(service.tables(name).get(new TableId(schema, "a")).lastChange()).isNotNull();

            // the warehouse copy of b drifts; reloading b brings it back, and the stream goes on afterwards
            try (Connection w = sandbox.postgres().connect(); Statement st = w.createStatement()) {
                st.execute("DELETE FROM " + b + " WHERE id > 10");
                st.execute("UPDATE " + b + " SET v = 'drift'");
            }
            String said = service.reload(name, new TableId(schema, "b"));
            assertThat(said).contains("reloads", schema + ".b", "while it streams");
            await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM " + b + " WHERE v = 'b'") == 50);
            try (Connection c = sandbox.mariadb().connect(); Statement st = c.createStatement()) {
                st.execute("INSERT INTO " + schema + ".b VALUES (51, 'after')");
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM " + b) == 51);
            assertThat(count("SELECT count(*) FROM " + a)).isEqualTo(300);
            assertThat(service.view(name).running()).isTrue();
            assertThat(service.tables(name).get(new TableId(schema, "b")).state()).isEqualTo(TableMetrics.State.STREAMING);
            assertThat(service.tables(name).get(new TableId(schema, "b")).loadedRows()).as("b was read again").isEqualTo(50);

            service.stop(name);
            assertThat(service.view(name).running()).isFalse();
            assertThat(service.view(name).state()).isEqualTo(ReplicationMetrics.State.STOPPED);
        }
    }

    private long count(String sql) {
        try (Connection c = sandbox.postgres().connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception notThereYet) {
            return -1;
        }
    }
}

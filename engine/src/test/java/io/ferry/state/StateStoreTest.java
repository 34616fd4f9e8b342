package io.ferry.state;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateStoreTest {
    @TempDir
    Path dataDir;

    @Test
    void aFreshDataDirectoryGetsTheMigratedTables() throws Exception {
        try (StateStore store = StateStore.open(dataDir)) {
            assertThat(store.folder()).isEqualTo(dataDir.resolve("state"));
            assertThat(dataDir.resolve("state/ferry.mv.db")).exists();
            try (Connection c = store.connection()) {
                assertThat(strings(c, "select table_name from information_schema.tables where table_schema = 'PUBLIC'"
                        + " order by table_name"))
                        .contains("JOB_STATE", "METRIC_SAMPLE", "RUN_HISTORY", "GENLOG_ROTATION", "flyway_schema_history");
                assertThat(strings(c, "select \"version\" || ' ' || \"description\" from \"flyway_schema_history\" where \"version\" is not null"))
                        .startsWith("1 state tables").contains("2 genlog");
            }
        }
    }

    @Test
    void reopeningKeepsTheData() throws Exception {
        Instant at = Instant.parse("2026-11-28T10:00:00Z");
        try (StateStore store = StateStore.open(dataDir); Connection c = store.connection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into job_state(job, key, value, updated_at) values (?, ?, ?, ?)")) {
                ps.setString(1, "replication");
                ps.setString(2, "binlog-position");
                ps.setString(3, "mysql-bin.000042:1337");
                ps.setTimestamp(4, Timestamp.from(at));
                ps.executeUpdate();
            }
            c.createStatement().executeUpdate("insert into run_history(job, kind, started_at, status)"
                    + " values ('genlog', 'rotation', current_timestamp, 'OK')");
            c.createStatement().executeUpdate("insert into metric_sample(series, at, value)"
                    + " values ('genlog.rows', current_timestamp, 1234.0)");
        }

        try (StateStore store = StateStore.open(dataDir); Connection c = store.connection()) {
            assertThat(strings(c, "select value from job_state where job = 'replication' and key = 'binlog-position'"))
                    .containsExactly("mysql-bin.000042:1337");
            assertThat(strings(c, "select kind || '/' || status from run_history")).containsExactly("rotation/OK");
            assertThat(strings(c, "select cast(value as varchar) from metric_sample")).containsExactly("1234.0");
        }
    }

    @Test
    void aSecondOpenInTheSameProcessIsRefusedClearly() {
        try (StateStore first = StateStore.open(dataDir)) {
            assertThatThrownBy(() -> StateStore.open(dataDir))
                    .isInstanceOf(StateStoreLockedException.class)
                    .hasMessageStartingWith("the state store in " + dataDir.resolve("state") + " is in use by another"
                            + " Ferry (pid " + ProcessHandle.current().pid() + " on ")
                    .hasMessageEndingWith("stop that one first, or give this one another dataDir");
        }
        StateStore.open(dataDir).close(); // and the lock is released on close
    }

    @Test
    void anotherFerryProcessHoldingTheStoreIsNamedByItsPid() throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StateStoreHolder.class.getName(), dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("open");

            assertThatThrownBy(() -> StateStore.open(dataDir))
                    .isInstanceOf(StateStoreLockedException.class)
                    .hasMessageContaining("is in use by another Ferry (pid " + holder.pid() + " on ");

            holder.getOutputStream().close(); // the holder closes its store and exits
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(holder.exitValue()).isZero();
        } finally {
            holder.destroyForcibly();
        }
        StateStore.open(dataDir).close();
    }

    private static List<String> strings(Connection c, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}

package io.ferry.replication;

import io.ferry.config.ConfigLoader;
import io.ferry.config.FerryConfig;
import io.ferry.sandbox.SandboxEndpoints;
import io.ferry.sandbox.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code suspend-table} (a per-table override of the job's {@code onError: stop}) against the sandbox (MariaDB → PostgreSQL): a row the warehouse table refuses (a
 * CHECK constraint added in the warehouse) arrives in the same source transaction as changes to another table; the
 * refusing table is suspended, the other gets the whole batch exactly once and streams on; the suspension survives
 * a restart; a reload of the table (after the cause is fixed) brings it back. And the default, {@code stop}: the job
 * stops with an error naming the table.
 */
@ExtendWith(SandboxExtension.class)
class TableSuspensionIT {
    private static final long RUN = System.currentTimeMillis() % 1_000_000;
    private static final String SCHEMA = "ferry_r_susp";
    private final SandboxEndpoints sandbox;

    TableSuspensionIT(SandboxEndpoints sandbox) {
        this.sandbox = sandbox;
    }

    @Test
    void aTableThatFailsIsSuspendedTheOthersGoOnItStaysSuspendedAcrossARestartAndAReloadBringsItBack(@TempDir Path dir)
            throws Exception {
        createSource(SCHEMA);
        String name = "susp-" + RUN;
        FerryConfig config = config(dir, name, SCHEMA, "onErrorTables: { suspend-table: [ \"" + SCHEMA + ".bad\" ] }");
        TableId good = new TableId(SCHEMA, "good");
        TableId bad = new TableId(SCHEMA, "bad");

        try (ReplicationService service = new ReplicationService(Clock.systemUTC())) {
            service.add(ReplicationJobSpecs.build(config, ReplicationJobSpecs.job(config, name)));
            assertThat(service.view(name).spec().onError().forTable(bad)).isEqualTo(ErrorPolicy.SUSPEND_TABLE);
            assertThat(service.view(name).spec().onError().forTable(good)).isEqualTo(ErrorPolicy.STOP);
            service.start(name);
            awaitState(service, name, good, TableMetrics.State.STREAMING);
            awaitState(service, name, bad, TableMetrics.State.STREAMING);
            warehouse("ALTER TABLE " + SCHEMA + ".bad ADD CONSTRAINT no_boom CHECK (v <> 'boom')");

            source("UPDATE " + SCHEMA + ".good SET n = n + 1 WHERE id = 1",
                    "INSERT INTO " + SCHEMA + ".bad VALUES (100, 'boom')",
                    "INSERT INTO " + SCHEMA + ".good VALUES (100, 1)",
                    "UPDATE " + SCHEMA + ".good SET n = n + 1 WHERE id = 2");
            source("UPDATE " + SCHEMA + ".good SET n = n + 1 WHERE id = 1");

            awaitState(service, name, bad, TableMetrics.State.SUSPENDED);
            assertThat(service.tables(name).get(bad).suspendedBecause()).contains("no_boom");
            awaitEqual(good);
            assertThat(count("SELECT sum(n) FROM " + SCHEMA + ".good")).as("each increment exactly once").isEqualTo(10 + 3 + 1);
            assertThat(service.view(name).running()).isTrue();
            assertThat(service.tables(name).get(good).state()).isEqualTo(TableMetrics.State.STREAMING);
            assertThat(count("SELECT count(*) FROM ferry_replication.suspended_table WHERE job = '" + name
                    + "' AND source_table = '" + bad + "' AND reason LIKE '%no_boom%'")).isEqualTo(1);

            // a change the suspended table would accept is skipped all the same; the other table goes on
            source("INSERT INTO " + SCHEMA + ".bad VALUES (101, 'fine')", "UPDATE " + SCHEMA + ".good SET n = n + 1 WHERE id = 3");
            await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT sum(n) FROM " + SCHEMA + ".good") == 15);
            assertThat(count("SELECT count(*) FROM " + SCHEMA + ".bad WHERE id >= 100")).isZero();

            service.stop(name);
            service.start(name);
            awaitState(service, name, good, TableMetrics.State.STREAMING);
            assertThat(service.tables(name).get(bad).state()).as("suspended across the restart").isEqualTo(TableMetrics.State.SUSPENDED);
            assertThat(service.tables(name).get(bad).suspendedBecause()).contains("no_boom");
            source("INSERT INTO " + SCHEMA + ".bad VALUES (102, 'fine')", "UPDATE " + SCHEMA + ".good SET n = n + 1 WHERE id = 4");
            await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT sum(n) FROM " + SCHEMA + ".good") == 16);
            assertThat(count("SELECT count(*) FROM " + SCHEMA + ".bad WHERE id >= 100")).isZero();

            // the cause is fixed in the warehouse; the reload loads the table again and ends its suspension
            warehouse("ALTER TABLE " + SCHEMA + ".bad DROP CONSTRAINT no_boom");
            assertThat(service.reload(name, bad)).contains("reloads", "while it streams");
            awaitEqual(bad);
            awaitState(service, name, bad, TableMetrics.State.STREAMING);
            assertThat(count("SELECT count(*) FROM ferry_replication.suspended_table WHERE job = '" + name + "'")).isZero();
            source("INSERT INTO " + SCHEMA + ".bad VALUES (103, 'streamed')");
            awaitEqual(bad);
            awaitEqual(good);
        }
    }

    @Test
    void underTheDefaultPolicyADataErrorStopsTheJobNamingTheTable(@TempDir Path dir) throws Exception {
        String schema = SCHEMA + "_stop";
        createSource(schema);
        String name = "susp-stop-" + RUN;
        FerryConfig config = config(dir, name, schema, "");
        try (ReplicationService service = new ReplicationService(Clock.systemUTC())) {
            service.add(ReplicationJobSpecs.build(config, ReplicationJobSpecs.job(config, name)));
            service.start(name);
            awaitState(service, name, new TableId(schema, "bad"), TableMetrics.State.STREAMING);
            warehouse("ALTER TABLE " + schema + ".bad ADD CONSTRAINT no_boom CHECK (v <> 'boom')");
            source("INSERT INTO " + schema + ".bad VALUES (100, 'boom')");
            await().atMost(Duration.ofSeconds(30)).until(() -> !service.view(name).running());
            assertThat(service.view(name).lastError()).contains(schema + ".bad", "no_boom");
            assertThat(service.tables(name).get(new TableId(schema, "good")).state()).isEqualTo(TableMetrics.State.STOPPED);
        }
    }

    private FerryConfig config(Path dir, String name, String schema, String onError) throws Exception {
        Path file = dir.resolve("ferry.yaml");
        Files.writeString(file, Files.readString(sandbox.configFile()) + """
                  %s:
                    type: replication
                    source: sandbox-mariadb
                    target: sandbox-postgres
                    tables: { include: [ "%s.*" ] }
                    maxBatchDelay: 300ms
                    %s
                """.formatted(name, schema, onError));
        return ConfigLoader.load(file);
    }

    private void createSource(String schema) throws Exception {
        try (Connection c = sandbox.mariadb().connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + schema);
            st.execute("CREATE DATABASE " + schema);
            st.execute("CREATE TABLE " + schema + ".good (id INT PRIMARY KEY, n INT NOT NULL)");
            st.execute("CREATE TABLE " + schema + ".bad (id INT PRIMARY KEY, v VARCHAR(20) NOT NULL)");
            st.execute("INSERT INTO " + schema + ".good SELECT seq, 1 FROM seq_1_to_10");
            st.execute("INSERT INTO " + schema + ".bad SELECT seq, 'ok' FROM seq_1_to_10");
        }
    }

    /** Runs the statements in one source transaction. */
    private void source(String... statements) throws Exception {
        try (Connection c = sandbox.mariadb().connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            for (String s : statements) {
                st.execute(s);
            }
            c.commit();
        }
    }

    private void warehouse(String sql) throws Exception {
        try (Connection w = sandbox.postgres().connect(); Statement st = w.createStatement()) {
            st.execute(sql);
        }
    }

    private static void awaitState(ReplicationService service, String name, TableId table, TableMetrics.State state) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            TableMetrics m = service.tables(name).get(table);
            if (!service.view(name).running() && service.view(name).lastError() != null) {
                throw new AssertionError("the job stopped: " + service.view(name).lastError());
            }
            return m != null && m.state() == state;
        });
    }

    private void awaitEqual(TableId table) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            try (Connection s = sandbox.mariadb().connect(); Connection w = sandbox.postgres().connect()) {
                assertThat(WarehouseComparison.differences(s, w, table)).as(table.toString()).isZero();
            }
        });
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

package io.ferry.replication;

import io.ferry.sandbox.DatabaseEndpoint;
import io.ferry.sandbox.SandboxEndpoints;
import io.ferry.sandbox.SandboxExtension;
import io.ferry.warehouse.TargetPreparation;
import io.ferry.warehouse.WarehouseEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** MariaDB → PostgreSQL 17, both real (the sandbox): full load, then CDC, ending equal to the source. */
@ExtendWith(SandboxExtension.class)
class ReplicationIT {
    /** Job names are unique per run, so that a checkpoint left by an earlier run of the tests is never picked up. */
    private static final long RUN = System.currentTimeMillis();

    private final DatabaseEndpoint mariadb;
    private final DatabaseEndpoint postgres;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<ReplicationJob> jobs = new ArrayList<>();

    ReplicationIT(SandboxEndpoints endpoints) {
        this.mariadb = endpoints.mariadb();
        this.postgres = endpoints.postgres();
    }

    @AfterEach
    void stopJobs() throws InterruptedException {
        jobs.forEach(ReplicationJob::stop);
        executor.shutdown();
        executor.awaitTermination(20, TimeUnit.SECONDS);
    }

    @Test
    void fullLoadThenInsertsUpdatesDeletesEndEqualToTheSource() throws Exception {
        String schema = "ferry_r_types";
        createTypesSchema(schema);
        try (Connection c = mariadb.connect()) {
            for (int i = 1; i <= 300; i++) {
                insertItem(c, schema, i);
            }
        }
        ReplicationJob job = job("types", schema + ".*,!" + schema + ".nopk", 7);
        Future<?> running = start(job);
        awaitEqual(running, schema, "items", "pairs");
        assertThat(job.metrics().snapshotRows()).isEqualTo(300 + 3 + 5); // items, pairs, counters

        try (Connection c = mariadb.connect(); Statement st = c.createStatement()) {
            for (int i = 301; i <= 400; i++) {
                insertItem(c, schema, i);
            }
            st.execute("UPDATE " + schema + ".items SET name = CONCAT(name, ' ✓ 𝄞'), price = price + 1.000000000000000000000000000001, "
                    + "at = at + INTERVAL 1 MICROSECOND, bits = b'1111100000' WHERE id % 3 = 0");
            st.execute("DELETE FROM " + schema + ".items WHERE id % 7 = 0");
            st.execute("UPDATE " + schema + ".items SET id = id + 100000 WHERE id BETWEEN 10 AND 20"); // primary key changes
            st.execute("UPDATE " + schema + ".pairs SET k2 = k2 + 10 WHERE k1 = 'b'");
            st.execute("DELETE FROM " + schema + ".pairs WHERE k1 = 'a'");
            st.execute("INSERT INTO " + schema + ".nopk VALUES (1), (2)"); // excluded: must not stop the job
            c.setAutoCommit(false);
            for (int i = 0; i < 50; i++) {
                st.execute("INSERT INTO " + schema + ".pairs VALUES ('t', " + i + ", 'in one transaction')");
            }
            st.execute("UPDATE " + schema + ".items SET ubig = 18446744073709551615 WHERE id = 305");
            c.commit();
        }
        awaitEqual(running, schema, "items", "pairs");
        assertThat(job.metrics().changesApplied()).isGreaterThanOrEqualTo(100 + 50);

        try (Connection w = postgres.connect(); Statement st = w.createStatement();
             ResultSet rs = st.executeQuery("SELECT ubig::text, name, doc->>'k', at::text, status, tags, bits::text, dur::text, "
                     + "ts::text, latin FROM ferry_r_types.items WHERE id = 305")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("18446744073709551615");
            assertThat(rs.getString(2)).isEqualTo("item 305 😀 Köln");
            assertThat(rs.getString(3)).isEqualTo("v305");
            assertThat(rs.getString(4)).isEqualTo("2024-02-29 23:59:59.000305");
            assertThat(rs.getString(5)).isEqualTo("old");
            assertThat(rs.getString(6)).isEqualTo("a,c");
            assertThat(rs.getString(7)).isEqualTo("1000000001");
            assertThat(rs.getString(8)).isEqualTo("-838:59:58.5");
            assertThat(rs.getString(10)).isEqualTo("Grüße €");
        }
        job.stop();
        running.get(20, TimeUnit.SECONDS);
    }

    @Test
    void aRestartFromTheCheckpointNeitherLosesNorRepeatsAChange() throws Exception {
        String schema = "ferry_r_restart";
        createTypesSchema(schema);
        try (Connection c = mariadb.connect()) {
            for (int i = 1; i <= 100; i++) {
                insertItem(c, schema, i);
            }
        }
        ReplicationJob first = job("restart", schema + ".items," + schema + ".counters", 10);
        Future<?> running = start(first);
        awaitEqual(running, schema, "items");
        // Changes flow while the job is stopped in the middle of them.
        Future<?> writer = executor.submit(() -> {
            try (Connection c = mariadb.connect(); Statement st = c.createStatement()) {
                for (int i = 0; i < 400; i++) {
                    st.execute("UPDATE " + schema + ".counters SET n = n + 1, total = total + " + i + " WHERE id = " + (i % 5));
                    st.execute("INSERT INTO " + schema + ".counters_log VALUES (" + i + ")");
                    if (i % 4 == 0) {
                        insertItem(c, schema, 1000 + i);
                    }
                    if (i == 150) {
                        first.stop();
                    }
                }
            }
            return null;
        });
        writer.get(60, TimeUnit.SECONDS);
        running.get(20, TimeUnit.SECONDS);
        assertThat(first.metrics().state()).isEqualTo(ReplicationMetrics.State.STOPPED);

        ReplicationJob second = job("restart", schema + ".items," + schema + ".counters", 10);
        Future<?> resumed = start(second);
        awaitEqual(resumed, schema, "items", "counters");
        assertThat(second.metrics().snapshotRows()).as("a restart does not load again").isZero();
        try (Connection w = postgres.connect(); Statement st = w.createStatement();
             ResultSet rs = st.executeQuery("SELECT sum(n), sum(total) FROM ferry_r_restart.counters")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(400);
            assertThat(rs.getLong(2)).isEqualTo(399L * 400 / 2);
        }
        second.stop();
        resumed.get(20, TimeUnit.SECONDS);
    }

    @Test
    void foreignKeyCascadesTheBinlogDoesNotCarryAreRepeatedInTheWarehouse() throws Exception {
        String schema = "ferry_r_fk";
        try (Connection c = mariadb.connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + schema);
            st.execute("CREATE DATABASE " + schema);
            st.execute("CREATE TABLE " + schema + ".parent (id INT PRIMARY KEY, v VARCHAR(10))");
            st.execute("CREATE TABLE " + schema + ".child (id INT PRIMARY KEY, parent_id INT NOT NULL, v VARCHAR(10), "
                    + "FOREIGN KEY (parent_id) REFERENCES " + schema + ".parent (id) ON DELETE CASCADE)");
            st.execute("CREATE TABLE " + schema + ".grandchild (id INT PRIMARY KEY, child_id INT NOT NULL, "
                    + "FOREIGN KEY (child_id) REFERENCES " + schema + ".child (id) ON DELETE CASCADE)");
            st.execute("CREATE TABLE " + schema + ".note (id INT PRIMARY KEY, parent_id INT NULL, "
                    + "FOREIGN KEY (parent_id) REFERENCES " + schema + ".parent (id) ON DELETE SET NULL)");
            st.execute("INSERT INTO " + schema + ".parent VALUES (1,'a'),(2,'b'),(3,'c'),(4,'d')");
            st.execute("INSERT INTO " + schema + ".child VALUES (10,1,'x'),(11,1,'y'),(20,2,'x'),(30,3,'x'),(40,4,'x')");
            st.execute("INSERT INTO " + schema + ".grandchild VALUES (100,10),(101,11),(200,20),(300,30)");
            st.execute("INSERT INTO " + schema + ".note VALUES (1,1),(2,2),(3,4)");
        }
        ReplicationJob first = job("fk", schema + ".*", 100);
        Future<?> running = start(first);
        awaitEqual(running, schema, "parent", "child", "grandchild", "note");
        first.stop();
        running.get(20, TimeUnit.SECONDS);

        // With the job stopped, so that the catch-up sees them in one batch.
        try (Connection c = mariadb.connect(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM " + schema + ".parent WHERE id = 1"); // two levels: children 10, 11, grandchildren 100, 101
            st.execute("UPDATE " + schema + ".child SET v = 'touched' WHERE id = 20"); // written, then its parent goes
            st.execute("DELETE FROM " + schema + ".parent WHERE id = 2");
            st.execute("DELETE FROM " + schema + ".parent WHERE id = 3"); // the parent goes and comes back
            st.execute("INSERT INTO " + schema + ".parent VALUES (3, 'again')");
            st.execute("INSERT INTO " + schema + ".child VALUES (31, 3, 'new')"); // written after: stays
            st.execute("DELETE FROM " + schema + ".parent WHERE id = 4"); // note 3 keeps its row, parent_id NULL
        }
        try (Connection s = mariadb.connect(); Statement st = s.createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM " + schema + ".child) * 100 + (SELECT count(*) FROM "
                     + schema + ".grandchild)")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the source after its cascades: children 31 (and none of 10, 11, 20, 30, 40); no grandchildren")
                    .isEqualTo(100);
        }
        ReplicationJob second = job("fk", schema + ".*", 100);
        Future<?> resumed = start(second);
        awaitEqual(resumed, schema, "parent", "child", "grandchild", "note");
        second.stop();
        resumed.get(20, TimeUnit.SECONDS);
    }

    @Test
    void keyChangesUniqueKeysAndTreesCascadeInTheWarehouseInOneBatchAndAcrossBatches() throws Exception {
        String schema = "ferry_r_fk2";
        try (Connection c = mariadb.connect()) {
            CascadeScenario.create(c, schema);
        }
        ReplicationJob first = job("fk2", schema + ".*", 100);
        Future<?> running = start(first);
        awaitEqual(running, schema, CascadeScenario.TABLES);
        first.stop();
        running.get(20, TimeUnit.SECONDS);

        try (Connection c = mariadb.connect()) {
            CascadeScenario.oneBatch(c, schema);
        }
        ReplicationJob second = job("fk2", schema + ".*", 100);
        Future<?> resumed = start(second);
        awaitEqual(resumed, schema, CascadeScenario.TABLES);
        try (Connection c = mariadb.connect()) {
            for (String sql : CascadeScenario.acrossBatches()) {
                CascadeScenario.run(c, schema, List.of(sql));
                awaitEqual(resumed, schema, CascadeScenario.TABLES);
            }
        }
        second.stop();
        resumed.get(20, TimeUnit.SECONDS);
    }

    @Test
    void theSandboxWorkloadWithItsCascadesEndsEqualToTheSource() throws Exception {
        io.ferry.sandbox.OltpWorkload workload = new io.ferry.sandbox.OltpWorkload(mariadb, 1000, 20261128);
        workload.runTransactions(300);
        ReplicationJob job = job("shop", "shop.*", 500);
        Future<?> running = start(job);
        workload.runTransactions(1500);
        awaitEqual(running, "shop", io.ferry.sandbox.OltpSchema.TABLES.toArray(String[]::new));
        assertThat(workload.counts().deletes()).isPositive();
        job.stop();
        running.get(20, TimeUnit.SECONDS);
    }

    @Test
    void resumesByMariaDbGtidPosition() throws Exception {
        String schema = "ferry_r_gtid";
        createTypesSchema(schema);
        ReplicationJob first = gtidJob(schema);
        Future<?> running = start(first);
        awaitEqual(running, schema, "counters");
        first.stop();
        running.get(20, TimeUnit.SECONDS);
        assertThat(first.metrics().position().gtids()).as("the checkpoint keeps the GTID position, with the server's id")
                .isNotEmpty().allMatch(g -> g.server() != 0);
        try (Connection s = mariadb.connect(); Statement st = s.createStatement()) {
            for (int i = 0; i < 30; i++) {
                st.execute("UPDATE " + schema + ".counters SET n = n + 1, total = total + " + i + " WHERE id = " + (i % 5));
            }
        }
        ReplicationJob second = gtidJob(schema);
        Future<?> resumed = start(second);
        awaitEqual(resumed, schema, "counters");
        try (Connection w = postgres.connect(); Statement st = w.createStatement();
             ResultSet rs = st.executeQuery("SELECT sum(n), sum(total) FROM ferry_r_gtid.counters")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(30);
            assertThat(rs.getLong(2)).isEqualTo(29L * 30 / 2);
        }
        second.stop();
        resumed.get(20, TimeUnit.SECONDS);
    }

    private ReplicationJob gtidJob(String schema) {
        MySqlSource source = new MySqlSource(mariadb.host(), mariadb.port(), mariadb.user(), mariadb.password());
        WarehouseEndpoint warehouse = new WarehouseEndpoint(postgres.jdbcUrl(), postgres.user(), postgres.password());
        ReplicationJob job = new ReplicationJob(ReplicationJobSpec.of("gtid-" + RUN, source, warehouse,
                TableFilter.parse(schema + ".counters"), TargetPreparation.DROP_AND_CREATE)
                .withBatch(200, Duration.ofMillis(100)).withResumeByGtid(true), Clock.systemUTC());
        jobs.add(job);
        return job;
    }

    @Test
    void aWarehouseThatDropsTheConnectionIsRetriedAndNothingIsLost() throws Exception {
        String schema = "ferry_r_retry";
        createTypesSchema(schema);
        ReplicationJob job = job("retry", schema + ".counters", 10);
        Future<?> running = start(job);
        awaitEqual(running, schema, "counters");
        try (Connection s = mariadb.connect(); Statement st = s.createStatement()) {
            for (int i = 0; i < 50; i++) {
                st.execute("UPDATE " + schema + ".counters SET n = n + 1 WHERE id = " + (i % 5));
                if (i == 25) {
                    try (Connection w = postgres.connect(); Statement ws = w.createStatement()) {
                        // What a warehouse restart or a proxy timeout looks like to the job.
                        ws.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = current_user "
                                + "AND datname = current_database() AND pid <> pg_backend_pid()");
                    }
                }
            }
        }
        awaitEqual(running, schema, "counters");
        await().atMost(Duration.ofSeconds(30)).until(() -> job.metrics().retries() >= 1
                && job.metrics().state() == ReplicationMetrics.State.STREAMING);
        try (Connection w = postgres.connect(); Statement st = w.createStatement();
             ResultSet rs = st.executeQuery("SELECT sum(n) FROM ferry_r_retry.counters")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(50);
        }
        job.stop();
        running.get(20, TimeUnit.SECONDS);
    }

    @Test
    void aPurgedBinlogIsAClearErrorNeverASilentSkip() throws Exception {
        String schema = "ferry_r_purge";
        createTypesSchema(schema);
        ReplicationJob first = job("purge", schema + ".counters", 10);
        Future<?> running = start(first);
        awaitEqual(running, schema, "counters");
        first.stop();
        running.get(20, TimeUnit.SECONDS);
        String checkpointFile = first.metrics().position().file();
        try (Connection c = mariadb.connect(); Statement st = c.createStatement()) {
            st.execute("UPDATE " + schema + ".counters SET n = n + 1"); // a change only the purged file holds
            st.execute("FLUSH BINARY LOGS");
            String current = SourcePositions.head(c).file();
            // The server keeps a file while a binlog reader still uses it: purge until the file is gone.
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                st.execute("PURGE BINARY LOGS TO '" + current + "'");
                return !SourcePositions.binlogFiles(c).contains(checkpointFile);
            });
        }
        ReplicationJob second = job("purge", schema + ".counters", 10);
        Future<?> failed = start(second);
        assertThatThrownBy(() -> failed.get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(BinlogPurgedException.class)
                .hasMessageContaining(checkpointFile).hasMessageContaining("Load the tables again");
        assertThat(second.metrics().state()).isEqualTo(ReplicationMetrics.State.FAILED);
    }

    @Test
    void tablesWithoutAPrimaryKeyAreRefusedByName() throws Exception {
        String schema = "ferry_r_nopk";
        createTypesSchema(schema);
        ReplicationJob job = job("nopk", schema + ".*", 1);
        assertThatThrownBy(job::run)
                .isInstanceOf(PreflightException.class)
                .hasMessageContaining("table ferry_r_nopk.nopk has no primary key")
                .hasMessageNotContaining("ferry_r_nopk.items");
    }

    private ReplicationJob job(String name, String tables, int chunkRows) {
        MySqlSource source = new MySqlSource(mariadb.host(), mariadb.port(), mariadb.user(), mariadb.password());
        WarehouseEndpoint warehouse = new WarehouseEndpoint(postgres.jdbcUrl(), postgres.user(), postgres.password());
        ReplicationJobSpec spec = ReplicationJobSpec.of(name + "-" + RUN, source, warehouse, TableFilter.parse(tables),
                TargetPreparation.DROP_AND_CREATE).withBatch(200, Duration.ofMillis(100)).withChunkRows(chunkRows);
        ReplicationJob job = new ReplicationJob(spec, Clock.systemUTC());
        jobs.add(job);
        return job;
    }

    private Future<?> start(ReplicationJob job) {
        return executor.submit(() -> {
            job.run();
            return null;
        });
    }

    private void awaitEqual(Future<?> running, String schema, String... tables) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            if (running.isDone()) {
                running.get(); // a failed job fails the test with its reason
                throw new AssertionError("the job stopped");
            }
            try (Connection s = mariadb.connect(); Connection w = postgres.connect()) {
                for (String t : tables) {
                    assertThat(WarehouseComparison.differences(s, w, new TableId(schema, t))).as(t).isZero();
                }
            }
        });
    }

    private void createTypesSchema(String schema) throws SQLException {
        createTypesSchema(mariadb, schema);
    }

    /** Tables "items" (every mapped type), "pairs" (composite key), "nopk", "counters" and "counters_log". */
    static void createTypesSchema(DatabaseEndpoint mariadb, String schema) throws SQLException {
        try (Connection c = mariadb.connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + schema);
            st.execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4");
            st.execute("CREATE TABLE " + schema + ".items (id BIGINT UNSIGNED NOT NULL PRIMARY KEY, tiny TINYINT, "
                    + "utiny TINYINT UNSIGNED, small SMALLINT UNSIGNED, med MEDIUMINT UNSIGNED, i INT UNSIGNED, flag BOOLEAN, "
                    + "big BIGINT, ubig BIGINT UNSIGNED, price DECIMAL(65,30), amount DECIMAL(12,2), f FLOAT, d DOUBLE, "
                    + "name VARCHAR(100) NOT NULL, code CHAR(3), latin VARCHAR(20) CHARACTER SET latin1, body TEXT, "
                    + "bin VARBINARY(16), fixed BINARY(4), blob_col BLOB, born DATE, at DATETIME(6), ts TIMESTAMP(6) NULL DEFAULT NULL, "
                    + "dur TIME(6), yr YEAR, doc JSON, status ENUM('new','old'), tags SET('a','b','c'), bits BIT(10)) ENGINE=InnoDB");
            st.execute("CREATE TABLE " + schema + ".pairs (k1 VARCHAR(10) NOT NULL, k2 INT NOT NULL, v TEXT, PRIMARY KEY (k1, k2))");
            st.execute("INSERT INTO " + schema + ".pairs VALUES ('a', 1, 'x'), ('b', 2, 'y'), ('b', 3, NULL)");
            st.execute("CREATE TABLE " + schema + ".nopk (v INT)");
            st.execute("CREATE TABLE " + schema + ".counters (id INT PRIMARY KEY, n BIGINT NOT NULL, total BIGINT NOT NULL)");
            st.execute("INSERT INTO " + schema + ".counters VALUES (0,0,0),(1,0,0),(2,0,0),(3,0,0),(4,0,0)");
            st.execute("CREATE TABLE " + schema + ".counters_log (i INT PRIMARY KEY)");
        }
    }

    /** One row exercising every mapped type; every 10th row has NULLs wherever allowed. */
    static void insertItem(Connection c, String schema, int id) throws SQLException {
        boolean odd = id % 2 == 1;
        String values = id % 10 == 0
                ? id + ", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'item " + id + "', NULL, NULL, "
                  + "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL"
                : id + ", " + (id % 256 - 128) + ", " + id % 256 + ", " + (65535 - id) + ", " + (16777215 - id) + ", "
                  + (4294967295L - id) + ", " + id % 2 + ", " + (Long.MIN_VALUE + id) + ", 18446744073709551615 - " + id + ", "
                  + "CONCAT(" + id + ", '.123456789012345678901234567890'), " + id + " * 1.25, " + id + " / 8.0, " + id + " * 1.1, "
                  + "'item " + id + " 😀 Köln', 'abc', 'Grüße €', 'line1\\nline2\\ttab \\\\ backslash', UNHEX('00FF10'), X'0102', "
                  + "REPEAT(UNHEX('DEADBEEF00'), " + (1 + id % 5) + "), DATE_ADD('1969-12-01', INTERVAL " + id + " DAY), "
                  + "DATE_ADD('2024-02-29 23:59:59', INTERVAL " + id + " MICROSECOND), "
                  + "DATE_ADD('2030-06-01 12:00:00.5', INTERVAL " + id + " SECOND), "
                  + (odd ? "'-838:59:58.5'" : "'12:34:56.789'") + ", " + (1901 + id % 254) + ", "
                  + "JSON_OBJECT('k', CONCAT('v', " + id + "), 'n', " + id + ", 'arr', JSON_ARRAY(1, 'two', NULL)), "
                  + (odd ? "'old', 'a,c'" : "'new', 'b'") + ", b'1000000001'";
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO " + schema + ".items VALUES (" + values + ")");
        }
    }
}

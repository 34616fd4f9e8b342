package io.ferry.replication;

import io.ferry.sandbox.DatabaseEndpoint;
import io.ferry.sandbox.SandboxEndpoints;
import io.ferry.sandbox.SandboxExtension;
import io.ferry.warehouse.Checkpoint;
import io.ferry.warehouse.PostgresDialect;
import io.ferry.warehouse.PostgresWarehouse;
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
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The full load as an incremental snapshot between watermarks (DBLog), MariaDB → PostgreSQL 17, both real (the
 * sandbox): tables loaded in chunks while another session changes them, everywhere including the chunk being read,
 * end equal to the source row by row; a restart resumes at the next chunk; read-only (GTID) watermarks; a table
 * reloaded while the job streams.
 */
@ExtendWith(SandboxExtension.class)
class WatermarkSnapshotIT {
    private static final long RUN = System.currentTimeMillis();

    private final DatabaseEndpoint mariadb;
    private final DatabaseEndpoint postgres;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<ReplicationJob> jobs = new ArrayList<>();
    private final AtomicBoolean writing = new AtomicBoolean(true);

    WatermarkSnapshotIT(SandboxEndpoints endpoints) {
        this.mariadb = endpoints.mariadb();
        this.postgres = endpoints.postgres();
    }

    @AfterEach
    void stop() throws Exception {
        writing.set(false);
        jobs.forEach(ReplicationJob::stop);
        executor.shutdown();
        executor.awaitTermination(30, TimeUnit.SECONDS);
        if (readOnly) {
            try (Connection c = mariadb.connect(); Statement st = c.createStatement()) {
                st.execute("SET GLOBAL read_only = OFF");
            }
        }
    }

    private boolean readOnly;

    @Test
    void aTableOf200000RowsLoadedWhileAnotherSessionChangesItEndsEqualToTheSource() throws Exception {
        String schema = "ferry_wm_load";
        createTable(schema, "t", 200_000);
        ReplicationJob job = job("load", schema + ".t", 10_000);
        TableMetrics table = job.metrics().table(new TableId(schema, "t"));
        Future<?> running = start(job);
        AtomicLong streamedWhileLoading = new AtomicLong();
        Future<Long> writer = executor.submit(() -> write(schema, "t", 200_000, () -> {
            if (table.state() == TableMetrics.State.LOADING) {
                streamedWhileLoading.set(job.metrics().changesApplied());
            }
            return table.loadedRows();
        }));
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(200)).until(() -> {
            failIfDone(running);
            return table.state() == TableMetrics.State.STREAMING;
        });
        writing.set(false);
        long changes = writer.get(30, TimeUnit.SECONDS);
        assertThat(changes).as("changes made during the load").isGreaterThan(200);
        assertThat(streamedWhileLoading.get()).as("changes applied while the table was loading").isPositive();
        awaitEqual(running, schema, "t");
        assertThat(job.metrics().snapshotRows()).as("rows read by the chunks").isBetween(190_000L, 215_000L);
        assertThat(job.metrics().retries()).isZero();
        try (Connection c = mariadb.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM ferry_admin.replication_watermarks WHERE job = '" + job.spec().name() + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("one low and one high row per job, overwritten per chunk").isEqualTo(2);
        }
    }

    @Test
    void aRestartInTheMiddleOfTheLoadResumesAtTheNextChunk() throws Exception {
        String schema = "ferry_wm_restart";
        createTable(schema, "t", 100_000);
        ReplicationJob first = job("restart", schema + ".t", 1_000);
        TableMetrics table = first.metrics().table(new TableId(schema, "t"));
        Future<?> running = start(first);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20)).until(() -> {
            failIfDone(running);
            return table.loadedRows() >= 20_000;
        });
        first.stop();
        running.get(30, TimeUnit.SECONDS);
        SnapshotProgress stopped = progress(first.spec().name());
        assertThat(stopped.done()).as("stopped in the middle of the load").isFalse();
        assertThat(stopped.rows()).isBetween(20_000L, 99_000L).isEqualTo(stopped.chunks() * 1_000);
        try (Connection c = mariadb.connect(); Statement st = c.createStatement()) {
            st.execute("UPDATE " + schema + ".t SET v = 'while stopped' WHERE id % 1000 = 7"); // loaded and not yet loaded rows
            st.execute("DELETE FROM " + schema + ".t WHERE id % 1000 = 9");
        }

        ReplicationJob second = job("restart", schema + ".t", 1_000);
        Future<?> resumed = start(second);
        awaitEqual(resumed, schema, "t");
        assertThat(second.metrics().table(new TableId(schema, "t")).state()).isEqualTo(TableMetrics.State.STREAMING);
        long deletedAhead = 100 - stopped.rows() / 1_000; // one row per 1,000 deleted in the part not loaded yet
        assertThat(second.metrics().snapshotRows()).as("the restart reads only the chunks not loaded yet")
                .isEqualTo(100_000 - stopped.rows() - deletedAhead);
    }

    @Test
    void aReadOnlySourceIsLoadedWithGtidWatermarksAndEndsEqual() throws Exception {
        String schema = "ferry_wm_readonly";
        createTable(schema, "t", 50_000);
        try (Connection c = mariadb.connect(); Statement st = c.createStatement()) {
            readOnly = true;
            st.execute("SET GLOBAL read_only = ON"); // the writer below is an admin session, which may still write
        }
        ReplicationJob job = job("readonly", schema + ".t", 2_000);
        TableMetrics table = job.metrics().table(new TableId(schema, "t"));
        Future<?> running = start(job);
        Future<Long> writer = executor.submit(() -> write(schema, "t", 50_000, table::loadedRows));
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).until(() -> {
            failIfDone(running);
            return table.state() == TableMetrics.State.STREAMING;
        });
        writing.set(false);
        assertThat(writer.get(30, TimeUnit.SECONDS)).isGreaterThan(20);
        awaitEqual(running, schema, "t");
        try (Connection c = mariadb.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'ferry_admin' "
                     + "AND TABLE_NAME = 'replication_watermarks'")) {
            rs.next();
            if (rs.getInt(1) > 0) {
                try (ResultSet marks = st.executeQuery("SELECT count(*) FROM ferry_admin.replication_watermarks WHERE job = '"
                        + job.spec().name() + "'")) {
                    marks.next();
                    assertThat(marks.getInt(1)).as("nothing written to the read-only source").isZero();
                }
            }
        }
        // once loaded, with the source still read-only and quiet, the job streams on
        try (Connection c = mariadb.connect(); Statement st = c.createStatement()) {
            st.execute("UPDATE " + schema + ".t SET v = 'after' WHERE id <= 10");
        }
        awaitEqual(running, schema, "t");
    }

    @Test
    void aTableIsReloadedWhileTheJobStreamsAndTheOtherTablesKeepStreaming() throws Exception {
        String schema = "ferry_wm_reload";
        createTable(schema, "a", 5_000);
        createTable(schema, "b", 60_000);
        ReplicationJob job = job("reload", schema + ".*", 2_000);
        Future<?> running = start(job);
        awaitEqual(running, schema, "a", "b");
        long loadedBefore = job.metrics().snapshotRows();
        assertThat(loadedBefore).isEqualTo(65_000);
        try (Connection w = postgres.connect(); Statement st = w.createStatement()) {
            st.execute("DELETE FROM " + schema + ".b WHERE id > 50000");
            st.execute("UPDATE " + schema + ".b SET v = 'drift'");
            st.execute("INSERT INTO " + schema + ".b (id, v, n, at) VALUES (900000, 'only in the warehouse', 0, now())");
        }
        TableMetrics a = job.metrics().table(new TableId(schema, "a"));
        TableMetrics b = job.metrics().table(new TableId(schema, "b"));
        Future<Long> writerA = executor.submit(() -> write(schema, "a", 5_000, () -> 0L));
        Future<Long> writerB = executor.submit(() -> write(schema, "b", 60_000, b::loadedRows));
        String said = job.reload(new TableId(schema, "b")).get(60, TimeUnit.SECONDS);
        assertThat(said).contains("reloads", schema + ".b", "while it streams");
        long aAppliedAtReload = a.rowsApplied();
        AtomicLong aAppliedWhileBLoading = new AtomicLong();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(100)).until(() -> {
            failIfDone(running);
            if (b.state() == TableMetrics.State.LOADING) {
                aAppliedWhileBLoading.set(a.rowsApplied() - aAppliedAtReload);
            }
            return b.state() == TableMetrics.State.STREAMING && job.metrics().snapshotRows() > loadedBefore;
        });
        writing.set(false);
        writerA.get(30, TimeUnit.SECONDS);
        writerB.get(30, TimeUnit.SECONDS);
        awaitEqual(running, schema, "a", "b");
        assertThat(aAppliedWhileBLoading.get()).as("changes to a applied while b was loading").isPositive();
        assertThat(job.metrics().snapshotRows() - loadedBefore).as("only b was loaded again").isEqualTo(b.loadedRows());
        assertThat(b.loadedRows()).isGreaterThan(58_000L);
        assertThat(a.loadedRows()).isEqualTo(5_000);
        assertThat(job.metrics().retries()).isZero();
    }

    /**
     * Changes rows until told to stop: updates, deletes and inserts anywhere in the key range (rows loaded, not yet
     * loaded) and around {@code loaded} (the chunk being read). Returns the number of statements.
     */
    private long write(String schema, String table, int rows, java.util.concurrent.Callable<Long> loaded) throws Exception {
        Random random = new Random(RUN);
        long n = 0;
        long nextId = 10_000_000;
        try (Connection c = mariadb.connect(); Statement st = c.createStatement()) {
            while (writing.get()) {
                long near = loaded.call() + random.nextInt(3_000);
                long anywhere = 1 + random.nextInt(rows);
                switch ((int) (n % 5)) {
                    case 0 -> st.execute("UPDATE " + schema + "." + table + " SET v = CONCAT('u', " + n + "), n = n + 1 WHERE id = " + near);
                    case 1 -> st.execute("UPDATE " + schema + "." + table + " SET v = CONCAT('w', " + n + ") WHERE id IN ("
                            + anywhere + ", " + (anywhere + 1) + ")");
                    case 2 -> st.execute("DELETE FROM " + schema + "." + table + " WHERE id = " + (n % 2 == 0 ? near : anywhere));
                    case 3 -> st.execute("INSERT INTO " + schema + "." + table + " (id, v, n) VALUES (" + (nextId++) + ", 'new', 1), ("
                            + (rows + 1 + n) + ", 'new at the end', 1) ON DUPLICATE KEY UPDATE n = n + 1");
                    default -> st.execute("UPDATE " + schema + "." + table + " SET id = " + (nextId++) + " WHERE id = " + near);
                }
                n++;
            }
        }
        return n;
    }

    private void createTable(String schema, String table, int rows) throws SQLException {
        try (Connection c = mariadb.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS " + schema);
            st.execute("DROP TABLE IF EXISTS " + schema + "." + table);
            st.execute("CREATE TABLE " + schema + "." + table + " (id BIGINT NOT NULL PRIMARY KEY, v VARCHAR(40) NOT NULL, "
                    + "n INT NOT NULL, at DATETIME(6) NOT NULL DEFAULT '2024-01-01 00:00:00.000001') ENGINE=InnoDB");
            st.execute("INSERT INTO " + schema + "." + table + " (id, v, n) SELECT seq, CONCAT('row ', seq), seq % 97 FROM seq_1_to_" + rows);
        }
    }

    private SnapshotProgress progress(String job) throws SQLException {
        try (PostgresWarehouse w = new PostgresWarehouse(endpoint(), new PostgresDialect(), Clock.systemUTC())) {
            Checkpoint checkpoint = w.checkpoint(job).orElseThrow();
            assertThat(checkpoint.phase()).isEqualTo(Checkpoint.Phase.SNAPSHOT);
            return SnapshotProgress.parse(checkpoint.snapshotProgress(), t -> new ValueKind[]{ValueKind.INTEGER});
        }
    }

    private WarehouseEndpoint endpoint() {
        return new WarehouseEndpoint(postgres.jdbcUrl(), postgres.user(), postgres.password());
    }

    private ReplicationJob job(String name, String tables, int chunkRows) {
        MySqlSource source = new MySqlSource(mariadb.host(), mariadb.port(), mariadb.user(), mariadb.password());
        ReplicationJobSpec spec = ReplicationJobSpec.of(name + "-" + RUN, source, endpoint(), TableFilter.parse(tables),
                TargetPreparation.DROP_AND_CREATE).withBatch(5_000, Duration.ofMillis(100)).withChunkRows(chunkRows);
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

    private static void failIfDone(Future<?> running) throws Exception {
        if (running.isDone()) {
            running.get();
            throw new AssertionError("the job stopped");
        }
    }

    private void awaitEqual(Future<?> running, String schema, String... tables) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            failIfDone(running);
            try (Connection s = mariadb.connect(); Connection w = postgres.connect()) {
                for (String t : tables) {
                    assertThat(WarehouseComparison.differences(s, w, new TableId(schema, t))).as(t).isZero();
                }
            }
        });
    }
}

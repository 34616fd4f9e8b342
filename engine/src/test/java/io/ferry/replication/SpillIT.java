package io.ferry.replication;

import io.ferry.sandbox.DatabaseEndpoint;
import io.ferry.sandbox.SandboxEndpoints;
import io.ferry.sandbox.SandboxExtension;
import io.ferry.warehouse.TargetPreparation;
import io.ferry.warehouse.WarehouseEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Large transactions spill to disk and are applied from there (MariaDB → PostgreSQL, both real): every type, updates,
 * deletes and key changes inside a spilled transaction end equal to the source; with the warehouse blocked, the
 * reader pauses at the memory and the disk limits, then catches up with nothing lost.
 */
@ExtendWith(SandboxExtension.class)
class SpillIT {
    private static final long RUN = System.currentTimeMillis();

    private final DatabaseEndpoint mariadb;
    private final DatabaseEndpoint postgres;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<ReplicationJob> jobs = new ArrayList<>();

    SpillIT(SandboxEndpoints endpoints) {
        this.mariadb = endpoints.mariadb();
        this.postgres = endpoints.postgres();
    }

    @AfterEach
    void stopJobs() throws InterruptedException {
        jobs.forEach(ReplicationJob::stop);
        executor.shutdown();
        executor.awaitTermination(30, TimeUnit.SECONDS);
    }

    @Test
    void aSpilledTransactionWithEveryTypeUpdatesDeletesAndKeyChangesEndsEqual(@TempDir Path spillDir) throws Exception {
        String schema = "ferry_r_spill";
        ReplicationIT.createTypesSchema(mariadb, schema);
        try (Connection c = mariadb.connect()) {
            for (int i = 1; i <= 50; i++) {
                ReplicationIT.insertItem(c, schema, i);
            }
        }
        ReplicationJob job = job("spill", schema + ".items," + schema + ".pairs",
                new BufferLimits(512 << 10, 64 << 10, 256L << 20, spillDir));
        Future<?> running = start(job);
        awaitEqual(running, schema, "items", "pairs");

        try (Connection c = mariadb.connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            for (int i = 51; i <= 1500; i++) {
                ReplicationIT.insertItem(c, schema, i);
            }
            st.execute("UPDATE " + schema + ".items SET name = CONCAT(name, ' ✓'), amount = amount + 1 WHERE id % 3 = 0");
            st.execute("UPDATE " + schema + ".items SET name = CONCAT(name, ' again') WHERE id % 6 = 0"); // twice in one txn
            st.execute("DELETE FROM " + schema + ".items WHERE id % 7 = 0");
            st.execute("UPDATE " + schema + ".items SET id = id + 100000 WHERE id BETWEEN 10 AND 30"); // key changes
            st.execute("UPDATE " + schema + ".items SET id = 20 WHERE id = 100020"); // and back to a freed key
            ReplicationIT.insertItem(c, schema, 14);  // 14 was deleted above (14 % 7 == 0): inserted again
            st.execute("DELETE FROM " + schema + ".items WHERE id = 100015");
            st.execute("UPDATE " + schema + ".pairs SET k2 = k2 + 10 WHERE k1 = 'b'");
            st.execute("DELETE FROM " + schema + ".pairs WHERE k1 = 'a'");
            for (int i = 0; i < 50; i++) {
                st.execute("INSERT INTO " + schema + ".pairs VALUES ('t', " + i + ", REPEAT('in one transaction ', 50))");
            }
            c.commit();
            for (int i = 1501; i <= 1520; i++) { // small transactions after it: in memory, maybe in the same batch
                ReplicationIT.insertItem(c, schema, i);
                c.commit();
            }
        }
        awaitEqual(running, schema, "items", "pairs");
        assertThat(job.metrics().buffer().spilledTransactions()).as("the large transaction went to disk").isPositive();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(spillFiles(spillDir)).as("spill files are deleted once applied").isEmpty();
            assertThat(job.metrics().buffer().diskBytes()).isZero();
        });
        job.stop();
        running.get(30, TimeUnit.SECONDS);
        assertThat(spillDir.resolve(job.spec().name())).as("the run's spill directory goes on stop").doesNotExist();
    }

    @Test
    void aBlockedWarehousePausesTheReaderAtTheMemoryAndDiskLimitsAndItCatchesUpAfter(@TempDir Path spillDir) throws Exception {
        String schema = "ferry_r_backpressure";
        try (Connection c = mariadb.connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + schema);
            st.execute("CREATE DATABASE " + schema);
            st.execute("CREATE TABLE " + schema + ".t (id BIGINT PRIMARY KEY, v VARCHAR(100) NOT NULL, n INT NOT NULL)");
            st.execute("INSERT INTO " + schema + ".t VALUES (0, 'loaded', 0)");
        }
        long memoryLimit = 256 << 10;
        long diskLimit = 3L << 20;
        ReplicationJob job = job("backpressure", schema + ".t", new BufferLimits(memoryLimit, 32 << 10, diskLimit, spillDir));
        Future<?> running = start(job);
        awaitEqual(running, schema, "t");
        BufferUsage buffer = job.metrics().buffer();

        // 1. Small transactions while the target table is locked: the reader stops at the memory limit.
        try (Connection lock = lockTarget(schema + ".t")) {
            try (Connection c = mariadb.connect(); Statement st = c.createStatement()) {
                for (int txn = 0; txn < 1500; txn++) {
                    st.execute("INSERT INTO " + schema + ".t VALUES " + rows(1 + txn * 10L, 10, "small"));
                }
            }
            await().atMost(Duration.ofSeconds(60)).until(buffer::waitingForMemory);
            assertThat(count(schema + ".t")).as("nothing applied while the table is locked").isEqualTo(1);
            assertThat(buffer.peakMemoryBytes()).isPositive().isLessThanOrEqualTo(memoryLimit);
            assertThat(job.metrics().backlogRows()).as("the reader stopped short of the 15,000 rows written").isLessThan(15_000);
        }
        awaitEqual(running, schema, "t");
        assertThat(buffer.peakMemoryBytes()).isLessThanOrEqualTo(memoryLimit);

        // 2. Large transactions (each spilled) while it is locked again: the reader stops at the disk limit.
        long waitsBefore = buffer.diskWaits();
        try (Connection lock = lockTarget(schema + ".t")) {
            try (Connection c = mariadb.connect(); Statement st = c.createStatement()) {
                c.setAutoCommit(false);
                for (int txn = 0; txn < 12; txn++) {
                    st.execute("INSERT INTO " + schema + ".t VALUES " + rows(100_000 + txn * 2000L, 2000, "large"));
                    st.execute("UPDATE " + schema + ".t SET n = n + 1 WHERE id BETWEEN 1 AND 3000");
                    c.commit();
                }
            }
            await().atMost(Duration.ofSeconds(60)).until(buffer::waitingForDisk);
            assertThat(buffer.diskWaits()).isGreaterThan(waitsBefore);
            assertThat(buffer.peakDiskBytes()).isPositive().isLessThanOrEqualTo(diskLimit);
            assertThat(spillFiles(spillDir).stream().mapToLong(SpillIT::size).sum()).isLessThanOrEqualTo(diskLimit);
            assertThat(count(schema + ".t")).isEqualTo(15_001);
        }
        awaitEqual(running, schema, "t");
        assertThat(count(schema + ".t")).isEqualTo(15_001 + 12 * 2000);
        assertThat(buffer.peakDiskBytes()).isLessThanOrEqualTo(diskLimit);
        assertThat(buffer.peakMemoryBytes()).isLessThanOrEqualTo(memoryLimit);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(spillFiles(spillDir)).isEmpty());
    }

    @Test
    void aWarehouseThatRefusesConnectionsStopsTheReadingAndTheJobResumesByItself(@TempDir Path spillDir) throws Exception {
        String schema = "ferry_r_down";
        try (Connection c = mariadb.connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + schema);
            st.execute("CREATE DATABASE " + schema);
            st.execute("CREATE TABLE " + schema + ".t (id BIGINT PRIMARY KEY, v VARCHAR(100) NOT NULL, n INT NOT NULL)");
        }
        ReplicationJob job = job("down", schema + ".t", new BufferLimits(256 << 10, 32 << 10, 64L << 20, spillDir));
        Future<?> running = start(job);
        awaitEqual(running, schema, "t");

        // From another database: PostgreSQL refuses to disallow connections to the one a session is in.
        try (Connection admin = java.sql.DriverManager.getConnection("jdbc:postgresql://" + postgres.host() + ":"
                + postgres.port() + "/postgres", postgres.user(), postgres.password().reveal());
             Statement st = admin.createStatement()) {
            String db = postgres.database();
            try {
                st.execute("ALTER DATABASE \"" + db + "\" ALLOW_CONNECTIONS false");
                st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db + "' "
                        + "AND usename = current_user");
                try (Connection c = mariadb.connect(); Statement source = c.createStatement()) {
                    for (int txn = 0; txn < 500; txn++) {
                        source.execute("INSERT INTO " + schema + ".t VALUES " + rows(1 + txn * 10L, 10, "down"));
                    }
                    c.setAutoCommit(false);
                    source.execute("INSERT INTO " + schema + ".t VALUES " + rows(100_000, 3000, "large"));
                    c.commit();
                }
                await().atMost(Duration.ofSeconds(90)).until(() -> {
                    if (running.isDone()) {
                        running.get(); // a job that stopped fails the test with its reason
                    }
                    return job.metrics().state() == ReplicationMetrics.State.RETRYING
                            && String.valueOf(job.metrics().lastError()).contains("not currently accepting connections");
                });
                assertThat(running).as("a warehouse that is down is waited for, not a reason to stop").isNotDone();
            } finally {
                st.execute("ALTER DATABASE \"" + db + "\" ALLOW_CONNECTIONS true");
            }
        }
        awaitEqual(running, schema, "t");
        assertThat(count(schema + ".t")).isEqualTo(5000 + 3000);
        assertThat(job.metrics().buffer().peakMemoryBytes()).isLessThanOrEqualTo(256 << 10);
    }

    @Test
    void foreignKeyCascadesAreRepeatedForSpilledTransactionsToo(@TempDir Path spillDir) throws Exception {
        String schema = "ferry_r_spill_fk";
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
        // A threshold of one byte: every transaction with a change goes to disk.
        BufferLimits everythingSpills = new BufferLimits(256 << 10, 1, 64L << 20, spillDir);
        ReplicationJob first = job("spill-fk", schema + ".*", everythingSpills);
        Future<?> running = start(first);
        awaitEqual(running, schema, "parent", "child", "grandchild", "note");
        first.stop();
        running.get(30, TimeUnit.SECONDS);

        // With the job stopped, so that the catch-up sees them in one batch, the last ones in one transaction.
        try (Connection c = mariadb.connect(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM " + schema + ".parent WHERE id = 1"); // two levels: children 10, 11, grandchildren 100, 101
            st.execute("UPDATE " + schema + ".child SET v = 'touched' WHERE id = 20"); // written, then its parent goes
            st.execute("DELETE FROM " + schema + ".parent WHERE id = 2");
            c.setAutoCommit(false);
            st.execute("DELETE FROM " + schema + ".parent WHERE id = 3"); // the parent goes and comes back
            st.execute("INSERT INTO " + schema + ".parent VALUES (3, 'again')");
            st.execute("INSERT INTO " + schema + ".child VALUES (31, 3, 'new')"); // written after: stays
            st.execute("DELETE FROM " + schema + ".parent WHERE id = 4"); // note 3 keeps its row, parent_id NULL
            c.commit();
        }
        ReplicationJob second = job("spill-fk", schema + ".*", everythingSpills);
        Future<?> resumed = start(second);
        awaitEqual(resumed, schema, "parent", "child", "grandchild", "note");
        assertThat(second.metrics().buffer().spilledTransactions()).isGreaterThanOrEqualTo(4);
        second.stop();
        resumed.get(30, TimeUnit.SECONDS);
    }

    /** {@code n} rows of about 100 bytes from {@code first}, as a VALUES list. */
    private static String rows(long first, int n, String tag) {
        StringBuilder sql = new StringBuilder();
        for (long id = first; id < first + n; id++) {
            sql.append(sql.isEmpty() ? "" : ", ").append('(').append(id).append(", '").append(tag).append(' ').append(id)
                    .append(" abcdefghijklmnopqrstuvwxyz abcdefghijklmnopqrstuvwxyz', ").append(id % 1000).append(')');
        }
        return sql.toString();
    }

    /** Holds a lock that lets readers in but blocks every write to the table, until the connection closes. */
    private Connection lockTarget(String table) throws SQLException {
        Connection lock = postgres.connect();
        lock.setAutoCommit(false);
        try (Statement st = lock.createStatement()) {
            st.execute("LOCK TABLE " + table + " IN EXCLUSIVE MODE");
        }
        return lock;
    }

    private long count(String table) throws SQLException {
        try (Connection w = postgres.connect(); Statement st = w.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Path> spillFiles(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> p.toString().endsWith(".spill")).toList();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException gone) {
            return 0;
        }
    }

    private ReplicationJob job(String name, String tables, BufferLimits limits) {
        io.ferry.replication.MySqlSource source = new MySqlSource(mariadb.host(), mariadb.port(), mariadb.user(), mariadb.password());
        WarehouseEndpoint warehouse = new WarehouseEndpoint(postgres.jdbcUrl(), postgres.user(), postgres.password());
        ReplicationJobSpec spec = ReplicationJobSpec.of(name + "-" + RUN, source, warehouse, TableFilter.parse(tables),
                TargetPreparation.DROP_AND_CREATE).withBatch(5000, Duration.ofMillis(200)).withLimits(limits);
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
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            if (running.isDone()) {
                running.get();
                throw new AssertionError("the job stopped");
            }
            try (Connection s = mariadb.connect(); Connection w = postgres.connect()) {
                for (String t : tables) {
                    assertThat(WarehouseComparison.differences(s, w, new TableId(schema, t))).as(t).isZero();
                }
            }
        });
    }
}

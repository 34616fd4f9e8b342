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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * MariaDB → PostgreSQL (the sandbox, both real): DDL on replicated tables while the job streams, and while it is
 * stopped, is followed by the schema history and repeated in the warehouse, which ends equal to the source.
 */
@ExtendWith(SandboxExtension.class)
class SchemaChangesIT {
    private static final long RUN = System.currentTimeMillis();

    private final DatabaseEndpoint mariadb;
    private final DatabaseEndpoint postgres;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<ReplicationJob> jobs = new ArrayList<>();

    SchemaChangesIT(SandboxEndpoints endpoints) {
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
    void addDropWidenRenameAndCreateWhileStreamingEndEqualToTheSource() throws Exception {
        String schema = "ferry_r_ddl";
        createOrders(schema, 50);
        ReplicationJob job = job("ddl", schema + ".*");
        Future<?> running = start(job);
        awaitEqual(running, schema, "orders");

        // No waiting between the steps: batches would mix rows from before and after each DDL unless they end at it.
        try (Connection c = mariadb.connect(); Statement st = c.createStatement()) {
            insertOrders(st, schema, 51, 70, "id, note, qty", i -> i + ", 'n" + i + "', " + i);
            st.execute("ALTER TABLE " + schema + ".orders ADD COLUMN price DECIMAL(10,2)");
            insertOrders(st, schema, 71, 90, "id, note, qty, price", i -> i + ", 'n" + i + "', " + i + ", " + i + ".25");
            st.execute("UPDATE " + schema + ".orders SET price = 1.5 WHERE id % 5 = 0");
            // MySQL fills the rows already there with the DEFAULT, or a NOT NULL column's implicit one (0), without row events
            st.execute("ALTER TABLE " + schema + ".orders ADD COLUMN state VARCHAR(10) NOT NULL DEFAULT 'new', ADD COLUMN n INT NOT NULL");
            st.execute("ALTER TABLE " + schema + ".orders ALTER COLUMN n SET DEFAULT 7"); // no column change
            st.execute("ALTER TABLE " + schema + ".orders DROP COLUMN qty");
            insertOrders(st, schema, 91, 100, "id, note, price", i -> i + ", 'n" + i + "', " + i);
            st.execute("ALTER TABLE " + schema + ".orders MODIFY note VARCHAR(200)");
            insertOrders(st, schema, 101, 110, "id, note, price", i -> i + ", REPEAT('long note ', 15), " + i);
            st.execute("ALTER TABLE " + schema + ".orders RENAME COLUMN note TO remark");
            st.execute("UPDATE " + schema + ".orders SET remark = CONCAT(remark, ' ✓') WHERE id % 3 = 0");
            st.execute("DELETE FROM " + schema + ".orders WHERE id % 7 = 0");
            st.execute("CREATE TABLE " + schema + ".refunds (id INT NOT NULL PRIMARY KEY, order_id INT, why VARCHAR(50) "
                    + "CHARACTER SET latin1, at DATETIME(6))");
            st.execute("INSERT INTO " + schema + ".refunds VALUES (1, 3, 'broken ü', '2024-01-02 03:04:05.123456'), (2, 6, NULL, NULL)");
            st.execute("UPDATE " + schema + ".refunds SET why = 'late' WHERE id = 2");
        }
        awaitEqual(running, schema, "orders", "refunds");
        assertThat(warehouseColumns(schema, "orders")).containsExactly("id", "remark", "price", "state", "n");

        try (Connection c = mariadb.connect(); Statement st = c.createStatement()) {
            st.execute("TRUNCATE TABLE " + schema + ".refunds");
            st.execute("INSERT INTO " + schema + ".refunds VALUES (7, 7, 'again', NULL)");
            st.execute("RENAME TABLE " + schema + ".orders TO " + schema + ".orders_v2");
            st.execute("INSERT INTO " + schema + ".orders_v2 (id, remark, price) VALUES (500, 'after rename', 5)");
        }
        awaitEqual(running, schema, "orders_v2", "refunds");
        job.stop();
        running.get(20, TimeUnit.SECONDS);
    }

    @Test
    void aRestartDecodesTheEventsBeforeALaterDdlWithTheSchemaOfTheirTime() throws Exception {
        String schema = "ferry_r_ddl_restart";
        createOrders(schema, 20);
        ReplicationJob first = job("ddl-restart", schema + ".orders");
        Future<?> running = start(first);
        awaitEqual(running, schema, "orders");
        try (Connection c = mariadb.connect(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE " + schema + ".orders ADD COLUMN extra INT");
            insertOrders(st, schema, 21, 30, "id, note, qty, extra", i -> i + ", 'n" + i + "', " + i + ", " + (i * 2));
        }
        awaitEqual(running, schema, "orders");
        first.stop();
        running.get(20, TimeUnit.SECONDS);

        // While the job is stopped: rows in the old shape, then DDL, then rows in the new shapes. Today's
        // information_schema knows only the last shape; the first rows must be decoded with theirs.
        try (Connection c = mariadb.connect(); Statement st = c.createStatement()) {
            insertOrders(st, schema, 31, 40, "id, note, qty, extra", i -> i + ", 'before " + i + "', " + i + ", " + i);
            st.execute("UPDATE " + schema + ".orders SET qty = qty + 100 WHERE id <= 5");
            st.execute("ALTER TABLE " + schema + ".orders DROP COLUMN qty");
            insertOrders(st, schema, 41, 50, "id, note, extra", i -> i + ", 'between " + i + "', " + i);
            st.execute("ALTER TABLE " + schema + ".orders ADD COLUMN tag VARCHAR(30) CHARACTER SET latin1, MODIFY note VARCHAR(100)");
            insertOrders(st, schema, 51, 60, "id, note, extra, tag", i -> i + ", REPEAT('x', 90), " + i + ", 'Grüße'");
            st.execute("ALTER TABLE " + schema + ".orders RENAME COLUMN extra TO bonus");
            st.execute("UPDATE " + schema + ".orders SET bonus = -1 WHERE id % 4 = 0");
        }
        ReplicationJob second = job("ddl-restart", schema + ".orders");
        Future<?> resumed = start(second);
        awaitEqual(resumed, schema, "orders");
        assertThat(second.metrics().snapshotRows()).as("a restart does not load again").isZero();
        assertThat(warehouseColumns(schema, "orders")).containsExactly("id", "note", "bonus", "tag");
        try (Connection w = postgres.connect(); Statement st = w.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM ferry_replication.schema_history WHERE job = 'ddl-restart-" + RUN + "'")) {
            rs.next();
            assertThat(rs.getLong(1)).as("the snapshot and one version per DDL").isEqualTo(5);
        }
        second.stop();
        resumed.get(20, TimeUnit.SECONDS);
    }

    @Test
    void aTypeChangeTheWarehouseCannotRepeatStopsTheJobNamingTableColumnAndStatement() throws Exception {
        String schema = "ferry_r_ddl_refused";
        createOrders(schema, 5);
        ReplicationJob job = job("ddl-refused", schema + ".orders");
        Future<?> running = start(job);
        awaitEqual(running, schema, "orders");
        try (Connection c = mariadb.connect(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE " + schema + ".orders MODIFY qty VARCHAR(10)");
        }
        assertThatThrownBy(() -> running.get(60, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining(schema + ".orders, column qty")
                .hasMessageContaining("MODIFY qty VARCHAR(10)")
                .hasMessageContaining("exclude the table");
        assertThat(warehouseColumns(schema, "orders")).containsExactly("id", "note", "qty");
    }

    private void createOrders(String schema, int rows) throws SQLException {
        try (Connection c = mariadb.connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + schema);
            st.execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4");
            st.execute("CREATE TABLE " + schema + ".orders (id INT NOT NULL PRIMARY KEY, note VARCHAR(20), qty INT)");
            insertOrders(st, schema, 1, rows, "id, note, qty", i -> i + ", 'n" + i + "', " + i);
        }
    }

    private interface Values {
        String of(int i);
    }

    private static void insertOrders(Statement st, String schema, int from, int to, String columns, Values values) throws SQLException {
        for (int i = from; i <= to; i++) {
            st.execute("INSERT INTO " + schema + ".orders (" + columns + ") VALUES (" + values.of(i) + ")");
        }
    }

    private List<String> warehouseColumns(String schema, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection w = postgres.connect(); PreparedStatement st = w.prepareStatement(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
            st.setString(1, schema);
            st.setString(2, table);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private ReplicationJob job(String name, String tables) {
        MySqlSource source = new MySqlSource(mariadb.host(), mariadb.port(), mariadb.user(), mariadb.password());
        WarehouseEndpoint warehouse = new WarehouseEndpoint(postgres.jdbcUrl(), postgres.user(), postgres.password());
        ReplicationJobSpec spec = ReplicationJobSpec.of(name + "-" + RUN, source, warehouse, TableFilter.parse(tables),
                TargetPreparation.DROP_AND_CREATE).withBatch(200, Duration.ofMillis(100)).withChunkRows(10);
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
        // until the job has repeated a DDL, the warehouse table has other columns than the source's: EXCEPT fails
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptionsInstanceOf(SQLException.class)
                .untilAsserted(() -> {
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

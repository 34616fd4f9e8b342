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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * Zero and invalid dates (inserted with {@code sql_mode=''}) from the real sandbox MariaDB into PostgreSQL, through
 * the full load and the binlog: {@code zeroDates: null} writes NULL and counts them, {@code fail} stops the job naming
 * the table, the column and the key.
 */
@ExtendWith(SandboxExtension.class)
class ZeroDatesIT {
    private static final long RUN = System.currentTimeMillis();
    /** The row of id 1 is valid; 2 is all zero; 3 has a zero month and a zero day. */
    private static final String ROWS = "(1, 'valid', '2024-01-15', '2024-01-15 10:11:12.123456', '2024-01-15 10:11:12', 7), "
            + "(2, 'zero', '0000-00-00', '0000-00-00 00:00:00', '0000-00-00 00:00:00', 8), "
            + "(3, 'partly', '2024-00-15', '2024-01-00 10:00:00', '2030-06-01 12:00:00', 9)";

    private final DatabaseEndpoint mariadb;
    private final DatabaseEndpoint postgres;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<ReplicationJob> jobs = new ArrayList<>();

    ZeroDatesIT(SandboxEndpoints endpoints) {
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
    void underNullZeroDatesArriveAsNullAndEveryOtherValueExactly() throws Exception {
        String schema = "ferry_zd_null";
        create(schema, ROWS);
        ReplicationJob job = job("zd-null", schema, ZeroDates.NULL);
        Future<?> running = start(job);

        awaitRows(running, schema, "SELECT id, name, d::text, dt::text, ts::text, n FROM %s.events ORDER BY id", List.of(
                "1|valid|2024-01-15|2024-01-15 10:11:12.123456|2024-01-15 10:11:12+00|7",
                "2|zero|null|null|null|8",
                "3|partly|null|null|2030-06-01 12:00:00+00|9"));
        TableId events = new TableId(schema, "events");
        assertThat(job.metrics().tables().get(events).zeroDatesNulled()).as("full load").isEqualTo(5);
        assertThat(nullability(schema)).as("the target's date columns accept NULL; the others keep NOT NULL")
                .containsExactly("id|NO", "name|NO", "d|YES", "dt|YES", "ts|YES", "n|YES");

        try (Connection c = zeroDateSession(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO " + schema + ".events VALUES (4, 'streamed', '0000-00-00', '2024-02-00 01:02:03', "
                    + "'0000-00-00 00:00:00', 10)");
            st.execute("UPDATE " + schema + ".events SET name = 'now zero', d = '0000-00-00', n = 11 WHERE id = 1");
            st.execute("UPDATE " + schema + ".events SET d = '2024-05-05', n = 12 WHERE id = 2"); // zero dates before
        }
        awaitRows(running, schema, "SELECT id, name, d::text, dt::text, ts::text, n FROM %s.events ORDER BY id", List.of(
                "1|now zero|null|2024-01-15 10:11:12.123456|2024-01-15 10:11:12+00|11",
                "2|zero|2024-05-05|null|null|12",
                "3|partly|null|null|2030-06-01 12:00:00+00|9",
                "4|streamed|null|null|null|10"));
        // 5 loaded + 3 inserted + 1 (row 1's new d) + 2 (row 2 keeps dt and ts zero); before images are not written
        assertThat(job.metrics().tables().get(events).zeroDatesNulled()).as("load and stream").isEqualTo(11);
        assertThat(ReplicationStatusLine.zeroDatesNulled(job.metrics())).isEqualTo("  zero dates nulled " + events + " 11");
        job.stop();
        running.get(20, TimeUnit.SECONDS);
    }

    @Test
    void underFailTheFullLoadStopsNamingTheTableTheColumnAndTheKey() throws Exception {
        String schema = "ferry_zd_fail_load";
        create(schema, ROWS);
        Future<?> running = start(job("zd-fail-load", schema, ZeroDates.FAIL));

        ExecutionException e = catchThrowableOfType(ExecutionException.class, () -> running.get(120, TimeUnit.SECONDS));
        assertThat(e.getCause()).hasMessageContaining(schema + ".events.d holds a zero or invalid date (0000-00-00)")
                .hasMessageContaining("zeroDates: null");
    }

    @Test
    void underFailAStreamedZeroDateStopsTheJob() throws Exception {
        String schema = "ferry_zd_fail_stream";
        create(schema, "(1, 'valid', '2024-01-15', '2024-01-15 10:11:12.123456', '2024-01-15 10:11:12', 7)");
        ReplicationJob job = job("zd-fail-stream", schema, ZeroDates.FAIL);
        Future<?> running = start(job);
        awaitRows(running, schema, "SELECT id, name FROM %s.events", List.of("1|valid"));
        await().atMost(Duration.ofSeconds(60)).until(() -> job.metrics().state() == ReplicationMetrics.State.STREAMING
                || running.isDone());

        try (Connection c = zeroDateSession(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO " + schema + ".events VALUES (2, 'late', '2024-01-15', '2024-01-15 00:00:00', "
                    + "'0000-00-00 00:00:00', 8)");
        }
        ExecutionException e = catchThrowableOfType(ExecutionException.class, () -> running.get(120, TimeUnit.SECONDS));
        assertThat(e.getCause()).hasMessageContaining(schema + ".events.ts holds a zero or invalid date")
                .hasMessageContaining("zeroDates: null");
        assertThat(rows(schema, "SELECT id, name FROM %s.events")).as("nothing of the failed batch").containsExactly("1|valid");
    }

    private void create(String schema, String rows) throws SQLException {
        try (Connection c = zeroDateSession(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + schema);
            st.execute("CREATE DATABASE " + schema);
            st.execute("CREATE TABLE " + schema + ".events (id INT NOT NULL PRIMARY KEY, name VARCHAR(20) NOT NULL, "
                    + "d DATE NOT NULL, dt DATETIME(6) NOT NULL, ts TIMESTAMP NULL DEFAULT NULL, n INT) ENGINE=InnoDB");
            st.execute("INSERT INTO " + schema + ".events VALUES " + rows);
        }
    }

    /** A source session that accepts zero dates, as an application with a permissive sql_mode writes them. */
    private Connection zeroDateSession() throws SQLException {
        Connection c = mariadb.connect();
        try (Statement st = c.createStatement()) {
            st.execute("SET SESSION sql_mode = ''");
        }
        return c;
    }

    private ReplicationJob job(String name, String schema, ZeroDates zeroDates) {
        MySqlSource source = new MySqlSource(mariadb.host(), mariadb.port(), mariadb.user(), mariadb.password());
        WarehouseEndpoint warehouse = new WarehouseEndpoint(postgres.jdbcUrl(), postgres.user(), postgres.password());
        ReplicationJobSpec spec = ReplicationJobSpec.of(name + "-" + RUN, source, warehouse, TableFilter.parse(schema + ".*"),
                TargetPreparation.DROP_AND_CREATE).withBatch(200, Duration.ofMillis(100)).withZeroDates(zeroDates);
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

    private void awaitRows(Future<?> running, String schema, String query, List<String> expected) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            if (running.isDone()) {
                running.get(); // a failed job fails the test with its reason
                throw new AssertionError("the job stopped");
            }
            assertThat(rows(schema, query)).containsExactlyElementsOf(expected);
        });
    }

    private List<String> rows(String schema, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection w = postgres.connect(); Statement st = w.createStatement()) {
            if (!tableExists(w, schema)) {
                return rows;
            }
            try (ResultSet rs = st.executeQuery(String.format(query, schema))) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        row.append(i > 1 ? "|" : "").append(rs.getString(i));
                    }
                    rows.add(row.toString());
                }
            }
        }
        return rows;
    }

    private static boolean tableExists(Connection w, String schema) throws SQLException {
        try (var st = w.prepareStatement("SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = 'events'")) {
            st.setString(1, schema);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    private List<String> nullability(String schema) throws SQLException {
        return rows(schema, "SELECT column_name || '|' || is_nullable FROM information_schema.columns "
                + "WHERE table_schema = '%s' AND table_name = 'events' ORDER BY ordinal_position");
    }
}

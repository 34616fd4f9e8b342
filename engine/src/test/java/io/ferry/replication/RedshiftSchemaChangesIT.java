package io.ferry.replication;

import io.ferry.sandbox.DatabaseEndpoint;
import io.ferry.sandbox.PgBouncerServer;
import io.ferry.sandbox.SandboxEndpoints;
import io.ferry.sandbox.SandboxExtension;
import io.ferry.warehouse.TargetPreparation;
import io.ferry.warehouse.redshift.RedshiftDialect;
import io.ferry.warehouse.redshift.RedshiftOpener;
import io.ferry.warehouse.redshift.RedshiftOptions;
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
import static org.awaitility.Awaitility.await;

/**
 * Schema changes through the Redshift dialect: MariaDB → Redshift JDBC driver → pgbouncer → PostgreSQL, all real (see
 * RedshiftReplicationIT for what the stand-in changes). ADD/DROP/RENAME COLUMN, a VARCHAR widening (run outside the
 * batch's transaction, as Redshift requires) and a new table while streaming, then more DDL while the job is stopped.
 */
@ExtendWith(SandboxExtension.class)
class RedshiftSchemaChangesIT {
    private static final long RUN = System.currentTimeMillis();
    private static final RedshiftDialect DIALECT = new RedshiftDialect(RedshiftOptions.defaults().withoutTableAttributes());

    private final DatabaseEndpoint mariadb;
    private final DatabaseEndpoint postgres;
    private final PgBouncerServer bouncer;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<ReplicationJob> jobs = new ArrayList<>();

    RedshiftSchemaChangesIT(SandboxEndpoints endpoints, PgBouncerServer bouncer) {
        this.mariadb = endpoints.mariadb();
        this.postgres = endpoints.postgres();
        this.bouncer = bouncer;
    }

    @AfterEach
    void stopJobs() throws InterruptedException {
        jobs.forEach(ReplicationJob::stop);
        executor.shutdown();
        executor.awaitTermination(20, TimeUnit.SECONDS);
    }

    @Test
    void ddlWhileStreamingAndWhileStoppedEndsEqualToTheSource() throws Exception {
        String schema = "ferry_rs_ddl";
        try (Connection c = mariadb.connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + schema);
            st.execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4");
            st.execute("CREATE TABLE " + schema + ".orders (id INT NOT NULL PRIMARY KEY, note VARCHAR(20), qty INT)");
            for (int i = 1; i <= 20; i++) {
                st.execute("INSERT INTO " + schema + ".orders VALUES (" + i + ", 'n" + i + "', " + i + ")");
            }
        }
        ReplicationJob first = job(schema + ".*");
        Future<?> running = start(first);
        awaitEqual(running, schema, "orders");
        try (Connection c = mariadb.connect(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE " + schema + ".orders ADD COLUMN price DECIMAL(10,2)");
            st.execute("INSERT INTO " + schema + ".orders VALUES (21, 'n21', 21, 2.5)");
            st.execute("ALTER TABLE " + schema + ".orders MODIFY note VARCHAR(100)");
            st.execute("INSERT INTO " + schema + ".orders VALUES (22, REPEAT('ü', 100), 22, 3)");
            st.execute("ALTER TABLE " + schema + ".orders RENAME COLUMN qty TO quantity");
            st.execute("UPDATE " + schema + ".orders SET quantity = quantity * 10 WHERE id % 2 = 0");
            st.execute("CREATE TABLE " + schema + ".refunds (id INT NOT NULL PRIMARY KEY, why VARCHAR(30))");
            st.execute("INSERT INTO " + schema + ".refunds VALUES (1, 'late'), (2, NULL)");
        }
        awaitEqual(running, schema, "orders", "refunds");
        try (Connection w = postgres.connect(); Statement st = w.createStatement();
             ResultSet rs = st.executeQuery("SELECT character_maximum_length FROM information_schema.columns WHERE table_schema = '"
                     + schema + "' AND table_name = 'orders' AND column_name = 'note'")) {
            rs.next();
            assertThat(rs.getLong(1)).as("VARCHAR(100) utf8mb4 in bytes").isEqualTo(400);
        }
        first.stop();
        running.get(20, TimeUnit.SECONDS);

        try (Connection c = mariadb.connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO " + schema + ".orders VALUES (30, 'stopped', 30, 1)");
            st.execute("ALTER TABLE " + schema + ".orders DROP COLUMN quantity");
            st.execute("INSERT INTO " + schema + ".orders VALUES (31, 'dropped', 1)");
            st.execute("ALTER TABLE " + schema + ".refunds ADD COLUMN amount INT");
            st.execute("INSERT INTO " + schema + ".refunds VALUES (3, 'new', 7)");
        }
        ReplicationJob second = job(schema + ".*");
        Future<?> resumed = start(second);
        awaitEqual(resumed, schema, "orders", "refunds");
        assertThat(second.metrics().snapshotRows()).isZero();
        second.stop();
        resumed.get(20, TimeUnit.SECONDS);
    }

    private ReplicationJob job(String tables) {
        MySqlSource source = new MySqlSource(mariadb.host(), mariadb.port(), mariadb.user(), mariadb.password());
        ReplicationJobSpec spec = ReplicationJobSpec.of("rs-ddl-" + RUN, source, bouncer.warehouseEndpoint(), TableFilter.parse(tables),
                TargetPreparation.DROP_AND_CREATE).withBatch(200, Duration.ofMillis(100)).withChunkRows(10);
        ReplicationJob job = new ReplicationJob(spec, Clock.systemUTC(), RedshiftOpener.withInsertStaging(DIALECT));
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
        // until the job has repeated a DDL, the warehouse table has other columns than the source's
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(SQLException.class)
                .untilAsserted(() -> {
                    if (running.isDone()) {
                        running.get();
                        throw new AssertionError("the job stopped");
                    }
                    try (Connection s = mariadb.connect(); Connection w = postgres.connect()) {
                        for (String t : tables) {
                            assertThat(RedshiftComparison.differences(s, w, DIALECT, new TableId(schema, t))).as(t).isZero();
                        }
                    }
                });
    }
}

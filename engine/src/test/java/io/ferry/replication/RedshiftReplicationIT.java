package io.ferry.replication;

import io.ferry.sandbox.DatabaseEndpoint;
import io.ferry.sandbox.PgBouncerServer;
import io.ferry.sandbox.SandboxEndpoints;
import io.ferry.sandbox.SandboxExtension;
import io.ferry.warehouse.TargetPreparation;
import io.ferry.warehouse.redshift.OversizeValueException;
import io.ferry.warehouse.redshift.RedshiftDialect;
import io.ferry.warehouse.redshift.RedshiftOpener;
import io.ferry.warehouse.redshift.RedshiftOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The Redshift dialect end to end: MariaDB → the Redshift JDBC driver → pgbouncer (md5, session pool) → PostgreSQL 17,
 * all real (the sandbox). Staging is the multi-row INSERT path, run for real; PostgreSQL cannot run
 * {@code COPY FROM 's3://'}, so the S3 path's upload is tested on its own against S3Proxy (RedshiftS3StagingIT).
 * Two things differ from a real Redshift, both said here: PostgreSQL cannot parse DISTSTYLE/DISTKEY/SORTKEY, so the
 * dialect runs {@code withoutTableAttributes()} (RedshiftSqlRulesTest checks those clauses), and the database has a
 * SUPER domain and a JSON_PARSE function (RedshiftLookalike) where Redshift has them built in.
 */
@ExtendWith(SandboxExtension.class)
class RedshiftReplicationIT {
    private static final long RUN = System.currentTimeMillis();
    /** The types table has a DECIMAL(65,30): the job keeps it as text (the wide-decimal policy varchar). */
    private static final RedshiftDialect DIALECT = new RedshiftDialect(RedshiftOptions.defaults()
            .withWideDecimal(RedshiftOptions.WideDecimal.VARCHAR).withoutTableAttributes());

    private final DatabaseEndpoint mariadb;
    private final DatabaseEndpoint postgres;
    private final PgBouncerServer bouncer;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<ReplicationJob> jobs = new ArrayList<>();

    RedshiftReplicationIT(SandboxEndpoints endpoints, PgBouncerServer bouncer) {
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
    void fullLoadThenInsertsUpdatesDeletesAndKeyChangesEndEqualToTheSource() throws Exception {
        String schema = "ferry_rs_types";
        ReplicationIT.createTypesSchema(mariadb, schema);
        try (Connection c = mariadb.connect()) {
            for (int i = 1; i <= 300; i++) {
                ReplicationIT.insertItem(c, schema, i);
            }
        }
        ReplicationJob job = job("types", schema + ".*,!" + schema + ".nopk", 7, DIALECT);
        Future<?> running = start(job);
        awaitEqual(running, schema, "items", "pairs");
        assertThat(job.metrics().snapshotRows()).isEqualTo(300 + 3 + 5);

        try (Connection c = mariadb.connect(); Statement st = c.createStatement()) {
            for (int i = 301; i <= 400; i++) {
                ReplicationIT.insertItem(c, schema, i);
            }
            st.execute("UPDATE " + schema + ".items SET name = CONCAT(name, ' ✓ 𝄞 | \\\\N'), price = price + 1.000000000000000000000000000001, "
                    + "at = at + INTERVAL 1 MICROSECOND, bits = b'1111100000' WHERE id % 3 = 0");
            st.execute("DELETE FROM " + schema + ".items WHERE id % 7 = 0");
            st.execute("UPDATE " + schema + ".items SET id = id + 100000 WHERE id BETWEEN 10 AND 20"); // primary key changes
            st.execute("UPDATE " + schema + ".items SET body = '' WHERE id = 33"); // an empty string is not NULL
            st.execute("UPDATE " + schema + ".pairs SET k2 = k2 + 10 WHERE k1 = 'b'");
            st.execute("DELETE FROM " + schema + ".pairs WHERE k1 = 'a'");
            c.setAutoCommit(false);
            for (int i = 0; i < 50; i++) {
                st.execute("INSERT INTO " + schema + ".pairs VALUES ('t', " + i + ", 'in one transaction')");
            }
            st.execute("UPDATE " + schema + ".items SET ubig = 18446744073709551615 WHERE id = 305");
            c.commit();
        }
        awaitEqual(running, schema, "items", "pairs");

        try (Connection w = postgres.connect(); Statement st = w.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT ubig::text, name, doc->>'k', at::text, status, tags, bits, dur, "
                    + "ts::text, latin, bin, price, body FROM ferry_rs_types.items WHERE id = 305")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("18446744073709551615");
                assertThat(rs.getString(2)).isEqualTo("item 305 😀 Köln");
                assertThat(rs.getString(3)).isEqualTo("v305");
                assertThat(rs.getString(4)).isEqualTo("2024-02-29 23:59:59.000305");
                assertThat(rs.getString(5)).isEqualTo("old");
                assertThat(rs.getString(6)).isEqualTo("a,c");
                assertThat(rs.getString(7)).isEqualTo("1000000001");
                assertThat(rs.getString(8)).as("TIME as MySQL's text").isEqualTo("-838:59:58.500000");
                assertThat(rs.getString(9)).isEqualTo("2030-06-01 12:05:05.5+00");
                assertThat(rs.getString(10)).isEqualTo("Grüße €");
                assertThat(rs.getString(11)).as("binary as hex").isEqualTo("00ff10");
                assertThat(rs.getString(12)).as("DECIMAL(65,30) as its exact text")
                        .isEqualTo("305.123456789012345678901234567890");
                assertThat(rs.getString(13)).isEqualTo("line1\nline2\ttab \\ backslash");
            }
            try (ResultSet rs = st.executeQuery("SELECT name, body FROM ferry_rs_types.items WHERE id = 33")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("item 33 😀 Köln ✓ 𝄞 | \\N");
                assertThat(rs.getString(2)).isNotNull().isEmpty();
            }
            assertThat(columnTypes(st, "ferry_rs_types", "items")).containsEntry("name", "character varying(400)")
                    .containsEntry("code", "character varying(12)").containsEntry("latin", "character varying(60)")
                    .containsEntry("doc", "super").containsEntry("ubig", "numeric(20,0)")
                    .containsEntry("amount", "numeric(12,2)").containsEntry("price", "character varying(67)")
                    .containsEntry("body", "character varying(65535)").containsEntry("blob_col", "character varying(65535)")
                    .containsEntry("ts", "timestamp with time zone").containsEntry("at", "timestamp without time zone");
        }
        job.stop();
        running.get(20, TimeUnit.SECONDS);
    }

    @Test
    void aRestartResumesFromTheCheckpointExactlyOnce() throws Exception {
        String schema = "ferry_rs_restart";
        ReplicationIT.createTypesSchema(mariadb, schema);
        try (Connection c = mariadb.connect()) {
            for (int i = 1; i <= 100; i++) {
                ReplicationIT.insertItem(c, schema, i);
            }
        }
        String tables = schema + ".items," + schema + ".counters";
        ReplicationJob first = job("restart", tables, 10, DIALECT);
        Future<?> running = start(first);
        awaitEqual(running, schema, "items");
        Future<?> writer = executor.submit(() -> {
            try (Connection c = mariadb.connect(); Statement st = c.createStatement()) {
                for (int i = 0; i < 400; i++) {
                    st.execute("UPDATE " + schema + ".counters SET n = n + 1, total = total + " + i + " WHERE id = " + (i % 5));
                    if (i % 4 == 0) {
                        ReplicationIT.insertItem(c, schema, 1000 + i);
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

        ReplicationJob second = job("restart", tables, 10, DIALECT);
        Future<?> resumed = start(second);
        awaitEqual(resumed, schema, "items", "counters");
        assertThat(second.metrics().snapshotRows()).as("a restart does not load again").isZero();
        try (Connection w = postgres.connect(); Statement st = w.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT sum(n), sum(total) FROM ferry_rs_restart.counters")) {
                rs.next();
                assertThat(rs.getLong(1)).as("no increment lost or applied twice").isEqualTo(400);
                assertThat(rs.getLong(2)).isEqualTo(399L * 400 / 2);
            }
            try (ResultSet rs = st.executeQuery("SELECT position, phase FROM ferry_replication.checkpoint WHERE job = 'restart-" + RUN + "'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(2)).isEqualTo("STREAMING");
                assertThat(BinlogPosition.parse(rs.getString(1))).isEqualTo(second.metrics().position());
            }
        }
        second.stop();
        resumed.get(20, TimeUnit.SECONDS);
    }

    @Test
    void aDecimalWiderThan38DigitsIsRefusedByDefaultNamingTheColumn() throws Exception {
        String schema = "ferry_rs_wide";
        ReplicationIT.createTypesSchema(mariadb, schema);
        ReplicationJob job = job("wide", schema + ".items", 10, new RedshiftDialect(RedshiftOptions.defaults().withoutTableAttributes()));
        assertThatThrownBy(job::run).hasMessageContaining("ferry_rs_wide.items.price is decimal(65,30)")
                .hasMessageContaining("at most 38 digits");
    }

    @Test
    void foreignKeyActionsTheBinlogDoesNotCarryAreRepeatedInRedshiftInOneBatchAndAcrossBatches() throws Exception {
        String schema = "ferry_rs_fk";
        try (Connection c = mariadb.connect()) {
            CascadeScenario.create(c, schema);
        }
        ReplicationJob first = job("fk", schema + ".*", 100, DIALECT);
        Future<?> running = start(first);
        awaitEqual(running, schema, CascadeScenario.TABLES);
        first.stop();
        running.get(20, TimeUnit.SECONDS);

        try (Connection c = mariadb.connect()) {
            CascadeScenario.oneBatch(c, schema);
        }
        ReplicationJob second = job("fk", schema + ".*", 100, DIALECT);
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
    void aValueLongerThanItsRedshiftColumnIsRejectedOrCutAndFlagged() throws Exception {
        String schema = "ferry_rs_long";
        try (Connection c = mariadb.connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + schema);
            st.execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4");
            st.execute("CREATE TABLE " + schema + ".docs (id INT PRIMARY KEY, body LONGTEXT)");
            st.execute("INSERT INTO " + schema + ".docs VALUES (1, 'short'), (2, REPEAT('é', 40000))"); // 80,000 bytes
        }
        ReplicationJob rejecting = job("long-reject", schema + ".docs", 10, DIALECT);
        assertThatThrownBy(rejecting::run).isInstanceOf(OversizeValueException.class)
                .hasMessageContaining("ferry_rs_long.docs.body has a value of 80000 bytes")
                .hasMessageContaining("VARCHAR(65535)");

        RedshiftDialect truncating = new RedshiftDialect(DIALECT.options().withOversize(RedshiftOptions.Oversize.TRUNCATE));
        ReplicationJob job = job("long-cut", schema + ".docs", 10, truncating);
        Future<?> running = start(job);
        // the rejecting job's table (without the flag) is there until this job drops and creates it
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            try (Connection w = postgres.connect(); Statement st = w.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id, octet_length(body), _ferry_truncated FROM ferry_rs_long.docs ORDER BY id")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(2)).isEqualTo(5);
                assertThat(rs.getBoolean(3)).isFalse();
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(2)).as("cut on a character boundary").isEqualTo(65534);
                assertThat(rs.getBoolean(3)).isTrue();
            }
        });
        job.stop();
        running.get(20, TimeUnit.SECONDS);
    }

    private static Map<String, String> columnTypes(Statement st, String schema, String table) throws Exception {
        Map<String, String> types = new TreeMap<>();
        try (ResultSet rs = st.executeQuery("SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
                + "WHERE a.attrelid = '" + schema + "." + table + "'::regclass AND a.attnum > 0 AND NOT a.attisdropped")) {
            while (rs.next()) {
                types.put(rs.getString(1), rs.getString(2));
            }
        }
        return types;
    }

    private ReplicationJob job(String name, String tables, int chunkRows, RedshiftDialect dialect) {
        MySqlSource source = new MySqlSource(mariadb.host(), mariadb.port(), mariadb.user(), mariadb.password());
        ReplicationJobSpec spec = ReplicationJobSpec.of(name + "-" + RUN, source, bouncer.warehouseEndpoint(), TableFilter.parse(tables),
                TargetPreparation.DROP_AND_CREATE).withBatch(200, Duration.ofMillis(100)).withChunkRows(chunkRows);
        ReplicationJob job = new ReplicationJob(spec, Clock.systemUTC(), RedshiftOpener.withInsertStaging(dialect));
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
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
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

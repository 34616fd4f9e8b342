package io.ferry.cli;

import io.ferry.config.ConfigLoader;
import io.ferry.config.FerryConfig;
import io.ferry.replication.ReplicationJobSpecs;
import io.ferry.replication.ReplicationService;
import io.ferry.replication.TableMetrics;
import io.ferry.sandbox.SandboxEndpoints;
import io.ferry.sandbox.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ferry validate} against the sandbox (MariaDB → PostgreSQL, a job running in the engine): equal tables pass;
 * a warehouse that drifted (a row deleted, one changed, one added, in a table with a composite string key whose
 * collation orders differently in MySQL and PostgreSQL) is reported per chunk with the keys, exit code 1; and a
 * table written to all the time while the job streams validates as equal.
 */
@ExtendWith(SandboxExtension.class)
class ValidateCommandIT {
    private static final long RUN = System.currentTimeMillis() % 1_000_000;
    private final SandboxEndpoints sandbox;

    ValidateCommandIT(SandboxEndpoints sandbox) {
        this.sandbox = sandbox;
    }

    @Test
    void equalTablesPassAndADriftedWarehouseIsReportedByChunkAndKey(@TempDir Path dir) throws Exception {
        String schema = "ferry_r_val";
        try (Connection c = sandbox.mariadb().connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + schema);
            st.execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4");
            st.execute("CREATE TABLE " + schema + ".items (id INT PRIMARY KEY, v VARCHAR(40), amount DECIMAL(12,2), "
                    + "at DATETIME(6), doc JSON, f DOUBLE, b VARBINARY(8))");
            st.execute("INSERT INTO " + schema + ".items SELECT seq, CONCAT('item ', seq, ' ✓'), seq / 7, "
                    + "'2024-02-29 10:00:00.000001' + INTERVAL seq MICROSECOND, JSON_OBJECT('k', seq), seq / 3, "
                    + "UNHEX(HEX(seq)) FROM seq_1_to_1000");
            st.execute("CREATE TABLE " + schema + ".pairs (k1 VARCHAR(10) COLLATE utf8mb4_general_ci NOT NULL, k2 INT NOT NULL, "
                    + "v TEXT, PRIMARY KEY (k1, k2))");
            st.execute("INSERT INTO " + schema + ".pairs VALUES ('a', 1, 'x'), ('B', 2, 'y'), ('c', 3, NULL), ('D', 4, ''), "
                    + "('_x', 5, 'z'), ('Z', 6, 'w')");
        }
        String job = "val-" + RUN;
        Path config = config(dir, job, schema);
        try (ReplicationService service = start(config, job)) {
            awaitStreaming(service, job, 2);
            await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM " + schema + ".items") == 1000);

            Run equal = validate("--config", config.toString(), "--job", job, "--chunk-rows", "300");
            assertThat(equal.exit).as(equal.out).isZero();
            assertThat(equal.out).contains("ferry_r_val.items → ferry_r_val.items: equal (1,000 rows, 4 chunk(s))",
                    "ferry_r_val.pairs → ferry_r_val.pairs: equal (6 rows, 1 chunk(s))", "All 2 table(s) equal.");

            try (Connection w = sandbox.postgres().connect(); Statement st = w.createStatement()) {
                st.execute("DELETE FROM " + schema + ".items WHERE id = 17");
                st.execute("UPDATE " + schema + ".items SET amount = amount + 0.01 WHERE id = 420");
                st.execute("UPDATE " + schema + ".items SET at = at + INTERVAL '1 microsecond' WHERE id = 421");
                st.execute("INSERT INTO " + schema + ".items SELECT 5000, v, amount, at, doc, f, b FROM " + schema + ".items WHERE id = 1");
                st.execute("UPDATE " + schema + ".pairs SET v = 'Y' WHERE k1 = 'B' AND k2 = 2");
            }
            Run drifted = validate("--config", config.toString(), "--job", job, "--chunk-rows", "300", "--catch-up-seconds", "30");
            assertThat(drifted.exit).as(drifted.out).isEqualTo(1);
            assertThat(drifted.out).contains(
                    "ferry_r_val.items → ferry_r_val.items: DIFFERENT (source 1,000 rows, warehouse 1,000)",
                    "  chunk 1 [id=1 .. id=300], 300 rows: 1 missing, 0 different",
                    "  chunk 2 [id=301 .. id=600], 300 rows: 0 missing, 2 different",
                    "  missing in the warehouse (1): id=17",
                    "  extra in the warehouse (1): id=5000",
                    "  different values (2): id=420, id=421",
                    "ferry_r_val.pairs → ferry_r_val.pairs: DIFFERENT (source 6 rows, warehouse 6)",
                    "  different values (1): (k1, k2)=(B, 2)",
                    "2 of 2 table(s) differ.")
                    .doesNotContain("chunk 3", "may be changes not applied yet");

            Run one = validate("--config", config.toString(), "--job", job, "--table", schema + ".pairs");
            assertThat(one.exit).isEqualTo(1);
            assertThat(one.out).contains("ferry_r_val.pairs").doesNotContain("ferry_r_val.items");

            Run unknown = validate("--config", config.toString(), "--job", job, "--table", schema + ".nope");
            assertThat(unknown.exit).isNotZero();
            assertThat(unknown.err).contains("Table ferry_r_val.nope is not replicated by job " + job);
        }
    }

    @Test
    void aTableWrittenToAllTheTimeWhileTheJobStreamsValidatesAsEqual(@TempDir Path dir) throws Exception {
        String schema = "ferry_r_val_live";
        int rows = 3000;
        try (Connection c = sandbox.mariadb().connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + schema);
            st.execute("CREATE DATABASE " + schema);
            st.execute("CREATE TABLE " + schema + ".items (id INT PRIMARY KEY, v VARCHAR(40), n INT NOT NULL)");
            st.execute("INSERT INTO " + schema + ".items SELECT seq, 'initial', 0 FROM seq_1_to_" + rows);
        }
        String job = "val-live-" + RUN;
        Path config = config(dir, job, schema);
        try (ReplicationService service = start(config, job)) {
            awaitStreaming(service, job, 1);
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicLong writes = new AtomicLong();
            // Sweeps the table: each row is updated once per sweep, some deleted, new ones appended.
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try (Connection c = sandbox.mariadb().connect(); Statement st = c.createStatement()) {
                    for (int i = 0; writing.get(); i++) {
                        int id = i % rows + 1;
                        st.execute("UPDATE " + schema + ".items SET v = 'sweep " + i + "', n = n + 1 WHERE id = " + id);
                        if (i % 5 == 0) {
                            st.execute("INSERT INTO " + schema + ".items VALUES (" + (rows + 1 + i) + ", 'new', 0)");
                        }
                        if (i % 7 == 0) {
                            st.execute("DELETE FROM " + schema + ".items WHERE id = " + ((id + rows / 2) % rows + 1));
                        }
                        writes.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> writes.get() > 100);
            long before = writes.get();
            Run live = validate("--config", config.toString(), "--job", job, "--chunk-rows", "500", "--catch-up-seconds", "60");
            long during = writes.get() - before;
            writing.set(false);
            writer.get(30, TimeUnit.SECONDS);
            assertThat(during).as("source writes while validating").isPositive();
            assertThat(live.exit).as(live.out).isZero();
            assertThat(live.out).contains(schema + ".items → " + schema + ".items: equal (");
            System.out.println(live.out + "(" + during + " source transactions during the validation)");
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run validate(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = FerryCli.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "validate";
        System.arraycopy(args, 0, all, 1, args.length);
        int exit = cli.execute(all);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path config(Path dir, String job, String schema) throws Exception {
        Path file = dir.resolve("ferry.yaml");
        Files.writeString(file, Files.readString(sandbox.configFile()) + """
                  %s:
                    type: replication
                    source: sandbox-mariadb
                    target: sandbox-postgres
                    tables: { include: [ "%s.*" ] }
                    maxBatchDelay: 100ms
                """.formatted(job, schema));
        return file;
    }

    private static ReplicationService start(Path config, String job) {
        FerryConfig ferry = ConfigLoader.load(config);
        ReplicationService service = new ReplicationService(Clock.systemUTC());
        service.add(ReplicationJobSpecs.build(ferry, ReplicationJobSpecs.job(ferry, job)));
        service.start(job);
        return service;
    }

    private static void awaitStreaming(ReplicationService service, String job, int tables) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            if (!service.view(job).running() && service.view(job).lastError() != null) {
                throw new AssertionError("the job stopped: " + service.view(job).lastError());
            }
            return service.tables(job).size() == tables
                    && service.tables(job).values().stream().allMatch(t -> t.state() == TableMetrics.State.STREAMING);
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

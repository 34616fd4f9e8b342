package io.ferry.replication;

import io.ferry.sandbox.DatabaseEndpoint;
import io.ferry.sandbox.SandboxEndpoints;
import io.ferry.sandbox.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
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
 * The crash test: {@code ferry replicate} runs in a child JVM against the real sandbox (MariaDB binlog → PostgreSQL)
 * and is killed with SIGKILL ({@link Process#destroyForcibly()} sends SIGKILL on Linux; the exit status 137 = 128 + 9
 * proves it) at seeded random moments — during the full load, right after start, mid-stream under load — while a
 * workload writes to the source: a ledger where every entry also increments its account's balance and entry count
 * (a lost or doubled change shows as mismatched sums), and items with inserts, updates, deletes and key changes, in
 * single- and multi-statement transactions. After each kill the job starts again and resumes from the warehouse's
 * checkpoint; at the end (workload stopped, checkpoint at the binlog head) the warehouse equals the source row by row
 * and every sum matches what the workload committed. The workload waits while the streaming job is more than
 * {@value #MAX_AHEAD} transactions behind, so that on a loaded machine the final catch-up stays bounded. {@code -Dferry.crash.seed=N} replays a seed's kill schedule
 * (the workload's timing against the kills is not reproducible).
 */
@ExtendWith(SandboxExtension.class)
class ReplicationCrashIT {
    private static final String SCHEMA = "ferry_crash";
    private static final int KILLS = 12;
    private static final int ITEMS = 120_000;
    private static final int ACCOUNTS = 50;
    private static final Duration WAIT = Duration.ofSeconds(120);
    /** The workload waits while the streaming job is this many transactions behind it (bounds the final catch-up). */
    private static final long MAX_AHEAD = 5_000;

    private enum Moment { LOADING, STARTUP, STREAMING }

    private final SandboxEndpoints sandbox;
    private final DatabaseEndpoint mariadb;
    private final DatabaseEndpoint postgres;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final AtomicBoolean writing = new AtomicBoolean(true);
    private Process engine;

    ReplicationCrashIT(SandboxEndpoints sandbox) {
        this.sandbox = sandbox;
        this.mariadb = sandbox.mariadb();
        this.postgres = sandbox.postgres();
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        writing.set(false);
        executor.shutdown();
        executor.awaitTermination(30, TimeUnit.SECONDS);
        if (engine != null && engine.isAlive()) {
            engine.destroyForcibly();
            engine.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void killedWithSigkillAtRandomMomentsTheJobResumesAndEndsEqualWithNoChangeLostOrDoubled(@TempDir Path dir) throws Exception {
        long seed = Long.getLong("ferry.crash.seed", System.nanoTime());
        System.out.println("ReplicationCrashIT seed " + seed + " (replay: -Dferry.crash.seed=" + seed + ")");
        Random random = new Random(seed);
        String job = "crash-" + System.currentTimeMillis();
        createSource();
        Path config = writeConfig(dir, job);

        Workload workload = new Workload(new Random(random.nextLong()), job);
        Future<?> writer = executor.submit(() -> {
            workload.run();
            return null;
        });

        List<Moment> moments = schedule(random);
        for (int k = 0; k < moments.size(); k++) {
            Moment moment = moments.get(k);
            Optional<String[]> before = checkpoint(job);
            Path log = dir.resolve("engine-" + k + ".log");
            engine = start(config, job, log);
            switch (moment) {
                case LOADING -> awaitCheckpointMoved(job, before, log, true);
                case STREAMING -> {
                    awaitCheckpointMoved(job, before, log, false);
                    awaitStreamingBatches(job, 1 + random.nextInt(5), log);
                }
                case STARTUP -> { }
            }
            int jitter = random.nextInt(moment == Moment.STARTUP ? 3_000 : 600);
            if (engine.waitFor(jitter, TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the engine exited by itself (status " + engine.exitValue() + "):\n" + tail(log));
            }
            String[] at = checkpoint(job).orElse(new String[] {"-", "no checkpoint yet", null});
            engine.destroyForcibly();
            assertThat(engine.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(engine.exitValue()).as("killed by SIGKILL").isEqualTo(137);
            System.out.printf("kill %2d: %-9s +%4d ms, checkpoint %s %s%s, ledger entries committed %,d%n", k + 1, moment,
                    jitter, at[1], at[0], at[2] == null ? "" : " (" + at[2] + ")", workload.entries.get());
            if (writer.isDone()) {
                writer.get(); // a failed workload fails the test with its reason
            }
        }

        Path log = dir.resolve("engine-final.log");
        engine = start(config, job, log);
        awaitStreamingBatches(job, 3, log);
        writing.set(false);
        writer.get(60, TimeUnit.SECONDS);
        String head;
        try (Connection s = mariadb.connect()) {
            head = SourcePositions.head(s).toString();
        }
        BinlogPosition target = BinlogPosition.parse(head);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            requireAlive(log);
            Optional<String[]> cp = checkpoint(job);
            return cp.isPresent() && cp.get()[1].equals("STREAMING") && BinlogPosition.parse(cp.get()[0]).compareTo(target) >= 0;
        });
        System.out.println("caught up to " + head + " after " + moments.size() + " kills; " + workload);

        try (Connection s = mariadb.connect(); Connection w = postgres.connect()) {
            for (String table : List.of("accounts", "ledger", "items")) {
                assertThat(WarehouseComparison.differences(s, w, new TableId(SCHEMA, table))).as(table + " row by row").isZero();
            }
            long[] sums = sums(w);
            assertThat(sums[0]).as("sum of balances = sum of the amounts the workload committed").isEqualTo(workload.total.get());
            assertThat(sums[1]).as("sum of entry counts = entries committed").isEqualTo(workload.entries.get());
            assertThat(sums[2]).as("sum of ledger amounts").isEqualTo(workload.total.get());
            assertThat(sums[3]).as("ledger rows").isEqualTo(workload.entries.get());
        }
        engine.destroy(); // SIGTERM: a clean stop commits the batch in flight (the JVM still exits with 128 + 15)
        assertThat(engine.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(engine.exitValue()).as(tail(log)).isEqualTo(143);
        assertThat(Files.readString(log)).contains("the next run resumes there");
    }

    /** Two kills in the full load first, then right-after-start and mid-stream kills in a seeded order. */
    private static List<Moment> schedule(Random random) {
        List<Moment> rest = new ArrayList<>();
        for (int i = 0; i < KILLS - 2; i++) {
            rest.add(i < 3 ? Moment.STARTUP : Moment.STREAMING);
        }
        Collections.shuffle(rest, random);
        List<Moment> all = new ArrayList<>(List.of(Moment.LOADING, Moment.LOADING));
        all.addAll(rest);
        return all;
    }

    private void createSource() throws SQLException {
        try (Connection c = mariadb.connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + SCHEMA);
            st.execute("CREATE DATABASE " + SCHEMA + " CHARACTER SET utf8mb4");
            st.execute("CREATE TABLE " + SCHEMA + ".accounts (id INT PRIMARY KEY, balance BIGINT NOT NULL, n BIGINT NOT NULL)");
            st.execute("CREATE TABLE " + SCHEMA + ".ledger (id BIGINT PRIMARY KEY, account INT NOT NULL, amount BIGINT NOT NULL, "
                    + "note VARCHAR(40))");
            st.execute("CREATE TABLE " + SCHEMA + ".items (id INT PRIMARY KEY, v VARCHAR(60) NOT NULL, version INT NOT NULL, "
                    + "at DATETIME(6) NOT NULL)");
            st.execute("INSERT INTO " + SCHEMA + ".accounts SELECT seq, 0, 0 FROM seq_1_to_" + ACCOUNTS);
            st.execute("INSERT INTO " + SCHEMA + ".items SELECT seq, CONCAT('item ', seq, ' – initial'), 0, "
                    + "'2024-01-01 00:00:00.000001' + INTERVAL seq SECOND FROM seq_1_to_" + ITEMS);
        }
    }

    private Path writeConfig(Path dir, String job) throws Exception {
        Path config = dir.resolve("ferry.yaml");
        Files.writeString(config, Files.readString(sandbox.configFile()) + """
                  %s:
                    type: replication
                    source: sandbox-mariadb
                    target: sandbox-postgres
                    tables: { include: [ "%s.*" ] }
                    maxBatchRows: 500
                    maxBatchDelay: 100ms
                """.formatted(job, SCHEMA));
        return config;
    }

    private Process start(Path config, String job, Path log) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "io.ferry.cli.FerryCli", "replicate",
                "--config", config.toString(), "--job", job)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits until this run of the engine has committed something (a full-load chunk, a batch), or the load is over. */
    private void awaitCheckpointMoved(String job, Optional<String[]> before, Path log, boolean loading) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
            requireAlive(log);
            Optional<String[]> now = checkpoint(job);
            if (now.isEmpty()) {
                return false;
            }
            if (loading && !now.get()[1].equals("SNAPSHOT")) {
                return true; // the load is over: this kill lands in the stream
            }
            return before.isEmpty() || !java.util.Arrays.equals(before.get(), now.get());
        });
    }

    /** Waits until the streaming checkpoint has moved {@code batches} times. */
    private void awaitStreamingBatches(String job, int batches, Path log) {
        String[] last = {null};
        int[] moves = {0};
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
            requireAlive(log);
            Optional<String[]> now = checkpoint(job);
            if (now.isPresent() && now.get()[1].equals("STREAMING")) {
                if (last[0] != null && !last[0].equals(now.get()[0])) {
                    moves[0]++;
                }
                last[0] = now.get()[0];
            }
            return moves[0] >= batches;
        });
    }

    private void requireAlive(Path log) {
        if (!engine.isAlive()) {
            throw new AssertionError("the engine exited by itself (status " + engine.exitValue() + "):\n" + tail(log));
        }
    }

    /** position, phase, snapshot progress. */
    private Optional<String[]> checkpoint(String job) throws SQLException {
        try (Connection w = postgres.connect(); Statement st = w.createStatement();
             ResultSet t = st.executeQuery("SELECT to_regclass('ferry_replication.checkpoint')")) {
            t.next();
            if (t.getString(1) == null) {
                return Optional.empty();
            }
            try (PreparedStatement ps = w.prepareStatement(
                    "SELECT position, phase, snapshot_progress FROM ferry_replication.checkpoint WHERE job = ?")) {
                ps.setString(1, job);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}) : Optional.empty();
                }
            }
        }
    }

    private static long[] sums(Connection w) throws SQLException {
        try (Statement st = w.createStatement(); ResultSet rs = st.executeQuery("SELECT (SELECT sum(balance) FROM " + SCHEMA
                + ".accounts), (SELECT sum(n) FROM " + SCHEMA + ".accounts), (SELECT coalesce(sum(amount), 0) FROM " + SCHEMA
                + ".ledger), (SELECT count(*) FROM " + SCHEMA + ".ledger)")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)};
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (Exception e) {
            return "(no log at " + log + ")";
        }
    }

    /**
     * Writes until {@link #writing} is cleared, counting only what committed: ledger transactions of 1–5 entries, each
     * entry also incrementing its account; item inserts, updates, deletes and key changes; some transactions mix both.
     */
    private final class Workload {
        private final Random random;
        private final String job;
        final AtomicLong total = new AtomicLong();
        final AtomicLong entries = new AtomicLong();
        private long nextLedger = 1;
        private int nextItem = ITEMS + 1;
        private long transactions;

        Workload(Random random, String job) {
            this.random = random;
            this.job = job;
        }

        /** Transactions the streaming job has not applied yet (MariaDB GTID sequence numbers); 0 while it loads. */
        private long ahead(Connection c) throws SQLException {
            Optional<String[]> cp = checkpoint(job);
            if (cp.isEmpty() || !cp.get()[1].equals("STREAMING")) {
                return 0;
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT @@gtid_binlog_pos")) {
                rs.next();
                long head = BinlogPosition.parseGtidList(rs.getString(1)).get(0).sequence();
                return head - BinlogPosition.parse(cp.get()[0]).gtids().get(0).sequence();
            }
        }

        void run() throws SQLException {
            try (Connection c = mariadb.connect()) {
                c.setAutoCommit(false);
                try (PreparedStatement ledger = c.prepareStatement("INSERT INTO " + SCHEMA + ".ledger VALUES (?, ?, ?, ?)");
                     PreparedStatement account = c.prepareStatement("UPDATE " + SCHEMA + ".accounts SET balance = balance + ?, "
                             + "n = n + 1 WHERE id = ?");
                     Statement st = c.createStatement()) {
                    while (writing.get()) {
                        if (transactions % 100 == 0) {
                            await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                                    .until(() -> !writing.get() || ahead(c) < MAX_AHEAD);
                        }
                        long amount = 0;
                        int count = 0;
                        int kind = random.nextInt(100);
                        if (kind < 55 || kind >= 95) {
                            count = 1 + random.nextInt(5);
                            for (int i = 0; i < count; i++) {
                                long a = random.nextInt(2_001) - 1_000;
                                int acct = 1 + random.nextInt(ACCOUNTS);
                                ledger.setLong(1, nextLedger + i);
                                ledger.setInt(2, acct);
                                ledger.setLong(3, a);
                                ledger.setString(4, "txn " + transactions);
                                ledger.executeUpdate();
                                account.setLong(1, a);
                                account.setInt(2, acct);
                                account.executeUpdate();
                                amount += a;
                            }
                        }
                        if (kind >= 55) {
                            int id = 1 + random.nextInt(nextItem);
                            switch (kind % 4) {
                                case 0 -> st.execute("INSERT INTO " + SCHEMA + ".items VALUES (" + nextItem++ + ", 'new', 0, NOW(6))");
                                case 1 -> st.execute("UPDATE " + SCHEMA + ".items SET v = CONCAT('updated ', version + 1), "
                                        + "version = version + 1, at = NOW(6) WHERE id BETWEEN " + id + " AND " + (id + random.nextInt(20)));
                                case 2 -> st.execute("DELETE FROM " + SCHEMA + ".items WHERE id = " + id);
                                default -> st.execute("UPDATE " + SCHEMA + ".items SET id = id + 1000000000 WHERE id = " + id
                                        + " AND id < 1000000000"); // a key change
                            }
                        }
                        c.commit();
                        transactions++;
                        nextLedger += count;
                        total.addAndGet(amount);
                        entries.addAndGet(count);
                    }
                }
            }
        }

        @Override
        public String toString() {
            return "workload: " + transactions + " transactions, " + entries.get() + " ledger entries, sum " + total.get();
        }
    }
}

package io.ferry.replication;

import io.ferry.warehouse.TargetPreparation;
import io.ferry.warehouse.WarehouseEndpoint;
import io.ferry.warehouse.WarehouseOpener;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The replication benchmark's fixed workload and measurements. Table {@code ferry_bench.bench_rows}: 8 columns,
 * about 100 bytes a row. The full load reads {@code baseRows} rows. The catch-up backlog is {@code changes} row
 * changes already in the binlog when the job starts, in 1000-row source transactions of 700 inserts, 200 updates
 * and 100 deletes, every change on a distinct key (no credit for collapsing). Both servers keep default durability.
 */
public final class ReplicationBenchmark {
    public static final String SCHEMA = "ferry_bench";
    public static final String TABLE = "bench_rows";
    private static final int TXN_ROWS = 1000;

    /** The figures of one run. */
    public record Result(long baseRows, double fullLoadSeconds, long changes, double writeSeconds, double catchupSeconds,
                         double jvmCpuSeconds, boolean equal) {
        public double fullLoadRowsPerSecond() {
            return baseRows / fullLoadSeconds;
        }

        public double catchupRowsPerSecond() {
            return changes / catchupSeconds;
        }

        public String keyValues() {
            return String.format(Locale.ROOT, "catchup_rows_per_s=%.0f full_load_rows_per_s=%.0f changes=%d full_load_rows=%d "
                            + "catchup_jvm_cpu_s=%.1f equal=%s", catchupRowsPerSecond(), fullLoadRowsPerSecond(), changes,
                    baseRows, jvmCpuSeconds, equal);
        }
    }

    private final MySqlSource source;
    private final WarehouseEndpoint warehouse;
    private final Consumer<String> progress;
    private final WarehouseOpener warehouses;

    public ReplicationBenchmark(MySqlSource source, WarehouseEndpoint warehouse, Consumer<String> progress) {
        this(source, warehouse, WarehouseOpener.POSTGRES, progress);
    }

    /** With {@code warehouses} choosing the dialect (PostgreSQL, or Redshift through pgbouncer). */
    public ReplicationBenchmark(MySqlSource source, WarehouseEndpoint warehouse, WarehouseOpener warehouses, Consumer<String> progress) {
        this.source = source;
        this.warehouse = warehouse;
        this.warehouses = warehouses;
        this.progress = progress;
    }

    /** @param changes backlog row changes (a multiple of 1000); {@code fullLoadRows} at least 0.3 × changes */
    public Result run(long changes, long fullLoadRows) throws Exception {
        if (changes % TXN_ROWS != 0 || changes <= 0) {
            throw new IllegalArgumentException("The change count must be a positive multiple of " + TXN_ROWS + ", got " + changes);
        }
        long baseRows = Math.max(fullLoadRows, changes * 3 / 10);
        progress.accept(String.format(Locale.ROOT, "Preparing %s.%s with %,d rows ...", SCHEMA, TABLE, baseRows));
        prepare(baseRows);

        String job = "bench-" + System.currentTimeMillis();
        ReplicationJob load = job(job);
        long t0 = System.nanoTime();
        CompletableFuture<Void> running = start(load);
        waitFor(() -> load.metrics().state() == ReplicationMetrics.State.STREAMING, running, Duration.ofHours(1));
        double fullLoadSeconds = (System.nanoTime() - t0) / 1e9;
        progress.accept(String.format(Locale.ROOT, "Full load: %,d rows in %.1f s = %,.0f rows/s", baseRows, fullLoadSeconds,
                baseRows / fullLoadSeconds));
        load.stop();
        running.get(60, TimeUnit.SECONDS);

        progress.accept(String.format(Locale.ROOT, "Writing a backlog of %,d row changes (%,d transactions of 700 inserts, "
                + "200 updates, 100 deletes) with the job stopped ...", changes, changes / TXN_ROWS));
        long w0 = System.nanoTime();
        writeBacklog(baseRows, changes);
        double writeSeconds = (System.nanoTime() - w0) / 1e9;
        BinlogPosition head;
        try (Connection c = source.connect()) {
            head = SourcePositions.head(c);
        }

        ReplicationJob catchup = job(job);
        double cpu0 = jvmCpuSeconds();
        long c0 = System.nanoTime();
        CompletableFuture<Void> streaming = start(catchup);
        waitFor(() -> catchup.metrics().position() != null && catchup.metrics().position().compareTo(head) >= 0, streaming,
                Duration.ofHours(1));
        double catchupSeconds = (System.nanoTime() - c0) / 1e9;
        double cpu = jvmCpuSeconds() - cpu0;
        catchup.stop();
        streaming.get(60, TimeUnit.SECONDS);
        progress.accept(String.format(Locale.ROOT, "Catch-up: %,d changes in %.1f s = %,.0f rows/s (%,d batches)", changes,
                catchupSeconds, changes / catchupSeconds, catchup.metrics().batches()));
        boolean equal = sameContents();
        progress.accept("Warehouse equals source (count, sums): " + equal);
        return new Result(baseRows, fullLoadSeconds, changes, writeSeconds, catchupSeconds, cpu, equal);
    }

    private ReplicationJob job(String name) {
        ReplicationJobSpec spec = ReplicationJobSpec.of(name, source, warehouse, TableFilter.parse(SCHEMA + "." + TABLE),
                TargetPreparation.DROP_AND_CREATE).withChunkRows(50_000);
        return new ReplicationJob(spec, Clock.systemUTC(), warehouses);
    }

    private static CompletableFuture<Void> start(ReplicationJob job) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                job.run();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "ferry-bench-job");
        t.setDaemon(true);
        t.start();
        return done;
    }

    private static void waitFor(BooleanSupplier condition, CompletableFuture<Void> job, Duration max) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (job.isDone()) {
                job.get();
                throw new IllegalStateException("The job stopped before the benchmark condition was reached");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The benchmark did not finish within " + max);
            }
            Thread.sleep(20); // polling a benchmark condition; the resolution is 20 ms
        }
    }

    private void prepare(long baseRows) throws SQLException {
        try (Connection c = source.connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + SCHEMA);
            st.execute("CREATE DATABASE " + SCHEMA + " CHARACTER SET utf8mb4");
            st.execute("CREATE TABLE " + SCHEMA + "." + TABLE + " (id BIGINT NOT NULL PRIMARY KEY, a INT NOT NULL, b BIGINT NOT NULL, "
                    + "c DECIMAL(12,2) NOT NULL, d VARCHAR(40) NOT NULL, e DATETIME(6) NOT NULL, f DOUBLE NOT NULL, "
                    + "g VARCHAR(20) NOT NULL) ENGINE=InnoDB");
            for (long from = 1; from <= baseRows; from += 100_000) {
                long to = Math.min(baseRows, from + 99_999);
                st.execute("INSERT INTO " + SCHEMA + "." + TABLE + " SELECT seq, seq % 1000, seq * 7, seq / 100, "
                        + "CONCAT('row-', seq, '-', REPEAT('x', 20)), NOW(6), seq * 1.5, 'payload-base' FROM " + SCHEMA + ".seq_" + from + "_to_" + to);
            }
        }
    }

    private void writeBacklog(long baseRows, long changes) throws SQLException {
        long txns = changes / TXN_ROWS;
        long deleteStart = changes / 5; // updates take ids 1..0.2N, deletes 0.2N+1..0.3N
        String t = SCHEMA + "." + TABLE;
        try (Connection c = source.connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            for (long k = 0; k < txns; k++) {
                long insertFrom = baseRows + k * 700;
                st.execute("INSERT INTO " + t + " SELECT " + insertFrom + " + seq, seq % 1000, seq * 7, seq / 100, "
                        + "CONCAT('ins-', seq, '-', REPEAT('x', 20)), NOW(6), seq * 1.5, 'payload-new' FROM " + SCHEMA + ".seq_1_to_700");
                st.execute("UPDATE " + t + " SET a = a + 1, d = CONCAT('upd-', id, REPEAT('y', 20)), e = NOW(6) WHERE id BETWEEN "
                        + (k * 200 + 1) + " AND " + (k * 200 + 200));
                st.execute("DELETE FROM " + t + " WHERE id BETWEEN " + (deleteStart + k * 100 + 1) + " AND " + (deleteStart + k * 100 + 100));
                c.commit();
            }
        }
    }

    private boolean sameContents() throws SQLException {
        String sql = "SELECT count(*), sum(a), sum(b), sum(c), sum(length(d)) FROM " + SCHEMA + "." + TABLE;
        try (Connection s = source.connect(); Connection w = warehouse.connect();
             Statement ss = s.createStatement(); Statement ws = w.createStatement();
             ResultSet a = ss.executeQuery(sql); ResultSet b = ws.executeQuery(sql.replace(SCHEMA + "." + TABLE,
                     "\"" + SCHEMA + "\".\"" + TABLE + "\""))) {
            a.next();
            b.next();
            for (int i = 1; i <= 5; i++) {
                if (a.getBigDecimal(i).compareTo(b.getBigDecimal(i)) != 0) {
                    progress.accept("column " + i + " differs: source " + a.getBigDecimal(i) + ", warehouse " + b.getBigDecimal(i));
                    return false;
                }
            }
            return true;
        }
    }

    private static double jvmCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }
}

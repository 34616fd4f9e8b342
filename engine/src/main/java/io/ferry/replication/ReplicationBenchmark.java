package io.ferry.replication;

import io.ferry.replication.bench.BenchKeys;
import io.ferry.replication.bench.BenchWriter;
import io.ferry.replication.bench.MarkerProbe;
import io.ferry.replication.bench.ProcessCpu;
import io.ferry.warehouse.TargetPreparation;
import io.ferry.warehouse.WarehouseEndpoint;
import io.ferry.warehouse.WarehouseOpener;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The replication benchmark's fixed workload and measurements. Table {@code ferry_bench.bench_rows}: 8 columns,
 * about 100 bytes a row. Source transactions of 1000 row changes (700 inserts, 200 updates, 100 deletes), every change
 * on a distinct key (no credit for collapsing, see {@link BenchKeys}). Both servers keep default durability. Phases:
 * <ul>
 *   <li>full load of {@code max(fullLoadRows, 0.3 × changes)} rows (always run: the others stream after it);</li>
 *   <li>catch-up: {@code changes} row changes written with the job stopped, then the job timed to the binlog head;</li>
 *   <li>steady: the source written at full speed while the job runs; rows applied per second over the measured
 *       window, after a warm-up;</li>
 *   <li>latency: the source written at a paced rate, each transaction ending with a marker row holding the source
 *       clock in microseconds; a {@link MarkerProbe} polls the warehouse and reports p50/p99 commit-to-visible.</li>
 * </ul>
 */
public final class ReplicationBenchmark {
    public static final String SCHEMA = "ferry_bench";
    public static final String TABLE = "bench_rows";
    private static final int TXN_ROWS = BenchKeys.TXN_ROWS;
    private static final long PROBE_POLL_MILLIS = 10;

    public enum Phase {
        FULLLOAD, CATCHUP, STEADY, LATENCY;

        public static Set<Phase> parse(String list) {
            Set<Phase> phases = EnumSet.noneOf(Phase.class);
            for (String p : list.split(",")) {
                try {
                    phases.add(valueOf(p.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Unknown phase '" + p.trim() + "': the phases are fullload, catchup, steady, latency");
                }
            }
            return phases;
        }
    }

    /**
     * What to run.
     *
     * @param changes      catch-up backlog row changes (a positive multiple of 1000)
     * @param fullLoadRows rows of the loaded table (at least 0.3 × changes, at least 3000)
     * @param latencyRate  source row changes per second in the latency phase
     */
    public record Options(Set<Phase> phases, long changes, long fullLoadRows, Duration warmup, Duration steady,
                          Duration latency, long latencyRate, int batchRows, Duration batchDelay, int chunkRows, int writers) {
        public Options {
            if (writers < 1) {
                throw new IllegalArgumentException("The steady phase needs at least one writer, got " + writers);
            }
            if (changes % TXN_ROWS != 0 || changes <= 0) {
                throw new IllegalArgumentException("The change count must be a positive multiple of " + TXN_ROWS + ", got " + changes);
            }
            if (latencyRate < TXN_ROWS) {
                throw new IllegalArgumentException("The latency phase's rate must be at least " + TXN_ROWS + " rows/s, got " + latencyRate);
            }
            phases = Set.copyOf(phases);
        }

        public static Options defaults(long changes, long fullLoadRows) {
            return new Options(EnumSet.allOf(Phase.class), changes, fullLoadRows, Duration.ofSeconds(10), Duration.ofSeconds(60),
                    Duration.ofSeconds(60), 10_000, 50_000, Duration.ofMillis(500), 50_000, 2);
        }

        public long baseRows() {
            return Math.max(3L * TXN_ROWS, Math.max(fullLoadRows, changes * 3 / 10));
        }
    }

    /** The figures of one run; NaN for a phase not run. */
    public record Result(long baseRows, double fullLoadRowsPerSecond, long changes, double catchupRowsPerSecond,
                         double steadyRowsPerSecond, double steadySourceRowsPerSecond, double p50Millis, double p99Millis,
                         long latencySamples, Map<String, Map<String, Double>> cpu, boolean equal) {
        public String keyValues() {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                    "catchup_rows_per_s=%s steady_rows_per_s=%s p50_ms=%s p99_ms=%s full_load_rows_per_s=%s changes=%d "
                            + "full_load_rows=%d steady_source_rows_per_s=%s latency_samples=%d", figure(catchupRowsPerSecond),
                    figure(steadyRowsPerSecond), figure(p50Millis), figure(p99Millis), figure(fullLoadRowsPerSecond), changes, baseRows,
                    figure(steadySourceRowsPerSecond), latencySamples));
            cpu.forEach((phase, figures) -> figures.forEach((process, seconds) -> s.append(String.format(Locale.ROOT, " %s_cpu_%s_s=%.1f",
                    phase, process.replace("-", "_"), seconds))));
            return s.append(" equal=").append(equal).toString();
        }

        private static String figure(double v) {
            return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.0f", v);
        }
    }

    private final MySqlSource source;
    private final WarehouseEndpoint warehouse;
    private final Consumer<String> progress;
    private final WarehouseOpener warehouses;
    private ProcessCpu processes = new ProcessCpu().group("ferry-jvm", ProcessHandle::current, false);

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

    /** Which processes' CPU each phase reports (default: this JVM only). */
    public ReplicationBenchmark cpuOf(ProcessCpu processes) {
        this.processes = processes;
        return this;
    }

    /** The workload, as printed before a run. */
    public static String workload(Options o) {
        return String.format(Locale.ROOT, "Workload: table %s.%s, 8 columns, ~100 bytes a row, %,d rows loaded; source transactions of "
                        + "1000 row changes (700 inserts / 200 updates / 100 deletes), every change on a distinct key;%n"
                        + "          phases %s; catch-up backlog %,d changes; steady: source written at full speed by %d connections, %d s warm-up + %d s "
                        + "measured; latency: source paced at %,d rows/s, %d s warm-up + %d s measured, one marker row a transaction "
                        + "(source UNIX_TIMESTAMP(NOW(6)) before COMMIT), warehouse polled every %d ms; job batches of up to %,d "
                        + "changes / %d ms, full-load chunks of %,d rows.",
                SCHEMA, TABLE, o.baseRows(), o.phases().stream().map(p -> p.name().toLowerCase(Locale.ROOT)).sorted().toList(),
                o.changes(), o.writers(), o.warmup().toSeconds(), o.steady().toSeconds(), o.latencyRate(), o.warmup().toSeconds(),
                o.latency().toSeconds(), PROBE_POLL_MILLIS, o.batchRows(), o.batchDelay().toMillis(), o.chunkRows());
    }

    /** Full load and catch-up of {@code changes} (the other phases skipped). */
    public Result run(long changes, long fullLoadRows) throws Exception {
        Options o = Options.defaults(changes, fullLoadRows);
        return run(new Options(EnumSet.of(Phase.FULLLOAD, Phase.CATCHUP), changes, fullLoadRows, o.warmup(), o.steady(),
                o.latency(), o.latencyRate(), o.batchRows(), o.batchDelay(), o.chunkRows(), o.writers()));
    }

    public Result run(Options o) throws Exception {
        this.options = o;
        long baseRows = o.baseRows();
        progress.accept(String.format(Locale.ROOT, "Preparing %s.%s with %,d rows ...", SCHEMA, TABLE, baseRows));
        prepare(baseRows);
        BenchKeys keys = new BenchKeys(baseRows);
        Map<String, Map<String, Double>> cpu = new LinkedHashMap<>();
        String job = "bench-" + System.currentTimeMillis();

        ReplicationJob load = job(job);
        Map<String, Double> cpu0 = processes.snapshot();
        long t0 = System.nanoTime();
        CompletableFuture<Void> running = start(load);
        waitFor(() -> load.metrics().state() == ReplicationMetrics.State.STREAMING, running, Duration.ofHours(1));
        double fullLoadSeconds = (System.nanoTime() - t0) / 1e9;
        stop(load, running);
        double fullLoad = Double.NaN;
        if (o.phases().contains(Phase.FULLLOAD)) {
            fullLoad = baseRows / fullLoadSeconds;
            cpu.put("fullload", ProcessCpu.difference(cpu0, processes.snapshot()));
            progress.accept(String.format(Locale.ROOT, "Full load: %,d rows in %.1f s = %,.0f rows/s; CPU s: %s", baseRows,
                    fullLoadSeconds, fullLoad, ProcessCpu.format(cpu.get("fullload"))));
        }

        double catchup = Double.NaN;
        if (o.phases().contains(Phase.CATCHUP)) {
            catchup = catchup(job, keys, o.changes(), cpu);
        }
        double[] steady = {Double.NaN, Double.NaN};
        if (o.phases().contains(Phase.STEADY)) {
            steady = steady(job, keys, o, cpu);
        }
        double[] latency = {Double.NaN, Double.NaN, 0};
        if (o.phases().contains(Phase.LATENCY)) {
            latency = latency(job, keys, o, cpu);
        }
        ReplicationJob last = job(job);
        CompletableFuture<Void> finishing = start(last);
        catchUp(last, finishing);
        stop(last, finishing);
        boolean equal = sameContents();
        progress.accept("Warehouse equals source (count, sums): " + equal);
        return new Result(baseRows, fullLoad, o.changes(), catchup, steady[0], steady[1], latency[0], latency[1],
                (long) latency[2], cpu, equal);
    }

    private double catchup(String job, BenchKeys keys, long changes, Map<String, Map<String, Double>> cpu) throws Exception {
        progress.accept(String.format(Locale.ROOT, "Writing a backlog of %,d row changes (%,d transactions) with the job stopped ...",
                changes, changes / TXN_ROWS));
        try (BenchWriter writer = writer(keys)) {
            writer.write(changes / TXN_ROWS);
        }
        BinlogPosition head = head();
        ReplicationJob catchup = job(job);
        Map<String, Double> cpu0 = processes.snapshot();
        long c0 = System.nanoTime();
        CompletableFuture<Void> streaming = start(catchup);
        waitFor(() -> reached(catchup, head), streaming, Duration.ofHours(1));
        double seconds = (System.nanoTime() - c0) / 1e9;
        cpu.put("catchup", ProcessCpu.difference(cpu0, processes.snapshot()));
        stop(catchup, streaming);
        progress.accept(String.format(Locale.ROOT, "Catch-up: %,d changes in %.1f s = %,.0f rows/s (%,d batches); CPU s: %s", changes,
                seconds, changes / seconds, catchup.metrics().batches(), ProcessCpu.format(cpu.get("catchup"))));
        return changes / seconds;
    }

    /** {rows applied per second, source rows written per second} over the measured window. */
    private double[] steady(String job, BenchKeys keys, Options o, Map<String, Map<String, Double>> cpu) throws Exception {
        progress.accept(String.format(Locale.ROOT, "Steady state: the source written at full speed, %d s warm-up, %d s measured ...",
                o.warmup().toSeconds(), o.steady().toSeconds()));
        ReplicationJob streaming = job(job);
        CompletableFuture<Void> running = start(streaming);
        catchUp(streaming, running);
        List<BenchWriter> writers = new ArrayList<>();
        try {
            List<CompletableFuture<Void>> writing = new ArrayList<>();
            writerStop.set(false);
            for (int i = 0; i < o.writers(); i++) {
                writers.add(writer(keys));
                writing.add(background(writers.get(i), 0, false));
            }
            CompletableFuture<Object> anyStopped = CompletableFuture.anyOf(writing.toArray(new CompletableFuture<?>[0]));
            try {
                pause(o.warmup(), running, anyStopped);
                long applied0 = streaming.metrics().changesApplied();
                long written0 = written(writers);
                Map<String, Double> cpu0 = processes.snapshot();
                long s0 = System.nanoTime();
                pause(o.steady(), running, anyStopped);
                double seconds = (System.nanoTime() - s0) / 1e9;
                double rate = (streaming.metrics().changesApplied() - applied0) / seconds;
                double sourceRate = (written(writers) - written0) * TXN_ROWS / seconds;
                cpu.put("steady", ProcessCpu.difference(cpu0, processes.snapshot()));
                writerStop.set(true);
                CompletableFuture.allOf(writing.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
                progress.accept(String.format(Locale.ROOT, "Steady state: %,.0f rows/s applied while the source took %,.0f rows/s "
                                + "from %d writers (backlog at the end: %,d changes); CPU s: %s (bench writers %.1f)", rate, sourceRate,
                        writers.size(), streaming.metrics().backlogRows(), ProcessCpu.format(cpu.get("steady")),
                        writers.stream().mapToDouble(BenchWriter::cpuSeconds).sum()));
                return new double[]{rate, sourceRate};
            } finally {
                writerStop.set(true);
                stop(streaming, running);
            }
        } finally {
            for (BenchWriter w : writers) {
                w.close();
            }
        }
    }

    private static long written(List<BenchWriter> writers) {
        return writers.stream().mapToLong(BenchWriter::written).sum();
    }

    /** {p50 ms, p99 ms, samples} over the measured window. */
    private double[] latency(String job, BenchKeys keys, Options o, Map<String, Map<String, Double>> cpu) throws Exception {
        progress.accept(String.format(Locale.ROOT, "Latency: the source paced at %,d rows/s, %d s warm-up, %d s measured ...",
                o.latencyRate(), o.warmup().toSeconds(), o.latency().toSeconds()));
        ReplicationJob streaming = job(job);
        CompletableFuture<Void> running = start(streaming);
        catchUp(streaming, running);
        try (BenchWriter writer = writer(keys);
             MarkerProbe probe = new MarkerProbe(warehouse.connect(), "\"" + SCHEMA + "\".\"" + BenchWriter.MARKERS + "\"",
                     PROBE_POLL_MILLIS)) {
            writerStop.set(false);
            CompletableFuture<Void> writing = background(writer, o.latencyRate(), true);
            try {
                pause(o.warmup(), running, writing);
                long from = keys.count() + 1;
                Map<String, Double> cpu0 = processes.snapshot();
                long s0 = System.nanoTime();
                long written0 = writer.written();
                pause(o.latency(), running, writing);
                long to = keys.count();
                double seconds = (System.nanoTime() - s0) / 1e9;
                double sourceRate = (writer.written() - written0) * TXN_ROWS / seconds;
                cpu.put("latency", ProcessCpu.difference(cpu0, processes.snapshot()));
                writerStop.set(true);
                writing.get(60, TimeUnit.SECONDS);
                waitFor(() -> {
                    try {
                        return probe.lastTxn() >= to;
                    } catch (SQLException e) {
                        throw new IllegalStateException("The latency probe failed: " + e.getMessage(), e);
                    }
                }, running, Duration.ofMinutes(10));
                double[] ms = probe.latenciesMillis(from, to);
                double p50 = MarkerProbe.percentile(ms, 50);
                double p99 = MarkerProbe.percentile(ms, 99);
                progress.accept(String.format(Locale.ROOT, "Latency: %,d markers at %,.0f source rows/s: p50 %.0f ms, p99 %.0f ms, "
                                + "max %.0f ms; CPU s: %s (bench writer %.1f, probe %.1f)", ms.length, sourceRate, p50, p99,
                        ms.length == 0 ? Double.NaN : ms[ms.length - 1], ProcessCpu.format(cpu.get("latency")), writer.cpuSeconds(), probe.cpuSeconds()));
                return new double[]{p50, p99, ms.length};
            } finally {
                writerStop.set(true);
                stop(streaming, running);
            }
        }
    }

    private final java.util.concurrent.atomic.AtomicBoolean writerStop = new java.util.concurrent.atomic.AtomicBoolean();

    private CompletableFuture<Void> background(BenchWriter writer, long rate, boolean markers) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                writer.run(writerStop::get, rate, markers);
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "ferry-bench-writer");
        t.setDaemon(true);
        t.start();
        return done;
    }

    /** Waits {@code d}, failing early if the job or the writer stopped. */
    private static void pause(Duration d, CompletableFuture<Void> job, CompletableFuture<?> writer) throws Exception {
        long end = System.nanoTime() + d.toNanos();
        waitFor(() -> {
            if (writer.isDone()) {
                writer.join();
                throw new IllegalStateException("The benchmark writer stopped early");
            }
            return System.nanoTime() >= end;
        }, job, d.plusMinutes(1));
    }

    private BenchWriter writer(BenchKeys keys) throws SQLException {
        return new BenchWriter(source.connect(), SCHEMA, TABLE, keys);
    }

    private BinlogPosition head() throws SQLException {
        try (Connection c = source.connect()) {
            return SourcePositions.head(c);
        }
    }

    private static boolean reached(ReplicationJob job, BinlogPosition head) {
        return job.metrics().position() != null && job.metrics().position().compareTo(head) >= 0;
    }

    /** Waits until {@code job} has applied everything up to the current binlog head. */
    private void catchUp(ReplicationJob job, CompletableFuture<Void> running) throws Exception {
        BinlogPosition head = head();
        waitFor(() -> job.metrics().state() == ReplicationMetrics.State.STREAMING && reached(job, head), running, Duration.ofHours(1));
    }

    private Options options;

    private ReplicationJob job(String name) {
        ReplicationJobSpec spec = ReplicationJobSpec.of(name, source, warehouse,
                TableFilter.parse(SCHEMA + "." + TABLE + "," + SCHEMA + "." + BenchWriter.MARKERS),
                TargetPreparation.DROP_AND_CREATE).withChunkRows(options.chunkRows());
        spec = spec.withBatch(options.batchRows(), options.batchDelay());
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

    private static void stop(ReplicationJob job, CompletableFuture<Void> running) throws Exception {
        job.stop();
        running.get(60, TimeUnit.SECONDS);
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
            st.execute(BenchWriter.createMarkers(SCHEMA));
            for (long from = 1; from <= baseRows; from += 100_000) {
                long to = Math.min(baseRows, from + 99_999);
                st.execute("INSERT INTO " + SCHEMA + "." + TABLE + " SELECT seq, seq % 1000, seq * 7, seq / 100, "
                        + "CONCAT('row-', seq, '-', REPEAT('x', 20)), NOW(6), seq * 1.5, 'payload-base' FROM " + SCHEMA + ".seq_" + from + "_to_" + to);
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
}

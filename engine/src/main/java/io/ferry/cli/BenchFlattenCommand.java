package io.ferry.cli;

import io.ferry.druid.flatten.FlattenSpec;
import io.ferry.druid.flatten.FlattenSpecReader;
import io.ferry.druid.flatten.FlattenStats;
import io.ferry.druid.flatten.Flattener;
import io.ferry.druid.flatten.SyntheticAdEvents;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code ferry bench flatten}: nested-JSON flatten throughput. The input is generated in memory first (not
 * timed), then flattened with the ad-events spec to a discarding output, best of a few runs after a warm-up.
 */
@Command(name = "flatten", mixinStandardHelpOptions = true,
        description = "Flatten throughput on synthetic nested ad events generated in memory (not timed), one thread "
                + "by default, best of --runs after a warm-up. 1 MB = 1,048,576 bytes of uncompressed input. Last line: "
                + "mb_per_s=... rows_per_s=...")
final class BenchFlattenCommand implements Callable<Integer> {
    private static final double MB = 1024 * 1024;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--mb", defaultValue = "512", description = "Megabytes of uncompressed NDJSON to flatten (default: ${DEFAULT-VALUE}).")
    int mb;

    @Option(names = "--threads", defaultValue = "1", description = "Threads, each flattening its own share (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--runs", defaultValue = "3", description = "Timed runs; the best is reported (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--spec", paramLabel = "FILE", description = "Flatten spec (default: the shipped ad-events spec).")
    Path specFile;

    /** A byte array output that hands out its buffer instead of copying it. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer(int size) {
            super(size);
        }

        byte[] bytes() {
            return buf;
        }
    }

    private record Result(double seconds, double cpuSeconds, FlattenStats stats) {
    }

    @Override
    public Integer call() throws Exception {
        if (mb < 1 || threads < 1 || runs < 1) {
            throw new IllegalArgumentException("--mb, --threads and --runs must be 1 or more");
        }
        PrintWriter out = spec.commandLine().getOut();
        FlattenSpec flattenSpec = specFile == null ? FlattenSpecReader.readResource(FlattenSpecReader.AD_EVENTS_RESOURCE)
                : FlattenSpecReader.read(specFile);
        long t0 = System.nanoTime();
        long target = (long) mb * 1024 * 1024;
        Buffer input = new Buffer((int) Math.min(Integer.MAX_VALUE - 16, target + 4096));
        long events = new SyntheticAdEvents(42, Instant.parse("2026-11-28T00:00:00Z"), 6 * 3_600_000L).writeTo(input, target);
        int size = input.size();
        out.printf(Locale.ROOT, "Generated %,d nested ad events (%,d bytes, %.0f bytes each) in memory in %.1f s; %d cores, "
                        + "Java %s, load average %.1f%n", events, size, (double) size / events, secs(t0),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage());
        out.printf(Locale.ROOT, "Spec: %s; %d thread(s), output discarded (written, not stored)%n",
                specFile == null ? "ferry-resources/druid/ad-events.flatten.yaml" : specFile, threads);
        out.flush();
        List<int[]> slices = slices(input.bytes(), size, threads);

        Result warm = run(flattenSpec, input.bytes(), slices(input.bytes(), Math.min(size, 128 * 1024 * 1024), threads));
        out.printf(Locale.ROOT, "Warm-up: %,d rows in %.2f s%n", warm.stats.rowsIn(), warm.seconds);
        Result best = null;
        for (int r = 1; r <= runs; r++) {
            Result res = run(flattenSpec, input.bytes(), slices);
            out.printf(Locale.ROOT, "Run %d: %.2f s, %.1f MB/s, %,.0f rows/s; %.2f s of CPU (%.1f MB per CPU-second); "
                            + "rows out %,d, rejected %,d; load average %.1f%n", r, res.seconds, size / MB / res.seconds,
                    res.stats.rowsIn() / res.seconds, res.cpuSeconds, size / MB / res.cpuSeconds, res.stats.rowsOut(),
                    res.stats.rowsRejected(), loadAverage());
            out.flush();
            if (best == null || res.seconds < best.seconds) {
                best = res;
            }
        }
        out.printf(Locale.ROOT, "Best of %d: %.1f MB/s (%.1f MB per CPU-second) over %d thread(s)%n", runs,
                size / MB / best.seconds, size / MB / best.cpuSeconds, threads);
        out.printf(Locale.ROOT, "mb_per_s=%.1f rows_per_s=%.0f%n", size / MB / best.seconds, best.stats.rowsIn() / best.seconds);
        out.flush();
        return 0;
    }

    private static Result run(FlattenSpec spec, byte[] bytes, List<int[]> slices) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(slices.size());
        try {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            long t0 = System.nanoTime();
            List<Future<Result>> parts = new ArrayList<>();
            for (int[] slice : slices) {
                parts.add(pool.submit(() -> {
                    long cpu0 = mx.getCurrentThreadCpuTime();
                    try (Flattener f = new Flattener(spec, OutputStream.nullOutputStream())) {
                        f.flatten(new ByteArrayInputStream(bytes, slice[0], slice[1] - slice[0]), "bench");
                        return new Result(0, (mx.getCurrentThreadCpuTime() - cpu0) / 1e9, f.stats());
                    }
                }));
            }
            FlattenStats stats = new FlattenStats();
            double cpu = 0;
            for (Future<Result> part : parts) {
                Result r = part.get();
                stats.add(r.stats);
                cpu += r.cpuSeconds;
            }
            return new Result(secs(t0), cpu, stats);
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code n} ranges of about equal size that start and end at line boundaries. */
    private static List<int[]> slices(byte[] bytes, int size, int n) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= n && start < size; i++) {
            int end = i == n ? size : (int) ((long) size * i / n);
            while (end < size && bytes[end - 1] != '\n') {
                end++;
            }
            out.add(new int[]{start, end});
            start = end;
        }
        return out;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}

package io.ferry.cli;

import io.ferry.genlog.ArchiveFormat;
import io.ferry.genlog.ArchiveReader;
import io.ferry.genlog.DigestAggregator;
import io.ferry.genlog.DigestKey;
import io.ferry.genlog.GenlogStore;
import io.ferry.genlog.LiveLogReader;
import io.ferry.genlog.LogFilter;
import io.ferry.genlog.LogKind;
import io.ferry.genlog.RealQueryLoad;
import io.ferry.genlog.Rotation;
import io.ferry.genlog.RotationService;
import io.ferry.genlog.ServerConnections;
import io.ferry.genlog.SyntheticLog;
import io.ferry.sandbox.MariaDbServer;
import io.ferry.state.StateStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code ferry bench genlog}: digest throughput from an archive (one thread) and from the live table, and the time
 * of a rotation with its archive, on a private MariaDB started for the run.
 */
@Command(name = "genlog", mixinStandardHelpOptions = true,
        description = "Digest throughput from a synthetic gzip NDJSON (or CSV) archive (one thread), from the live mysql.general_log"
                + " filled with real queries, and the time of a full rotation (rename, archive, verify, drop). Last "
                + "line: rows_per_s=... live_rows_per_s=... rotate_ms=...")
final class BenchGenlogCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--rows", defaultValue = "5000000", description = "Rows in the synthetic archive (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--live-rows", defaultValue = "300000",
            description = "Real queries run to fill the live log (default: ${DEFAULT-VALUE}; the server logs a few thousand a second).")
    long liveRows;

    @Option(names = "--connections", defaultValue = "4", description = "Connections filling the live log (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--archive-only", description = "Measure the archive digest only (no MariaDB, no rotation).")
    boolean archiveOnly;

    @Option(names = "--archive-format", paramLabel = "ndjson|csv", defaultValue = "ndjson",
            description = "Format of the synthetic archive (default: ${DEFAULT-VALUE}).")
    String archiveFormat;

    @Option(names = "--dir", paramLabel = "DIR", description = "Work folder (default: a new temporary folder).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("ferry-bench-genlog");
        out.println("Work folder: " + work + "; " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version"));

        ArchiveFormat format = ArchiveFormat.fromWord(archiveFormat);
        Path archive = work.resolve("synthetic-general-log-" + rows + format.extension());
        if (!Files.exists(archive) || ArchiveReader.count(archive) != rows) {
            long t0 = System.nanoTime();
            SyntheticLog.writeArchive(archive, rows, 42, format);
            out.printf(Locale.ROOT, "Generated %,d synthetic rows in %.1f s (%,d bytes gzip)%n", rows, secs(t0), Files.size(archive));
        }
        out.flush();
        double archiveRate = digestArchive(out, archive);
        if (archiveOnly) {
            out.printf(Locale.ROOT, "rows_per_s=%.0f%n", archiveRate);
            out.flush();
            return 0;
        }

        Path mariaDir = work.resolve("mariadb-" + System.nanoTime());
        try (MariaDbServer server = MariaDbServer.start(mariaDir, MariaDbServer.Binaries.BUNDLED, work.resolve("mariadb.password"))) {
            ServerConnections db = ServerConnections.inUtc(server.endpoint()::connect);
            RealQueryLoad.prepare(db);
            exec(db, "SET GLOBAL log_output = 'TABLE'", "TRUNCATE TABLE mysql.general_log", "SET GLOBAL general_log = ON");
            long t0 = System.nanoTime();
            RealQueryLoad.run(db, liveRows, connections);
            out.printf(Locale.ROOT, "Filled the live log with %,d real queries from %d connections in %.1f s (%,.0f logged/s)%n",
                    liveRows, connections, secs(t0), liveRows / secs(t0));
            out.flush();
            double liveRate = digestLive(out, db);
            long rotateMs = rotate(out, db, work);
            out.printf(Locale.ROOT, "rows_per_s=%.0f live_rows_per_s=%.0f rotate_ms=%d%n", archiveRate, liveRate, rotateMs);
        }
        out.flush();
        return 0;
    }

    private static double digestArchive(PrintWriter out, Path archive) throws Exception {
        long warm = System.nanoTime();
        DigestAggregator warmUp = new DigestAggregator(DigestKey.FINGERPRINT, LogFilter.ALL);
        long[] seen = {0};
        ArchiveReader.read(archive, r -> {
            warmUp.accept(r);
            return ++seen[0] < 500_000;
        });
        out.printf(Locale.ROOT, "Warm-up: %,d rows in %.1f s%n", seen[0], secs(warm));
        DigestAggregator digest = new DigestAggregator(DigestKey.FINGERPRINT, LogFilter.ALL);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long n = ArchiveReader.read(archive, digest);
        double s = secs(t0);
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        out.printf(Locale.ROOT, "Archive digest (one thread: gunzip, parse, fingerprint, group): %,d rows in %.2f s = %,.0f rows/s, %d fingerprints%n",
                n, s, n / s, digest.groups().size());
        // On a shared machine the wall clock includes time the thread waited for a core; CPU time does not.
        out.printf(Locale.ROOT, "  the digest thread used %.2f s of CPU: %,.0f rows per CPU-second (load average %.1f on %d cores)%n",
                cpu, n / cpu, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        out.flush();
        return n / s;
    }

    private static double digestLive(PrintWriter out, ServerConnections db) throws Exception {
        DigestAggregator digest = new DigestAggregator(DigestKey.FINGERPRINT, LogFilter.ALL);
        long t0 = System.nanoTime();
        long n;
        try (Connection c = db.open()) {
            n = LiveLogReader.read(c, LogKind.GENERAL, LogKind.GENERAL.qualifiedTable(), LogFilter.ALL, digest);
        }
        double s = secs(t0);
        out.printf(Locale.ROOT, "Live digest (server scan of the CSV table + JDBC + digest): %,d rows in %.2f s = %,.0f rows/s, %d fingerprints%n",
                n, s, n / s, digest.groups().size());
        out.flush();
        return n / s;
    }

    private static long rotate(PrintWriter out, ServerConnections db, Path work) throws Exception {
        try (StateStore state = StateStore.open(work.resolve("data-" + System.nanoTime()))) {
            RotationService service = new RotationService(new GenlogStore(state), Clock.systemUTC(), work.resolve("archive"));
            long t0 = System.nanoTime();
            Rotation r = service.rotate("bench", db, LogKind.GENERAL, false, "bench").rotation();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            out.printf(Locale.ROOT, "Rotation (double rename, archive %,d rows to gzip NDJSON, verify by re-reading, drop): %,d ms; %s%n",
                    r.rowsArchived(), ms, r.archivePath().orElse("-"));
            return ms;
        }
    }

    private static void exec(ServerConnections db, String... sql) throws Exception {
        try (Connection c = db.open(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}

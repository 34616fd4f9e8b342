package io.ferry.replication;

import io.ferry.sandbox.SandboxEndpoints;
import io.ferry.sandbox.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The proof of bounded memory: ONE source transaction of 1,000,000 rows of about 100 bytes, replicated by
 * {@code ferry replicate} running in a JVM of its own with {@code -Xmx256m} (the job's default buffer and spill
 * limits), ends equal to the source (count and checksums of every column), and its spill files are gone after.
 * Prints the child's peak resident memory and heap (from its GC log) and the time the transaction took.
 */
@ExtendWith(SandboxExtension.class)
class LargeTransactionIT {
    private static final int ROWS = 1_000_000;
    private static final int ROWS_PER_STATEMENT = 10_000;
    private static final String SCHEMA = "ferry_r_large";
    private static final Pattern GC_HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private final SandboxEndpoints sandbox;

    LargeTransactionIT(SandboxEndpoints sandbox) {
        this.sandbox = sandbox;
    }

    @Test
    void aMillionRowTransactionReplicatesInA256MegabyteHeapThroughTheSpillFiles(@TempDir Path dir) throws Exception {
        try (Connection c = sandbox.mariadb().connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + SCHEMA);
            st.execute("CREATE DATABASE " + SCHEMA);
            st.execute("CREATE TABLE " + SCHEMA + ".t (id BIGINT PRIMARY KEY, k INT NOT NULL, qty INT, price DECIMAL(12,2), "
                    + "name VARCHAR(40), note VARCHAR(60), flag TINYINT, created DATETIME)");
        }
        Path spill = dir.resolve("spill");
        Path config = dir.resolve("ferry.yaml");
        String job = "large-" + System.currentTimeMillis();
        Files.writeString(config, Files.readString(sandbox.configFile()) + """
                  %s:
                    type: replication
                    source: sandbox-mariadb
                    target: sandbox-postgres
                    tables: { include: [ "%s.*" ] }
                    spillDirectory: %s
                """.formatted(job, SCHEMA, spill));
        Path log = dir.resolve("replicate.log");
        Path gcLog = dir.resolve("gc.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Xlog:gc:file=" + gcLog, "-cp", System.getProperty("java.class.path"),
                "io.ferry.cli.FerryCli", "replicate", "--config", config.toString(), "--job", job)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            try (Connection c = sandbox.mariadb().connect(); Statement st = c.createStatement()) {
                st.execute("INSERT INTO " + SCHEMA + ".t VALUES (0, 0, 0, 0, 'streaming', NULL, 0, '2024-01-01 00:00:00')");
            }
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
                assertThat(child.isAlive()).as(() -> tail(log)).isTrue();
                return count() == 1;
            });

            long t0 = System.nanoTime();
            try (Connection c = sandbox.mariadb().connect(); Statement st = c.createStatement()) {
                c.setAutoCommit(false);
                for (int first = 1; first <= ROWS; first += ROWS_PER_STATEMENT) {
                    st.execute("INSERT INTO " + SCHEMA + ".t VALUES " + rows(first, ROWS_PER_STATEMENT));
                }
                c.commit();
            }
            long committed = System.nanoTime();
            AtomicLong peakSpill = new AtomicLong();
            await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                assertThat(child.isAlive()).as(() -> tail(log)).isTrue();
                peakSpill.accumulateAndGet(spillBytes(spill), Math::max);
                return count() == ROWS + 1;
            });
            long applied = System.nanoTime();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(spillFiles(spill)).as("spill files are deleted once the batch committed").isEmpty());
            long rssPeakKb = status(child.pid(), "VmHWM:");
            long rssKb = status(child.pid(), "VmRSS:");

            long heapPeak = peakHeapMegabytes(gcLog);
            System.out.printf("LARGE TRANSACTION: %,d rows; source insert+commit %.1f s; commit -> applied %.1f s; "
                            + "child -Xmx256m: peak RSS %d MiB (now %d MiB), peak heap before GC %d MiB; largest spill seen %,d bytes%n",
                    ROWS, (committed - t0) / 1e9, (applied - committed) / 1e9, rssPeakKb / 1024, rssKb / 1024, heapPeak,
                    peakSpill.get());
            assertThat(warehouseChecksum()).isEqualTo(sourceChecksum());
            assertThat(peakSpill.get()).as("the transaction went to disk").isPositive();
            assertThat(heapPeak).isLessThanOrEqualTo(256);
        } finally {
            child.destroy(); // SIGTERM: the job stops after its batch
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
        assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
        assertThat(spillFiles(spill)).as("nothing left in the spill directory").isEmpty();
    }

    private static String rows(int first, int n) {
        StringBuilder sql = new StringBuilder(n * 120);
        for (int id = first; id < first + n; id++) {
            if (id > first) {
                sql.append(", ");
            }
            sql.append('(').append(id).append(", ").append(id % 9973).append(", ").append(id % 500).append(", ")
                    .append(id % 100000).append('.').append(String.format("%02d", id % 100)).append(", 'name-").append(id)
                    .append("-abcdefghij', 'note ").append(id).append(" klmnopqrstuvwxyz 0123456789', ").append(id % 2)
                    .append(", DATE_ADD('2024-01-01 00:00:00', INTERVAL ").append(id).append(" SECOND))");
        }
        return sql.toString();
    }

    private long count() {
        try (Connection w = sandbox.postgres().connect(); Statement st = w.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + SCHEMA + ".t")) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception notThereYet) {
            return -1;
        }
    }

    /** Count, sum of keys, and a sum over a hash of every column's text, equal in both databases for equal rows. */
    private String sourceChecksum() throws Exception {
        return checksum(sandbox.mariadb().connect(), "SELECT COUNT(*), SUM(id), SUM(CAST(CONV(SUBSTR(MD5(CONCAT_WS('|', id, k, "
                + "COALESCE(qty, 'null'), price, name, COALESCE(note, 'null'), flag, created)), 1, 8), 16, 10) AS UNSIGNED)) FROM " + SCHEMA + ".t");
    }

    private String warehouseChecksum() throws Exception {
        return checksum(sandbox.postgres().connect(), "SELECT count(*), sum(id), sum(('x' || substr(md5(concat_ws('|', id, k, "
                + "COALESCE(qty::text, 'null'), price, name, COALESCE(note, 'null'), flag, created)), 1, 8))::bit(32)::bigint) FROM "
                + SCHEMA + ".t");
    }

    private static String checksum(Connection c, String sql) throws Exception {
        try (c; Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1) + " rows, keys " + rs.getString(2) + ", hash " + rs.getString(3);
        }
    }

    private static List<Path> spillFiles(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> p.toString().endsWith(".spill")).toList();
        }
    }

    private static long spillBytes(Path dir) throws IOException {
        long total = 0;
        for (Path p : spillFiles(dir)) {
            try {
                total += Files.size(p);
            } catch (IOException gone) {
                // deleted meanwhile
            }
        }
        return total;
    }

    /** A figure of /proc/PID/status in kB, or -1. */
    private static long status(long pid, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    /** The largest heap occupancy before a collection in the child's GC log ("120M->30M(256M)"). */
    private static long peakHeapMegabytes(Path gcLog) throws IOException {
        long peak = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_HEAP.matcher(line);
            while (m.find()) {
                peak = Math.max(peak, Long.parseLong(m.group(1)));
            }
        }
        return peak;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(log));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}

package io.ferry.replication.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures commit-to-visible latency the way a reader of the warehouse sees it: it polls the warehouse's copy of
 * the marker table every {@code pollMillis} for markers it has not seen yet, and gives each new marker the instant the
 * poll's query was sent (its snapshot cannot be older), minus the source microseconds the marker holds. A latency is
 * thus an upper bound, at most one poll interval plus a query's start-up late. Source and warehouse run on this
 * machine, so both clocks are the same clock.
 */
public final class MarkerProbe implements AutoCloseable {
    private final Connection warehouse;
    private final PreparedStatement poll;
    private final long pollMillis;
    private final List<long[]> seen = Collections.synchronizedList(new ArrayList<>()); // {txn, latency micros}
    private volatile boolean running = true;
    private volatile long lastTxn;
    private volatile long cpuNanos;
    private volatile SQLException failure;
    private final Thread thread;

    /** @param markers the warehouse's quoted marker table */
    public MarkerProbe(Connection warehouse, String markers, long pollMillis) throws SQLException {
        this.warehouse = warehouse;
        this.pollMillis = pollMillis;
        warehouse.setAutoCommit(true);
        this.poll = warehouse.prepareStatement("SELECT txn, written_us FROM " + markers + " WHERE txn > ? ORDER BY txn");
        try (PreparedStatement max = warehouse.prepareStatement("SELECT coalesce(max(txn), 0) FROM " + markers);
             ResultSet rs = max.executeQuery()) {
            rs.next();
            lastTxn = rs.getLong(1);
        }
        this.thread = new Thread(this::loop, "ferry-bench-probe");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        long cpu0 = BenchWriter.threadCpu();
        try {
            while (running) {
                long next = System.nanoTime() + pollMillis * 1_000_000L;
                pollOnce();
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
        } catch (SQLException e) {
            failure = e;
        } finally {
            cpuNanos = BenchWriter.threadCpu() - cpu0;
        }
    }

    private void pollOnce() throws SQLException {
        Instant sent = Instant.now();
        long sentMicros = sent.getEpochSecond() * 1_000_000L + sent.getNano() / 1000;
        poll.setLong(1, lastTxn);
        try (ResultSet rs = poll.executeQuery()) {
            while (rs.next()) {
                long txn = rs.getLong(1);
                seen.add(new long[]{txn, sentMicros - rs.getLong(2)});
                lastTxn = txn;
            }
        }
    }

    /** The highest marker seen so far. */
    public long lastTxn() throws SQLException {
        if (failure != null) {
            throw failure;
        }
        return lastTxn;
    }

    /** Latencies in milliseconds of the markers numbered {@code fromTxn..toTxn}, sorted. */
    public double[] latenciesMillis(long fromTxn, long toTxn) {
        synchronized (seen) {
            return seen.stream().filter(s -> s[0] >= fromTxn && s[0] <= toTxn).mapToDouble(s -> s[1] / 1000.0).sorted().toArray();
        }
    }

    /** The {@code p}-th percentile (0-100) of sorted values, nearest rank; NaN for none. */
    public static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public double cpuSeconds() {
        return cpuNanos / 1e9;
    }

    @Override
    public void close() throws SQLException {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        warehouse.close();
    }
}

package io.ferry.replication.bench;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes the benchmark's source transactions: 700 inserts, 200 updates, 100 deletes on distinct keys
 * ({@link BenchKeys}), optionally followed by a marker row holding the source's clock in microseconds
 * ({@code UNIX_TIMESTAMP(NOW(6))}) just before the commit, from which commit-to-visible latency is measured.
 */
public final class BenchWriter implements AutoCloseable {
    public static final String MARKERS = "bench_markers";

    private final Connection connection;
    private final Statement st;
    private final String table;
    private final String markers;
    private final String sequences;
    private final BenchKeys keys;
    private final AtomicLong written = new AtomicLong();
    private volatile long cpuNanos;

    public BenchWriter(Connection connection, String schema, String table, BenchKeys keys) throws SQLException {
        this.connection = connection;
        this.st = connection.createStatement();
        this.table = schema + "." + table;
        this.markers = schema + "." + MARKERS;
        this.sequences = schema + ".seq_1_to_" + BenchKeys.INSERTS;
        this.keys = keys;
        connection.setAutoCommit(false);
    }

    /** The marker table (transaction number → source microseconds), created with the benchmark table. */
    public static String createMarkers(String schema) {
        return "CREATE TABLE " + schema + "." + MARKERS + " (txn BIGINT NOT NULL PRIMARY KEY, written_us BIGINT NOT NULL) ENGINE=InnoDB";
    }

    /** Writes and commits one transaction; returns its number. */
    public long writeOne(boolean marker) throws SQLException {
        BenchKeys.Txn k = keys.next();
        st.execute("INSERT INTO " + table + " SELECT " + (k.insertFrom() - 1) + " + seq, seq % 1000, seq * 7, seq / 100, "
                + "CONCAT('ins-', seq, '-', REPEAT('x', 20)), NOW(6), seq * 1.5, 'payload-new' FROM " + sequences);
        st.execute("UPDATE " + table + " SET a = a + 1, d = CONCAT('upd-', id, REPEAT('y', 20)), e = NOW(6) WHERE id BETWEEN "
                + k.updateFrom() + " AND " + (k.updateFrom() + BenchKeys.UPDATES - 1));
        st.execute("DELETE FROM " + table + " WHERE id BETWEEN " + k.deleteFrom() + " AND " + (k.deleteFrom() + BenchKeys.DELETES - 1));
        if (marker) {
            st.execute("INSERT INTO " + markers + " VALUES (" + k.number() + ", CAST(UNIX_TIMESTAMP(NOW(6)) * 1000000 AS SIGNED))");
        }
        connection.commit();
        written.incrementAndGet();
        return k.number();
    }

    /** Writes {@code txns} transactions as fast as the source takes them. */
    public void write(long txns) throws SQLException {
        for (long i = 0; i < txns; i++) {
            writeOne(false);
        }
    }

    /**
     * Writes until {@code stop} returns true: as fast as possible when {@code rowsPerSecond} is 0, otherwise one
     * transaction every 1000/rate seconds on a fixed schedule (a late transaction is written at once, not skipped).
     */
    public void run(java.util.function.BooleanSupplier stop, long rowsPerSecond, boolean markers) throws SQLException {
        long cpu0 = threadCpu();
        try {
            long interval = rowsPerSecond <= 0 ? 0 : 1_000_000_000L * BenchKeys.TXN_ROWS / rowsPerSecond;
            long due = System.nanoTime();
            while (!stop.getAsBoolean()) {
                if (interval > 0) {
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                        continue;
                    }
                    due += interval;
                }
                writeOne(markers);
            }
        } finally {
            cpuNanos += threadCpu() - cpu0;
        }
    }

    /** Transactions committed by this writer. */
    public long written() {
        return written.get();
    }

    /** CPU the writing thread(s) of {@link #run} used in this JVM, in seconds. */
    public double cpuSeconds() {
        return cpuNanos / 1e9;
    }

    static long threadCpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    @Override
    public void close() throws SQLException {
        try {
            st.close();
        } finally {
            connection.close();
        }
    }
}

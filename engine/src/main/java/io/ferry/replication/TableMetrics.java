package io.ferry.replication;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Live counters of one replicated table, safe to read from any thread. */
public final class TableMetrics {
    /**
     * QUEUED: waiting for its full load (its changes stream meanwhile); LOADED: no longer set (the stream runs during the
     * load); SUSPENDED: set aside by an error policy.
     */
    public enum State { QUEUED, LOADING, LOADED, STREAMING, SUSPENDED, STOPPED }

    private final AtomicReference<State> state = new AtomicReference<>(State.QUEUED);
    private final AtomicLong loadedRows = new AtomicLong();
    private final AtomicLong estimatedRows = new AtomicLong(-1);
    private final AtomicLong rowsRead = new AtomicLong();
    private final AtomicLong rowsApplied = new AtomicLong();
    private final AtomicReference<Instant> lastChange = new AtomicReference<>();
    private final AtomicReference<Duration> applyLag = new AtomicReference<>();
    private final AtomicLong loadStartRows = new AtomicLong();
    private final AtomicLong loadStartNanos = new AtomicLong();
    private final AtomicLong loadNanos = new AtomicLong();
    private final AtomicReference<String> suspendedBecause = new AtomicReference<>();
    private final AtomicLong zeroDatesNulled = new AtomicLong();

    /** Sets the state; a SUSPENDED table stays so (only a reload, which starts a new job run, ends it). */
    void state(State s) {
        state.getAndUpdate(current -> current == State.SUSPENDED ? current : s);
    }

    /** A reload (while the job streams) ends a suspension: the table is queued for its load. */
    void reloaded() {
        suspendedBecause.set(null);
        state.set(State.QUEUED);
    }

    void suspended(String reason) {
        suspendedBecause.set(reason);
        state.set(State.SUSPENDED);
    }

    /** Why the error policy suspended this table, or null. */
    public String suspendedBecause() {
        return suspendedBecause.get();
    }

    void loading(long estimate) {
        loading(estimate, 0);
    }

    /** A load starts, or resumes with {@code already} rows loaded before a restart. */
    void loading(long estimate, long already) {
        loadedRows.set(already);
        loadStartRows.set(already);
        loadStartNanos.set(System.nanoTime());
        estimatedRows.set(estimate);
        state(State.LOADING);
    }

    void loaded(long rows) {
        loadedRows.addAndGet(rows);
        loadNanos.set(System.nanoTime());
        rowsRead.addAndGet(rows);
        rowsApplied.addAndGet(rows);
    }

    void zeroDateNulled() {
        zeroDatesNulled.incrementAndGet();
    }

    void read(long rows) {
        rowsRead.addAndGet(rows);
    }

    void applied(long rows, Instant sourceCommit, Instant warehouseCommit) {
        if (state.get() == State.SUSPENDED) {
            return; // its changes were skipped
        }
        rowsApplied.addAndGet(rows);
        if (sourceCommit != null) {
            lastChange.set(sourceCommit);
            applyLag.set(Duration.between(sourceCommit, warehouseCommit).isNegative() ? Duration.ZERO
                    : Duration.between(sourceCommit, warehouseCommit));
        }
    }

    public State state() {
        return state.get();
    }

    /** Rows loaded by the current (or last) full load of this table. */
    public long loadedRows() {
        return loadedRows.get();
    }

    /** The source's row estimate at the start of the load ({@code information_schema.TABLES.TABLE_ROWS}); -1 unknown. */
    public long estimatedRows() {
        return estimatedRows.get();
    }

    /** Load progress 0..100 while loading (capped at 99 until done: the estimate is InnoDB's guess); -1 unknown. */
    public int loadPercent() {
        long estimate = estimatedRows.get();
        if (state.get() != State.LOADING || estimate < 0) {
            return -1;
        }
        return estimate == 0 ? 99 : (int) Math.min(99, loadedRows.get() * 100 / estimate);
    }

    /** Rows per second of the current load since it (re)started, from the last chunk; -1 before the first chunk. */
    public double loadRate() {
        long rows = loadedRows.get() - loadStartRows.get();
        long nanos = loadNanos.get() - loadStartNanos.get();
        return state.get() != State.LOADING || rows <= 0 || nanos <= 0 ? -1 : rows * 1e9 / nanos;
    }

    /** The time left of the current load at {@link #loadRate()}, from the source's estimate; null when unknown. */
    public Duration loadEta() {
        double rate = loadRate();
        long estimate = estimatedRows.get();
        if (rate <= 0 || estimate < 0) {
            return null;
        }
        return Duration.ofMillis((long) (Math.max(0, estimate - loadedRows.get()) * 1000 / rate));
    }

    /** Rows read from the source: full-load rows and row changes from the binlog. */
    public long rowsRead() {
        return rowsRead.get();
    }

    /** Rows written to the warehouse: full-load rows and row changes (before collapsing per key). */
    public long rowsApplied() {
        return rowsApplied.get();
    }

    /** The source commit time of the last change applied to this table (binlog time: whole seconds), or null. */
    public Instant lastChange() {
        return lastChange.get();
    }

    /** Source commit → warehouse commit of the last change applied to this table, or null. */
    public Duration applyLag() {
        return applyLag.get();
    }

    /** Zero or invalid dates written as NULL under {@code zeroDates: null} ({@link ZeroDatePolicy}). */
    public long zeroDatesNulled() {
        return zeroDatesNulled.get();
    }
}

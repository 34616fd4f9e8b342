package io.ferry.replication;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Live counters of a job, safe to read from any thread. */
public final class ReplicationMetrics {
    public enum State { STARTING, LOADING, STREAMING, RETRYING, STOPPED, FAILED }

    private final AtomicLong snapshotRows = new AtomicLong();
    private final AtomicLong changesApplied = new AtomicLong();
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicReference<BinlogPosition> position = new AtomicReference<>();
    private final AtomicReference<Instant> lastCommit = new AtomicReference<>();
    private final AtomicReference<State> state = new AtomicReference<>(State.STARTING);
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final AtomicLong rowsRead = new AtomicLong();
    private final AtomicLong pendingTransactions = new AtomicLong();
    private final BufferUsage buffer = new BufferUsage();
    private final AtomicLong pendingRows = new AtomicLong();
    /** Source commit times of the transactions read but not applied yet, oldest first. */
    private final Deque<Instant> pendingCommits = new ConcurrentLinkedDeque<>();
    private final AtomicReference<Duration> applyLag = new AtomicReference<>();
    /** Set once a heartbeat marker was applied: from then on only markers set the apply lag. */
    private volatile boolean markers;
    private final Map<TableId, TableMetrics> tables = new ConcurrentHashMap<>();

    /** The counters of one table (created on first use). */
    TableMetrics table(TableId id) {
        return tables.computeIfAbsent(id, t -> new TableMetrics());
    }

    /** Every table's counters, in table order. */
    public Map<TableId, TableMetrics> tables() {
        Map<TableId, TableMetrics> sorted = new LinkedHashMap<>();
        tables.keySet().stream().sorted().forEach(t -> sorted.put(t, tables.get(t)));
        return Collections.unmodifiableMap(sorted);
    }

    /** Every table of the job is in this state now. */
    void allTables(TableMetrics.State s) {
        tables.values().forEach(t -> t.state(s));
    }

    /** The stream starts (again): nothing is pending. */
    void streamStarting() {
        pendingTransactions.set(0);
        pendingRows.set(0);
        pendingCommits.clear();
    }

    /** A whole transaction was read from the binlog and waits for its batch. */
    void read(Transaction txn) {
        long rows = txn.rowCount();
        rowsRead.addAndGet(rows);
        pendingTransactions.incrementAndGet();
        pendingRows.addAndGet(rows);
        pendingCommits.addLast(txn.commitTime() == null ? Instant.EPOCH : txn.commitTime());
        if (rows > 0) {
            txn.rowsPerTable().forEach((t, n) -> table(t).read(n));
        }
    }

    /** A batch was committed in the warehouse at {@code warehouseCommit}. */
    void batchApplied(java.util.List<Transaction> batch, long changes, BinlogPosition at, Instant warehouseCommit) {
        Map<TableId, Long> perTable = new LinkedHashMap<>();
        Map<TableId, Instant> lastCommitPerTable = new LinkedHashMap<>();
        Instant last = null;
        for (Transaction txn : batch) {
            pendingCommits.pollFirst();
            if (txn.commitTime() != null) {
                last = txn.commitTime();
            }
            txn.rowsPerTable().forEach((t, n) -> {
                perTable.merge(t, n, Long::sum);
                if (txn.commitTime() != null) {
                    lastCommitPerTable.put(t, txn.commitTime());
                }
            });
        }
        pendingTransactions.addAndGet(-batch.size());
        pendingRows.addAndGet(-changes);
        perTable.forEach((t, n) -> table(t).applied(n, lastCommitPerTable.get(t), warehouseCommit));
        if (last != null && !markers) {
            Duration lag = Duration.between(last, warehouseCommit);
            applyLag.set(lag.isNegative() ? Duration.ZERO : lag);
        }
        applied(changes, batch.size(), at, last);
    }

    /** A heartbeat marker written at {@code marker} (microseconds, the engine's clock) is in the warehouse. */
    void markerApplied(Instant marker, Instant warehouseCommit) {
        markers = true;
        Duration lag = Duration.between(marker, warehouseCommit);
        applyLag.set(lag.isNegative() ? Duration.ZERO : lag);
    }

    /** Whether the apply lag comes from heartbeat markers (microseconds) rather than binlog timestamps (seconds). */
    public boolean markerLag() {
        return markers;
    }

    /** Rows read from the source: full-load rows and row changes from the binlog. */
    public long rowsRead() {
        return rowsRead.get() + snapshotRows.get();
    }

    /** Rows written to the warehouse: full-load rows and row changes applied (before collapsing per key). */
    public long rowsApplied() {
        return snapshotRows.get() + changesApplied.get();
    }

    /** The reader's buffer and spill disk: bytes held now and at their peak, waits at the limits. */
    public BufferUsage buffer() {
        return buffer;
    }

    /** Transactions read from the binlog and not applied yet (the buffer and the batch being built). */
    public long backlogTransactions() {
        return Math.max(0, pendingTransactions.get());
    }

    /** Row changes read from the binlog and not applied yet. */
    public long backlogRows() {
        return Math.max(0, pendingRows.get());
    }

    /** The source commit time of the oldest transaction read but not applied yet, or null. */
    public Instant oldestPendingCommit() {
        Instant first = pendingCommits.peekFirst();
        return first == null || first.equals(Instant.EPOCH) ? null : first;
    }

    /** Source commit → warehouse commit of the last transaction of the last batch, or null before one. */
    public Duration applyLag() {
        return applyLag.get();
    }

    void snapshotRows(long rows) {
        snapshotRows.addAndGet(rows);
    }

    void applied(long changes, long txns, BinlogPosition at, Instant commitTime) {
        changesApplied.addAndGet(changes);
        transactions.addAndGet(txns);
        batches.incrementAndGet();
        position.set(at);
        if (commitTime != null) {
            lastCommit.set(commitTime);
        }
    }

    void position(BinlogPosition at) {
        position.set(at);
    }

    void state(State s) {
        state.set(s);
    }

    void retrying(Throwable t) {
        lastError.set(t.getMessage());
        retries.incrementAndGet();
        state.set(State.RETRYING);
    }

    /** How many times the job started again after a transient failure. */
    public long retries() {
        return retries.get();
    }

    void failed(Throwable t) {
        lastError.set(t.getMessage());
        state.set(State.FAILED);
    }

    public long snapshotRows() {
        return snapshotRows.get();
    }

    public long changesApplied() {
        return changesApplied.get();
    }

    public long transactions() {
        return transactions.get();
    }

    public long batches() {
        return batches.get();
    }

    /** The source position the warehouse reflects (null before the first checkpoint). */
    public BinlogPosition position() {
        return position.get();
    }

    /** The source commit time of the last transaction applied (binlog timestamps: whole seconds). */
    public Instant lastCommit() {
        return lastCommit.get();
    }

    public State state() {
        return state.get();
    }

    public String lastError() {
        return lastError.get();
    }
}

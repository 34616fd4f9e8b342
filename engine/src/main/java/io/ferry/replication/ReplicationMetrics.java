package io.ferry.replication;

import java.time.Instant;
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

package io.ferry.replication.bench;

/**
 * Which keys the next 1000-row benchmark transaction touches, so that no key is touched twice within reach of one
 * batch (no credit for collapsing): deletes walk up from key 1 (100 a transaction), updates from a third of the
 * initial table (200 a transaction), inserts append above the highest key (700 a transaction). Updates move faster
 * than deletes and slower than inserts, so the three ranges never meet. Shared by the phases of one run.
 */
public final class BenchKeys {
    public static final int INSERTS = 700;
    public static final int UPDATES = 200;
    public static final int DELETES = 100;
    public static final int TXN_ROWS = INSERTS + UPDATES + DELETES;

    /** The keys of one transaction: inserts from {@code insertFrom}, updates and deletes from theirs, each a range. */
    public record Txn(long number, long insertFrom, long updateFrom, long deleteFrom) {
    }

    private long next;
    private long deleteFrom;
    private long updateFrom;
    private long insertFrom;

    /** @param baseRows the initial table holds keys 1..baseRows (at least 3000) */
    public BenchKeys(long baseRows) {
        if (baseRows < 3 * TXN_ROWS) {
            throw new IllegalArgumentException("The benchmark table needs at least " + 3 * TXN_ROWS + " rows, got " + baseRows);
        }
        this.deleteFrom = 1;
        this.updateFrom = baseRows / 3 + 1;
        this.insertFrom = baseRows + 1;
    }

    public synchronized Txn next() {
        Txn t = new Txn(++next, insertFrom, updateFrom, deleteFrom);
        insertFrom += INSERTS;
        updateFrom += UPDATES;
        deleteFrom += DELETES;
        return t;
    }

    /** Transactions handed out so far. */
    public synchronized long count() {
        return next;
    }
}

package io.ferry.replication;

import io.ferry.warehouse.ChangeReplay;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Predicate;

/**
 * A batch with spilled transactions: all its changes of the replicated tables, in order, from memory and from the
 * spill files. A spilled transaction can also hold rows of a table the reader decodes but the job does not apply
 * (the heartbeat table, whose rows {@link Heartbeat#recognise} removes from in-memory transactions), or of a suspended
 * table: those are left out here the same way.
 */
final class ReplayedBatch implements ChangeReplay {
    private final List<Transaction> batch;
    private final Predicate<TableId> applied;

    private ReplayedBatch(List<Transaction> batch, Predicate<TableId> applied) {
        this.batch = batch;
        this.applied = applied;
    }

    /** The batch as a replay if a transaction of it spilled; null if it all is in memory. */
    static ReplayedBatch of(List<Transaction> batch, Predicate<TableId> applied) {
        return batch.stream().anyMatch(Transaction::isSpilled) ? new ReplayedBatch(batch, applied) : null;
    }

    /**
     * Adds an empty entry to {@code tables} for each replicated table a spilled transaction changed, so that the full
     * load sees them as written by the stream (no straight COPY into them afterwards); the entries are not applied.
     */
    void touch(java.util.Map<TableId, io.ferry.warehouse.CollapsedTable> tables, java.util.Map<TableId, TableSchema> schemas) {
        for (Transaction txn : batch) {
            if (txn.spilled() != null) {
                for (TableId t : txn.rowsPerTable().keySet()) {
                    if (applied.test(t) && schemas.get(t) != null) {
                        tables.computeIfAbsent(t, id -> new io.ferry.warehouse.CollapsedTable(schemas.get(id)));
                    }
                }
            }
        }
    }

    long rows() {
        return batch.stream().mapToLong(Transaction::rowCount).sum();
    }

    @Override
    public void replay(Sink sink) throws IOException, SQLException {
        for (Transaction txn : batch) {
            if (txn.spilled() != null) {
                txn.spilled().replay(txn.end(), txn.commitTime(), change -> {
                    if (applied.test(change.table())) {
                        sink.accept(change);
                    }
                });
            } else {
                for (RowChange change : txn.changes()) {
                    if (applied.test(change.table())) {
                        sink.accept(change);
                    }
                }
            }
        }
    }
}

package io.ferry.replication;

import io.ferry.warehouse.ChangeReplay;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

/** A batch with spilled transactions: all its changes, in order, from memory and from the spill files. */
final class ReplayedBatch implements ChangeReplay {
    private final List<Transaction> batch;

    private ReplayedBatch(List<Transaction> batch) {
        this.batch = batch;
    }

    /** The batch as a replay if a transaction of it spilled; null if it all is in memory. */
    static ReplayedBatch of(List<Transaction> batch) {
        return batch.stream().anyMatch(Transaction::isSpilled) ? new ReplayedBatch(batch) : null;
    }

    long rows() {
        return batch.stream().mapToLong(Transaction::rowCount).sum();
    }

    @Override
    public void replay(Sink sink) throws IOException, SQLException {
        for (Transaction txn : batch) {
            if (txn.spilled() != null) {
                txn.spilled().replay(txn.end(), txn.commitTime(), sink);
            } else {
                for (RowChange change : txn.changes()) {
                    sink.accept(change);
                }
            }
        }
    }
}

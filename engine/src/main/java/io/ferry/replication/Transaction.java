package io.ferry.replication;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A committed source transaction, whole: its row changes on the selected tables (possibly none, when the rules
 * filtered everything out or it was DDL), the binlog position just after its commit, and its commit time.
 */
public record Transaction(List<RowChange> changes, BinlogPosition end, Instant commitTime) {
    public Transaction {
        changes = List.copyOf(changes);
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(commitTime, "commitTime");
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}

package io.ferry.replication;

import io.ferry.replication.schema.SchemaChange;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A committed source transaction, whole: its row changes on the selected tables (possibly none, when the rules
 * filtered everything out or it was DDL), the binlog position just after its commit, and its commit time. A DDL that
 * changed replicated tables carries its {@link SchemaChange} (null otherwise).
 */
public record Transaction(List<RowChange> changes, BinlogPosition end, Instant commitTime, SchemaChange schemaChange) {
    public Transaction {
        changes = List.copyOf(changes);
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(commitTime, "commitTime");
    }

    public Transaction(List<RowChange> changes, BinlogPosition end, Instant commitTime) {
        this(changes, end, commitTime, null);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}

package io.ferry.replication;

import io.ferry.replication.schema.SchemaChange;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A committed source transaction, whole: its row changes on the selected tables (possibly none, when the rules
 * filtered everything out or it was DDL), the binlog position just after its commit, and its commit time. A DDL that
 * changed replicated tables carries its {@link SchemaChange} (null otherwise). A large one keeps its changes in a
 * spill file instead ({@code spilled}; {@code changes} is then empty). {@code estimatedBytes} is its heap estimate
 * ({@link ByteEstimate}), which the reader's buffer counts.
 */
public record Transaction(List<RowChange> changes, BinlogPosition end, Instant commitTime, SchemaChange schemaChange,
                          SpilledTransaction spilled, long estimatedBytes) {
    public Transaction {
        changes = List.copyOf(changes);
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(commitTime, "commitTime");
    }

    public Transaction(List<RowChange> changes, BinlogPosition end, Instant commitTime, SchemaChange schemaChange) {
        this(changes, end, commitTime, schemaChange, null, ByteEstimate.changes(changes));
    }

    public Transaction(List<RowChange> changes, BinlogPosition end, Instant commitTime) {
        this(changes, end, commitTime, null);
    }

    public boolean isEmpty() {
        return rowCount() == 0;
    }

    public boolean isSpilled() {
        return spilled != null;
    }

    /** Its row changes, in memory or spilled. */
    public long rowCount() {
        return spilled != null ? spilled.rows() : changes.size();
    }

    /** Row changes per table. */
    public Map<TableId, Long> rowsPerTable() {
        if (spilled != null) {
            return spilled.rowsPerTable();
        }
        Map<TableId, Long> perTable = new LinkedHashMap<>();
        TableId current = null;
        long run = 0;
        for (RowChange c : changes) { // one map update per run of the same table (runs are long)
            if (!c.table().equals(current)) {
                if (current != null) {
                    perTable.merge(current, run, Long::sum);
                }
                current = c.table();
                run = 0;
            }
            run++;
        }
        if (current != null) {
            perTable.merge(current, run, Long::sum);
        }
        return perTable;
    }
}

package io.ferry.replication;

import java.time.Instant;
import java.util.Objects;

/**
 * One row changed at the source. {@code before} is null for inserts, {@code after} null for deletes; values are
 * the canonical Java values of {@link SourceValues} in the table's column order. {@code position} is the end of the
 * source transaction the change belongs to; {@code commitTime} the transaction's binlog timestamp (whole seconds).
 */
public record RowChange(TableId table, Operation operation, Object[] before, Object[] after,
                        BinlogPosition position, Instant commitTime) {
    public RowChange {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(operation, "operation");
        boolean valid = switch (operation) {
            case INSERT -> before == null && after != null;
            case UPDATE -> before != null && after != null;
            case DELETE -> before != null && after == null;
        };
        if (!valid) {
            throw new IllegalArgumentException(operation + " of " + table + " has the wrong row images (before "
                    + (before != null) + ", after " + (after != null) + ")");
        }
    }

    /** The row as it is after this change (the before image for a delete). */
    public Object[] image() {
        return after != null ? after : before;
    }
}

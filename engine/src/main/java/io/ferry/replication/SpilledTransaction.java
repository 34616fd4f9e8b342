package io.ferry.replication;

import io.ferry.warehouse.ChangeReplay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

/**
 * The changes of one source transaction that went to a {@link SpillFile} instead of memory: the file, how many
 * changes per table, and the disk it holds in its {@link SpillSpace} until {@link #delete} (after the batch that
 * applied it committed).
 */
public final class SpilledTransaction {
    private final Path file;
    private final long rows;
    private final Map<TableId, Long> rowsPerTable;
    private final long diskBytes;
    private final SpillSpace space;
    private boolean deleted;

    SpilledTransaction(Path file, long rows, Map<TableId, Long> rowsPerTable, long diskBytes, SpillSpace space) {
        this.file = file;
        this.rows = rows;
        this.rowsPerTable = Map.copyOf(rowsPerTable);
        this.diskBytes = diskBytes;
        this.space = space;
    }

    public Path file() {
        return file;
    }

    public long rows() {
        return rows;
    }

    public Map<TableId, Long> rowsPerTable() {
        return rowsPerTable;
    }

    /** Reads the changes back in order, as the row changes of the transaction ending at {@code end}. */
    public void replay(BinlogPosition end, Instant commitTime, ChangeReplay.Sink sink) throws IOException, SQLException {
        try (SpillFile.Reader reader = new SpillFile.Reader(file)) {
            for (SpillFile.Change c = reader.next(); c != null; c = reader.next()) {
                sink.accept(new RowChange(c.table(), c.operation(), c.before(), c.after(), end, commitTime));
            }
        }
    }

    /** Deletes the file and gives its disk back; idempotent. */
    public synchronized void delete() throws IOException {
        if (!deleted) {
            deleted = true;
            try {
                Files.deleteIfExists(file);
            } finally {
                space.release(diskBytes);
            }
        }
    }

    @Override
    public String toString() {
        return rows + " changes in " + file;
    }
}

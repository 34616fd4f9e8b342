package io.ferry.replication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The row changes of the source transaction being assembled. They stay in memory until their estimated size
 * ({@link ByteEstimate}) passes the spill threshold; from then on the transaction goes to a {@link SpillFile}
 * (what was in memory first, then every further change), taking disk from the {@link SpillSpace} as it grows —
 * which is where the reader waits when the disk limit is reached.
 */
final class PendingChanges {
    private static final long DISK_STEP = 1L << 20;

    private record Pending(TableId table, Operation operation, Object[] before, Object[] after) {
    }

    private final SpillSpace space;
    private final long threshold;
    private final List<Pending> memory = new ArrayList<>();
    private long bytes;
    private long ownBytes;
    private SpillFile.Writer spill;
    private long reserved;
    private final Map<TableId, Long> perTable = new LinkedHashMap<>();

    /** @param space where large transactions spill; null: never (everything stays in memory) */
    PendingChanges(SpillSpace space, long thresholdBytes) {
        this.space = space;
        this.threshold = thresholdBytes;
    }

    void add(TableId table, Operation operation, Object[] before, Object[] after) {
        if (spill != null) {
            write(table, operation, before, after);
            return;
        }
        memory.add(new Pending(table, operation, before, after));
        long size = ByteEstimate.change(before, after);
        if (io.ferry.genlog.FerrySchema.NAME.equals(table.schema())) {
            // Ferry's own rows (watermarks, heartbeats; each in a transaction of its own) never spill: the stream
            // must see them in memory, whatever the threshold
            ownBytes += size;
            return;
        }
        bytes += size;
        if (space != null && bytes > threshold) {
            startSpilling();
        }
    }

    private void startSpilling() {
        try {
            spill = new SpillFile.Writer(space.newFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a spill file in " + space.directory(), e);
        }
        for (Pending p : memory) {
            write(p.table(), p.operation(), p.before(), p.after());
        }
        memory.clear();
        bytes = 0;
        ownBytes = 0;
    }

    private void write(TableId table, Operation operation, Object[] before, Object[] after) {
        try {
            spill.write(table, operation, before, after);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the spill file " + spill.file(), e);
        }
        perTable.merge(table, 1L, Long::sum);
        long written = spill.bytesWritten();
        if (written + DISK_STEP / 2 > reserved) {
            space.reserve(DISK_STEP, reserved);
            reserved += DISK_STEP;
        }
    }

    /** The whole transaction, in memory or spilled; ready for the next one. */
    Transaction finish(BinlogPosition end, Instant commitTime, io.ferry.replication.schema.SchemaChange schemaChange) {
        if (spill == null) {
            List<RowChange> changes = new ArrayList<>(memory.size());
            for (Pending p : memory) {
                changes.add(new RowChange(p.table(), p.operation(), p.before(), p.after(), end, commitTime));
            }
            long estimate = 64 + bytes + ownBytes;
            memory.clear();
            bytes = 0;
            ownBytes = 0;
            return new Transaction(changes, end, commitTime, schemaChange, null, estimate);
        }
        try {
            spill.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the spill file " + spill.file(), e);
        }
        long written = spill.bytesWritten();
        if (written > reserved) {
            space.reserve(written - reserved, reserved);
            reserved = written;
        }
        SpilledTransaction spilled = new SpilledTransaction(spill.file(), spill.changes(), perTable, reserved, space);
        reset();
        return new Transaction(List.of(), end, commitTime, schemaChange, spilled, ByteEstimate.SPILLED);
    }

    /** Forgets the changes (a transaction that never committed), deleting its spill file. */
    void clear() {
        memory.clear();
        bytes = 0;
        ownBytes = 0;
        if (spill != null) {
            try {
                spill.abort();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not delete the spill file " + spill.file(), e);
            } finally {
                space.release(reserved);
                reset();
            }
        }
    }

    private void reset() {
        spill = null;
        reserved = 0;
        perTable.clear();
    }
}

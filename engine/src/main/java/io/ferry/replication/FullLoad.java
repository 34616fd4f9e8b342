package io.ferry.replication;

import io.ferry.warehouse.Checkpoint;
import io.ferry.warehouse.CollapsedTable;
import io.ferry.warehouse.Warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The initial load of the selected tables, in primary-key chunks, resumable per chunk: each chunk is applied with
 * the checkpoint's snapshot progress in the same warehouse transaction.
 *
 * <p>Consistency with the stream, the simple way: the job recorded the binlog position BEFORE the first chunk was
 * read, and streams from there once the load is done. A chunk may already show changes made after that position;
 * replaying them is harmless because the apply is an idempotent MERGE of full row images, so the warehouse
 * converges to the source once the stream catches up. (The DBLog watermark technique, which interleaves chunks
 * with the stream and needs no replay, is left for later.)
 */
public final class FullLoad {
    private final Connection source;
    private final Warehouse warehouse;
    private final Map<TableId, TableSchema> schemas;
    private final int chunkRows;
    private final ReplicationMetrics metrics;
    private final BooleanSupplier running;
    private final boolean targetsStartedEmpty;
    private ZeroDatePolicy zeroDates = ZeroDatePolicy.FAIL;

    /**
     * @param targetsStartedEmpty the target tables were dropped and created, or truncated, before the load: chunks are
     *                            COPYed straight in; otherwise they are merged with the rows already there
     */
    public FullLoad(Connection source, Warehouse warehouse, Map<TableId, TableSchema> schemas, int chunkRows,
                    ReplicationMetrics metrics, BooleanSupplier running, boolean targetsStartedEmpty) {
        this.targetsStartedEmpty = targetsStartedEmpty;
        this.source = source;
        this.warehouse = warehouse;
        this.schemas = schemas;
        this.chunkRows = chunkRows;
        this.metrics = metrics;
        this.running = running;
    }

    /** What a zero or invalid date read by the load becomes (default: the load fails). */
    public FullLoad withZeroDates(ZeroDatePolicy policy) {
        this.zeroDates = policy;
        return this;
    }

    public static String initialProgress(Map<TableId, TableSchema> schemas) {
        TableId first = schemas.keySet().stream().sorted().findFirst().orElse(null);
        return new SnapshotProgress(first, null).serialize(new ValueKind[0]);
    }

    /** Loads from where {@code checkpoint} says; returns the streaming checkpoint, or the last one if stopped. */
    public Checkpoint run(Checkpoint checkpoint) throws SQLException {
        List<TableId> order = schemas.keySet().stream().sorted().toList();
        SnapshotProgress progress = SnapshotProgress.parse(checkpoint.snapshotProgress(),
                t -> reader(t).keyKinds());
        for (TableId t : order) {
            metrics.table(t).state(progress.queued(t, order) ? TableMetrics.State.QUEUED : TableMetrics.State.LOADED);
        }
        TableId started = null;
        while (!progress.done()) {
            if (!running.getAsBoolean()) {
                return checkpoint;
            }
            TableId table = progress.table();
            if (!schemas.containsKey(table)) {
                throw new IllegalStateException("The checkpoint's full load is at table " + table + ", which the job no "
                        + "longer selects. Restore the table rules, or delete the job's checkpoint to load again.");
            }
            if (!table.equals(started)) {
                metrics.table(table).loading(estimatedRows(table));
                started = table;
            }
            SnapshotReader reader = reader(table);
            List<Object[]> rows = reader.readChunk(source, progress.afterKey());
            SnapshotProgress next;
            CollapsedTable chunk = new CollapsedTable(reader.schema());
            if (rows.isEmpty()) {
                next = progress.next(order);
            } else {
                rows.forEach(chunk::put);
                next = progress.after(reader.keyOf(rows.get(rows.size() - 1)));
            }
            ValueKind[] kinds = next.done() ? new ValueKind[0] : reader(next.table()).keyKinds();
            Checkpoint after = checkpoint.withSnapshotProgress(next.serialize(kinds));
            if (targetsStartedEmpty) {
                warehouse.load(chunk, checkpoint, after);
            } else {
                warehouse.apply(List.of(chunk), CascadePlan.NONE, checkpoint, after);
            }
            metrics.snapshotRows(rows.size());
            metrics.table(table).loaded(rows.size());
            if (rows.isEmpty()) {
                metrics.table(table).state(TableMetrics.State.LOADED);
            }
            checkpoint = after;
            progress = next;
        }
        Checkpoint streaming = checkpoint.streaming();
        warehouse.advance(checkpoint, streaming);
        return streaming;
    }

    /** InnoDB's row estimate, for the progress percentage; -1 when the source does not say. */
    private long estimatedRows(TableId table) {
        try (var st = source.prepareStatement(
                "SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            st.setString(1, table.schema());
            st.setString(2, table.table());
            try (var rs = st.executeQuery()) {
                return rs.next() && rs.getObject(1) != null ? rs.getLong(1) : -1;
            }
        } catch (SQLException e) {
            return -1;
        }
    }

    private SnapshotReader reader(TableId table) {
        return new SnapshotReader(schemas.get(table), chunkRows, zeroDates);
    }
}

package io.ferry.replication;

import io.ferry.warehouse.Checkpoint;
import io.ferry.warehouse.CollapsedTable;
import io.ferry.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The full load as an incremental snapshot interleaved with the binlog stream (DBLog, Debezium's incremental
 * snapshots): the stream runs from the start and applies every change, to loaded and not-yet-loaded rows alike; the
 * tables are read in primary-key chunks, each between a low and a high {@link Watermarks watermark}, and each chunk's
 * rows enter the batch at its high watermark, minus the keys the stream changed in its window ({@link ChunkWindow}).
 * No lock is held and nothing is replayed. A chunk's rows are applied with the batch and the checkpoint, whose
 * snapshot progress ({@link SnapshotProgress}) then moves past them, so a restart resumes at the next chunk.
 *
 * <p>The job's thread drives it: {@link #beforeBatch} reads the next chunk (and answers reload requests),
 * {@link #observe} follows each transaction taken into the batch, {@link #emit} puts the chunk into the batch and
 * gives the checkpoint, {@link #applied} moves on once it committed. Into a target that was empty when its load began
 * and that no stream change has reached since ({@link SnapshotProgress#copy()}), a batch holding nothing but a chunk
 * is COPYed straight in ({@link #copyChunk()}); otherwise the chunk is merged with the changes.
 */
final class WatermarkSnapshot {
    private static final Logger LOG = LoggerFactory.getLogger(WatermarkSnapshot.class);

    /** A chunk read, waiting for its window to pass in the stream. */
    private record Pending(ChunkWindow window, Object low, Object high, Object[] lastKey, boolean lastOfTable) {
    }

    private final String job;
    private final Connection source;
    private final Map<TableId, TableSchema> schemas;
    private final List<TableId> order;
    private final int chunkRows;
    private final ReplicationMetrics metrics;
    private final Watermarks watermarks;
    private final TableReloads reloads;
    private final java.util.function.Consumer<TableId> onReload;
    private final ZeroDatePolicy zeroDates;
    private final String run = Long.toHexString(ThreadLocalRandom.current().nextLong());
    private final Map<TableId, SnapshotReader> readers = new LinkedHashMap<>();

    private SnapshotProgress progress;
    private SnapshotProgress proposed;
    private BinlogPosition consumed;
    private Pending pending;
    private List<Object[]> ready;
    private long lowSeq;
    private long chunkCount;
    private CollapsedTable copyChunk;
    private final LoadedRows loadedRows;
    private TableId started;

    WatermarkSnapshot(String job, Connection source, Map<TableId, TableSchema> schemas, int chunkRows,
                      ReplicationMetrics metrics, Watermarks watermarks, TableReloads reloads, Checkpoint checkpoint,
                      java.util.function.Consumer<TableId> onReload, ZeroDatePolicy zeroDates, LoadedRows loadedRows) {
        this.loadedRows = loadedRows;
        this.onReload = onReload;
        this.zeroDates = zeroDates;
        this.job = job;
        this.source = source;
        this.schemas = schemas;
        this.order = schemas.keySet().stream().sorted().toList();
        this.chunkRows = chunkRows;
        this.metrics = metrics;
        this.watermarks = watermarks;
        this.reloads = reloads;
        this.consumed = checkpoint.position();
        this.progress = checkpoint.phase() == Checkpoint.Phase.SNAPSHOT && checkpoint.snapshotProgress() != null
                ? SnapshotProgress.parse(checkpoint.snapshotProgress(), t -> reader(t).keyKinds())
                : new SnapshotProgress(null, null);
        this.proposed = progress;
        if (!progress.done() && !schemas.containsKey(progress.table())) {
            throw new IllegalStateException("The checkpoint's full load is at table " + progress.table() + ", which the job no "
                    + "longer selects. Restore the table rules, or delete the job's checkpoint to load again.");
        }
    }

    /** The progress of a first full load of every table; {@code targetsEmpty}: the targets were created or emptied. */
    static String initialProgress(Map<TableId, TableSchema> schemas, boolean targetsEmpty) {
        List<TableId> sorted = schemas.keySet().stream().sorted().toList();
        SnapshotProgress first = new SnapshotProgress(sorted.isEmpty() ? null : sorted.get(0), null, null,
                targetsEmpty ? Set.copyOf(sorted) : Set.of(), 0, 0);
        return first.serialize(new ValueKind[0]);
    }

    /** Whether a load is under way. */
    boolean loading() {
        return !progress.done();
    }

    /** Sets each table's state: queued or loading while the load has it ahead, streaming otherwise. */
    void showStates() {
        for (TableId t : order) {
            metrics.table(t).state(progress.pending(t, order) ? TableMetrics.State.QUEUED : TableMetrics.State.STREAMING);
        }
        metrics.state(loading() ? ReplicationMetrics.State.LOADING : ReplicationMetrics.State.STREAMING);
    }

    /** For the binlog decoder: the watermark table's schema, null for other tables. */
    TableSchema schemaOf(TableId table) {
        return watermarks.schemaOf(table);
    }

    /** The transaction without watermark rows. */
    Transaction strip(Transaction txn) {
        return watermarks.strip(txn);
    }

    /**
     * Between batches: answers reload requests, then, if a load is under way and no chunk is waiting, reads the next
     * chunk between its watermarks. Returns the checkpoint, moved if a reload or a chunk was committed here.
     */
    Checkpoint beforeBatch(Warehouse warehouse, Checkpoint checkpoint) throws SQLException {
        checkpoint = answerReloads(warehouse, checkpoint);
        if (progress.done() || pending != null) {
            return checkpoint;
        }
        Read read = takePrefetched();
        if (read == null) {
            read = read(progress, reader(progress.table()), ++chunkCount);
        }
        TableId table = read.table();
        if (!table.equals(started)) {
            metrics.table(table).loading(estimatedRows(table), progress.rows());
            started = table;
        }
        List<Object[]> rows = read.rows();
        Object low = read.low();
        Object high = read.high();
        ChunkWindow window = new ChunkWindow(table, read.reader().schema().primaryKeyIndexes(), rows);
        pending = new Pending(window, low, high, rows.isEmpty() ? progress.afterKey() : read.reader().keyOf(rows.get(rows.size() - 1)),
                rows.size() < chunkRows);
        if (watermarks.passed(low, consumed)) {
            window.open(); // read-only watermarks on a quiet source: the stream is already there
            lowSeq = 0;
            if (watermarks.passed(high, consumed)) {
                ready = window.close();
                Map<TableId, CollapsedTable> tables = new LinkedHashMap<>();
                Checkpoint next = emit(tables, checkpoint);
                if (copyChunk != null) {
                    warehouse.load(copyChunk, checkpoint, next);
                } else {
                    warehouse.apply(tables.values(), CascadePlan.NONE, checkpoint, next);
                }
                applied();
                return next;
            }
        }
        return checkpoint;
    }

    /** A chunk read between its watermarks, from {@code from}. */
    private record Read(TableId table, SnapshotReader reader, SnapshotProgress from, List<Object[]> rows, Object low,
                        Object high) {
    }

    /** Writes the low mark, SELECTs the chunk after {@code from}, writes the high mark. */
    private Read read(SnapshotProgress from, SnapshotReader reader, long chunk) throws SQLException {
        String chunkId = run + ":" + chunk;
        long t0 = System.nanoTime();
        Object low = watermarks.mark(chunkId, true);
        long t1 = System.nanoTime();
        List<Object[]> rows = reader.readChunk(source, from.afterKey());
        long t2 = System.nanoTime();
        Object high = watermarks.mark(chunkId, false);
        LOG.debug("Job {}: chunk {} of {}: {} rows; low mark {} ms, SELECT {} ms, high mark {} ms", job, chunk, from.table(),
                rows.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
        return new Read(from.table(), reader, from, rows, low, high);
    }

    /**
     * Reads the chunk after {@code from} on a thread of its own while the job applies the batch of the last one (the
     * source connection is idle meanwhile); {@link #beforeBatch} waits for it before the stream is read on, so the
     * chunk is known before its low watermark can be seen.
     */
    private void prefetch(SnapshotProgress from) {
        SnapshotReader reader = reader(from.table());
        long chunk = ++chunkCount;
        CompletableFuture<Read> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(read(from, reader, chunk));
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "ferry-snapshot-read-" + job);
        thread.setDaemon(true);
        thread.start();
        prefetched = future;
    }

    /** The prefetched chunk if it is the one after the progress now (a reload may have changed it), else null. */
    private Read takePrefetched() throws SQLException {
        CompletableFuture<Read> future = prefetched;
        if (future == null) {
            return null;
        }
        prefetched = null;
        Read read;
        try {
            read = future.join(); // always waited for: the source connection must be free again
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        boolean same = read.table().equals(progress.table()) && read.from().afterKey() == progress.afterKey();
        return same ? read : null;
    }

    private CompletableFuture<Read> prefetched;

    /**
     * Follows a transaction taken into the batch, in stream order; {@code rowsBefore} is how many row changes the
     * batch held before it. Returns it without watermark rows.
     */
    Transaction observe(Transaction txn, long rowsBefore) {
        consumed = txn.end();
        Transaction data = watermarks.strip(txn);
        if (pending == null || ready != null) {
            return data;
        }
        ChunkWindow window = pending.window();
        if (window.state() == ChunkWindow.State.OPEN) {
            for (RowChange c : data.changes()) {
                window.onChange(c);
            }
        }
        if (window.state() == ChunkWindow.State.WAITING && watermarks.passed(pending.low(), txn)) {
            window.open();
            lowSeq = rowsBefore + data.changes().size();
        }
        if (window.state() == ChunkWindow.State.OPEN && watermarks.passed(pending.high(), txn)) {
            ready = window.close();
        }
        return data;
    }

    /**
     * Drops the chunk under way (its window could not follow every change of the batch, e.g. spilled ones); the next
     * {@link #beforeBatch} reads it again between new watermarks. The progress does not move.
     */
    void discardChunk() {
        pending = null;
        ready = null;
    }

    /** A chunk's window is open: the batch must not end before its high watermark. */
    boolean holdsBatch() {
        return pending != null && ready == null && pending.window().state() == ChunkWindow.State.OPEN;
    }

    /** The stream passed a chunk's high watermark: its rows go into this batch, which ends here. */
    boolean chunkReady() {
        return ready != null;
    }

    /**
     * Puts the ready chunk's rows into the batch's {@code tables} (which hold the stream's changes), or into
     * {@link #copyChunk()} when the batch is nothing else and the target may take a COPY, and returns {@code next}
     * with the snapshot progress after this batch.
     */
    Checkpoint emit(Map<TableId, CollapsedTable> tables, Checkpoint next) {
        copyChunk = null;
        if (progress.done()) {
            return next;
        }
        SnapshotProgress p = progress.touched(tables.keySet());
        if (ready != null) {
            TableId table = pending.window().table();
            TableSchema schema = schemas.get(table);
            if (tables.isEmpty() && p.copy().contains(table)) {
                copyChunk = new CollapsedTable(schema);
                ready.forEach(copyChunk::put);
            } else {
                for (Object[] row : ready) {
                    loadedRows.put(tables, schema, row, lowSeq);
                }
            }
            p = pending.lastOfTable() ? p.next(order) : p.after(pending.lastKey(), pending.window().rowsRead());
            if (!p.done()) {
                prefetch(p);
            }
        }
        proposed = p;
        if (p == progress) {
            return next;
        }
        if (p.done()) {
            return next.streaming();
        }
        return new Checkpoint(next.job(), next.position(), Checkpoint.Phase.SNAPSHOT,
                p.serialize(p.afterKey() == null ? new ValueKind[0] : reader(p.table()).keyKinds()));
    }

    /** Where a chunk's rows join the batch's collapsed tables (in the table's target shape). */
    interface LoadedRows {
        void put(Map<TableId, CollapsedTable> tables, TableSchema source, Object[] row, long seq);
    }

    /** The chunk to COPY straight into its target instead of the batch's merge, or null. */
    CollapsedTable copyChunk() {
        return copyChunk;
    }

    /** The batch (and its chunk, if any) committed with the checkpoint {@link #emit} gave. */
    void applied() {
        if (ready != null) {
            TableId table = pending.window().table();
            int read = pending.window().rowsRead();
            metrics.snapshotRows(read);
            metrics.table(table).loaded(read);
            if (pending.lastOfTable()) {
                metrics.table(table).state(TableMetrics.State.STREAMING);
                started = null;
                LOG.info("Job {}: loaded {} ({} rows in {} chunks)", job, table, progress.rows() + read, progress.chunks() + 1);
            }
            if (proposed.done()) {
                metrics.state(ReplicationMetrics.State.STREAMING);
                LOG.info("Job {}: the full load is done; streaming", job);
            }
            pending = null;
            ready = null;
        }
        progress = proposed;
        copyChunk = null;
    }

    private Checkpoint answerReloads(Warehouse warehouse, Checkpoint checkpoint) throws SQLException {
        TableReloads.Request request;
        while ((request = reloads.poll()) != null) {
            TableId t = request.table();
            if (!schemas.containsKey(t)) {
                request.answer().completeExceptionally(new IllegalArgumentException("Job " + job + " does not replicate " + t));
                continue;
            }
            if (progress.pending(t, order)) {
                request.answer().complete("Job " + job + " is loading " + t + " already (" + (t.equals(progress.table())
                        ? "now" : "queued") + "); nothing more to do.");
                continue;
            }
            SnapshotProgress p = progress.andThen(t, order);
            Checkpoint next = new Checkpoint(checkpoint.job(), checkpoint.position(), Checkpoint.Phase.SNAPSHOT,
                    p.serialize(p.afterKey() == null ? new ValueKind[0] : reader(p.table()).keyKinds()));
            try {
                warehouse.restartLoad(warehouse.dialect().target(schemas.get(t)), checkpoint, next);
            } catch (SQLException | RuntimeException e) {
                request.answer().completeExceptionally(e);
                throw e;
            }
            progress = p;
            proposed = p;
            checkpoint = next;
            metrics.table(t).reloaded();
            onReload.accept(t);
            metrics.state(ReplicationMetrics.State.LOADING);
            LOG.info("Job {}: reloading {} while streaming (target emptied; loaded again in chunks)", job, t);
            request.answer().complete("Job " + job + " reloads " + t + " while it streams: the table was emptied in the "
                    + "warehouse and is being loaded again from the source in chunks; its changes and the other tables' "
                    + "keep flowing.");
        }
        return checkpoint;
    }

    private SnapshotReader reader(TableId table) {
        TableSchema schema = schemas.get(table);
        if (schema == null) {
            throw new IllegalStateException("The checkpoint's full load names table " + table + ", which the job no "
                    + "longer selects. Restore the table rules, or delete the job's checkpoint to load again.");
        }
        return readers.computeIfAbsent(table, t -> new SnapshotReader(schema, chunkRows, zeroDates));
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
}

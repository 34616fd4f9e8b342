package io.ferry.replication;

import io.ferry.replication.mapping.JobMapping;
import io.ferry.warehouse.Checkpoint;
import io.ferry.warehouse.CollapsedTable;
import io.ferry.warehouse.Warehouse;
import io.ferry.warehouse.WarehouseOpener;
import io.ferry.warehouse.TargetPreparation;
import io.ferry.warehouse.TargetTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A replication job from one MySQL/MariaDB source to one PostgreSQL warehouse: pre-flight, then (first run) the
 * target tables are prepared and the binlog head recorded, the selected tables are loaded in chunks, and the binlog
 * is streamed from the recorded position, in batches of whole transactions, each applied with its checkpoint in
 * one warehouse transaction. A restart resumes from the warehouse's checkpoint (mid-load or mid-stream).
 * {@link #run()} blocks until {@link #stop()} or a failure.
 */
public final class ReplicationJob {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicationJob.class);
    /** The checkpoint moves at least this often while only filtered-out transactions arrive. */
    private static final Duration IDLE_CHECKPOINT = Duration.ofSeconds(2);

    private final ReplicationJobSpec spec;
    private final Clock clock;
    private final ReplicationMetrics metrics = new ReplicationMetrics();
    private final ZeroDatePolicy zeroDates;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(60);

    private final java.util.concurrent.CountDownLatch stopSignal = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean running = true;

    private final WarehouseOpener warehouses;
    private final TableReloads reloads = new TableReloads();

    /** A job into the spec's warehouse. */
    public ReplicationJob(ReplicationJobSpec spec, Clock clock) {
        this.spec = spec;
        this.clock = clock;
        this.warehouses = spec.warehouses();
        this.zeroDates = new ZeroDatePolicy(spec.zeroDates(), metrics);
    }

    /** A job into {@code warehouses} instead of the spec's warehouse. */
    public ReplicationJob(ReplicationJobSpec spec, Clock clock, WarehouseOpener warehouses) {
        this(spec.withOpener(warehouses), clock);
    }

    public ReplicationMetrics metrics() {
        return metrics;
    }

    public ReplicationJobSpec spec() {
        return spec;
    }

    /** Asks the job to stop after the batch in flight; {@link #run()} then returns. */
    public void stop() {
        running = false;
        stopSignal.countDown();
    }

    /**
     * Loads {@code table} again while the job streams: between two batches the job empties the target table and
     * queues a new incremental snapshot of it. Completes with what was done, for people.
     */
    public java.util.concurrent.CompletableFuture<String> reload(TableId table) {
        return reloads.request(table);
    }

    /** The selected tables, their schemas and foreign-key actions, after the pre-flight checks. */
    public record Selection(Map<TableId, TableSchema> schemas, CascadePlan cascades) {
    }

    /** Selects the tables and runs the pre-flight checks (throws {@link PreflightException}). */
    public static Selection selectAndCheck(Connection source, TableFilter filter) throws SQLException {
        return selectAndCheck(source, filter, WatermarkMode.AUTO);
    }

    /** As {@link #selectAndCheck(Connection, TableFilter)}, checking the full load's {@code watermarks} too. */
    public static Selection selectAndCheck(Connection source, TableFilter filter, WatermarkMode watermarks) throws SQLException {
        List<TableId> selected = filter.select(SchemaReader.listTables(source));
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("No source table matches '" + filter + "': check the schema.table patterns");
        }
        Map<TableId, TableSchema> schemas = SchemaReader.readAll(source, selected);
        CascadePlan cascades = new CascadePlan(SchemaReader.foreignKeys(source, selected), schemas);
        Preflight.check(source, schemas.values(), cascades, watermarks);
        return new Selection(schemas, cascades);
    }

    /**
     * Runs until {@link #stop()}: after a transient failure (see {@link TransientFailures}) it waits, 1 s doubling up
     * to 60 s, and starts again from the warehouse's checkpoint; any other failure is thrown.
     */
    public void run() throws Exception {
        Duration wait = FIRST_RETRY;
        while (running) {
            long batchesBefore = metrics.batches() + metrics.snapshotRows();
            try {
                runOnce();
                return;
            } catch (Exception e) {
                if (!running || !TransientFailures.isTransient(e)) {
                    metrics.failed(e);
                    metrics.allTables(TableMetrics.State.STOPPED);
                    throw e;
                }
                if (metrics.batches() + metrics.snapshotRows() > batchesBefore) {
                    wait = FIRST_RETRY; // it made progress: start the backoff again
                }
                metrics.retrying(e);
                LOG.warn("Job {}: {}; starting again from the checkpoint in {} s", spec.name(), e.getMessage(), wait.toSeconds());
                stopSignal.await(wait.toMillis(), TimeUnit.MILLISECONDS);
                wait = wait.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait.multipliedBy(2);
            }
        }
        metrics.state(ReplicationMetrics.State.STOPPED);
    }

    private void runOnce() throws Exception {
        try (Connection source = spec.source().connect();
             Warehouse opened = warehouses.open(spec.warehouse(), clock);
             Heartbeat heartbeat = new Heartbeat(spec, clock, metrics)) {
            Selection selection = selectAndCheck(source, spec.tables(), spec.watermarks());
            Map<TableId, TableSchema> asWritten = new LinkedHashMap<>();
            selection.schemas().forEach((id, s) -> asWritten.put(id, zeroDates.target(s)));
            mapping = JobMapping.of(spec.name(), spec.tables().rules(), asWritten, selection.cascades()).check();
            Warehouse warehouse = mapping.wrap(opened, clock);
            heartbeat.prepare(source);
            heartbeat.start();
            Map<TableId, TableSchema> schemas = selection.schemas();
            LOG.info("Job {}: replicating {} table(s): {}", spec.name(), schemas.size(), schemas.keySet());
            if (!selection.cascades().isEmpty()) {
                LOG.info("Job {}: repeats the foreign-key actions of {}", spec.name(), selection.cascades());
            }
            warehouse.knowSchemas(schemas.values());
            schemas.keySet().forEach(metrics::table);
            Checkpoint checkpoint = start(source, warehouse, schemas);
            metrics.position(checkpoint.position());
            if (running) {
                requireBinlog(source, checkpoint.position());
                suspensions = TableSuspensions.load(spec.name(), spec.onError(), warehouse, metrics, schemas.keySet());
                // the full load runs as chunks interleaved with the stream (see WatermarkSnapshot)
                WatermarkSnapshot snapshot = new WatermarkSnapshot(spec.name(), source, schemas, spec.chunkRows(), metrics,
                        spec.watermarks().open(source, spec.name()), reloads, checkpoint, suspensions::reloaded,
                        zeroDates, (tables, schema, row, seq) -> mapping.putLoaded(tables, schema, row, seq,
                        clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
                metrics.streamStarting();
                snapshot.showStates();
                stream(warehouse, schemas, selection.cascades(), checkpoint, heartbeat, snapshot);
            }
            metrics.state(ReplicationMetrics.State.STOPPED);
            metrics.allTables(TableMetrics.State.STOPPED);
        }
    }

    private Checkpoint start(Connection source, Warehouse warehouse, Map<TableId, TableSchema> schemas) throws SQLException {
        Optional<Checkpoint> existing = warehouse.checkpoint(spec.name());
        if (existing.isPresent()) {
            LOG.info("Job {}: resuming from checkpoint {} ({})", spec.name(), existing.get().position(), existing.get().phase());
            return existing.get();
        }
        // Record the head BEFORE reading any row: streaming from here after the load loses nothing.
        BinlogPosition head = SourcePositions.head(source);
        Checkpoint first = new Checkpoint(spec.name(), head, Checkpoint.Phase.SNAPSHOT,
                WatermarkSnapshot.initialProgress(schemas, spec.preparation() != TargetPreparation.DO_NOTHING));
        List<TargetTable> targets = new ArrayList<>();
        schemas.values().forEach(s -> targets.add(warehouse.dialect().target(zeroDates.target(s))));
        warehouse.begin(targets, spec.preparation(), first);
        LOG.info("Job {}: first run, stream from {} while loading the tables", spec.name(), head);
        return first;
    }

    /** Refuses to stream when the checkpoint's binlog file was purged: starting later would skip changes. */
    private void requireBinlog(Connection source, BinlogPosition from) throws SQLException {
        List<String> files = SourcePositions.binlogFiles(source);
        if (!files.contains(from.file())) {
            throw new BinlogPurgedException(spec.name(), from, files.isEmpty() ? "it has no binlog files"
                    : "its oldest binlog file is " + files.get(0));
        }
    }

    private void stream(Warehouse warehouse, Map<TableId, TableSchema> schemas, CascadePlan cascades,
                        Checkpoint checkpoint, Heartbeat heartbeat, WatermarkSnapshot snapshot) throws Exception {
        StreamSchemas followed = StreamSchemas.load(spec, warehouse, schemas, checkpoint.position(), clock);
        var tracker = followed.tracker(spec.tables());
        TransactionAssembler.Schemas heartbeatTable = heartbeat.schemas(Map.of());
        TransactionBuffer buffer = new TransactionBuffer(spec.bufferTransactions(), spec.limits().memoryBytes(), metrics.buffer());
        java.util.concurrent.atomic.AtomicBoolean readerWaits = new java.util.concurrent.atomic.AtomicBoolean(true);
        SpillSpace spill = SpillSpace.open(spec.limits().spillDirectory(), spec.name(), spec.limits().diskBytes(), metrics.buffer());
        TransactionAssembler assembler = new TransactionAssembler(checkpoint.position(),
                id -> tracker.schemaOf(id) != null ? tracker.schemaOf(id)
                        : heartbeatTable.schemaOf(id) != null ? heartbeatTable.schemaOf(id) : snapshot.schemaOf(id),
                tracker::onStatement, read -> {
            Transaction txn = heartbeat.recognise(read);
            metrics.read(snapshot.strip(txn));
            while (running && readerWaits.get() && !buffer.offer(txn, 100, TimeUnit.MILLISECONDS)) {
                // the warehouse is behind: wait (nothing is dropped; the binlog stays on the server)
            }
        }, zeroDates, spill, spec.limits().spillThresholdBytes());
        // Closed in reverse: the reader's wait for room ends first (a failed run's buffer is never taken from again, and
        // the binlog client's disconnect waits for the reader's callback), then its wait for disk, then the files go.
        try (BinlogReader reader = new BinlogReader(spec.name(), spec.source(), spec.serverId(), checkpoint.position(),
                spec.resumeByGtid(), assembler); SpillSpace spillFiles = spill;
             AutoCloseable endWaits = () -> readerWaits.set(false)) {
            reader.start(30_000);
            Instant lastCheckpointWrite = clock.instant();
            while (running) {
                checkpoint = snapshot.beforeBatch(warehouse, checkpoint);
                List<Transaction> batch = takeBatch(buffer, reader, snapshot);
                if (batch.isEmpty()) {
                    continue;
                }
                Transaction last = batch.get(batch.size() - 1);
                Map<TableId, CollapsedTable> tables = new LinkedHashMap<>();
                long changes = 0;
                for (Transaction txn : batch) {
                    for (RowChange change : txn.changes()) {
                        changes++;
                        if (suspensions.isSuspended(change.table())) {
                            continue;
                        }
                        mapping.add(tables, change, changes, followed.current().get(change.table()), cascades);
                    }
                }
                ReplayedBatch replayed = ReplayedBatch.of(batch, t -> followed.current().containsKey(t) && !suspensions.isSuspended(t));
                if (replayed != null) {
                    replayed.touch(tables, followed.current());
                    if (snapshot.chunkReady() || snapshot.holdsBatch()) {
                        // the chunk's window did not see the spilled changes: read that chunk again
                        snapshot.discardChunk();
                    }
                }
                if (changes == 0 && replayed == null && !snapshot.chunkReady() && Duration.between(lastCheckpointWrite, clock.instant()).compareTo(IDLE_CHECKPOINT) < 0
                        && running && !heartbeat.marks(batch) && last.schemaChange() == null && !followed.hasUnsaved()) {
                    // only filtered-out transactions: keep them and move the checkpoint at most every few seconds
                    carried = batch;
                    continue;
                }
                Checkpoint next = snapshot.emit(tables, checkpoint.at(last.end()));
                long a0 = System.nanoTime();
                if (replayed != null) { // a spilled transaction: streamed from disk, never whole in memory
                    changes = replayed.rows();
                    warehouse.applyReplayed(replayed, followed.current(), cascades,
                            followed.beforeBatch(warehouse, last.schemaChange()), checkpoint, next);
                    followed.applied(warehouse, last.schemaChange());
                } else if (snapshot.copyChunk() != null && last.schemaChange() == null && !followed.hasUnsaved()) {
                    warehouse.load(snapshot.copyChunk(), checkpoint, next);
                } else {
                    if (snapshot.copyChunk() != null) {
                        tables.put(snapshot.copyChunk().schema().id(), snapshot.copyChunk());
                    }
                    suspensions.apply(warehouse, tables, cascades, followed.beforeBatch(warehouse, last.schemaChange()), checkpoint, next);
                    followed.applied(warehouse, last.schemaChange());
                }
                buffer.release(batch);
                snapshot.applied();
                LOG.debug("Job {}: batch of {} transactions, {} changes applied in {} ms; buffer {}", spec.name(), batch.size(),
                        changes, (System.nanoTime() - a0) / 1_000_000, buffer.size());
                checkpoint = next;
                lastCheckpointWrite = clock.instant();
                metrics.batchApplied(batch, changes, next.position(), clock.instant());
                heartbeat.applied(batch, lastCheckpointWrite);
            }
        }
    }

    /** The table rules applied to the selected tables (set by each run). */
    private JobMapping mapping;

    /** The tables the error policy set aside (loaded before the stream starts). */
    private TableSuspensions suspensions;

    /** Filtered-out transactions not yet checkpointed; they start the next batch. */
    private List<Transaction> carried = new ArrayList<>();

    /** Whole transactions up to the batch's row or time limit; empty if none arrived within the delay. */
    private List<Transaction> takeBatch(TransactionBuffer buffer, BinlogReader reader, WatermarkSnapshot snapshot)
            throws Exception {
        List<Transaction> batch = new ArrayList<>(carried);
        carried = new ArrayList<>();
        long rows = batch.stream().mapToLong(Transaction::rowCount).sum();
        long deadline = System.nanoTime() + spec.batchMaxDelay().toNanos();
        while (running && (rows < spec.batchMaxRows() || snapshot.holdsBatch())) {
            Throwable failure = reader.failure();
            if (failure != null) {
                throw new ReplicationException("The binlog stream stopped: " + failure.getMessage(), failure);
            }
            buffer.holdOpen(snapshot.holdsBatch());
            long wait = snapshot.holdsBatch() ? 100_000_000L : deadline - System.nanoTime();
            Transaction txn = wait > 0 ? buffer.poll(Math.min(wait, 100_000_000L), TimeUnit.NANOSECONDS) : buffer.poll();
            if (txn == null) {
                if (wait <= 0 || (buffer.full() && rows > 0 && !snapshot.holdsBatch())) {
                    break;
                }
                continue;
            }
            txn = snapshot.observe(txn, rows);
            batch.add(txn);
            rows += txn.rowCount();
            if (txn.schemaChange() != null) {
                break; // rows after a DDL belong to the next batch, with the new schemas
            }
            if (snapshot.chunkReady()) {
                break; // the chunk's rows go in at its high watermark: end the batch there
            }
            if (!snapshot.holdsBatch() && System.nanoTime() - deadline >= 0) {
                break; // a steady trickle of small transactions must not keep a batch open past its delay
            }
        }
        buffer.holdOpen(false);
        return batch;
    }
}

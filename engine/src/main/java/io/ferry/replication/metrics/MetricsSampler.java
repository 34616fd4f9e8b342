package io.ferry.replication.metrics;

import io.ferry.replication.BinlogPosition;
import io.ferry.replication.ReplicationMetrics;
import io.ferry.replication.TableId;
import io.ferry.replication.TableMetrics;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a job's live counters into one {@link MetricsSample} per call (the engine calls it every second) and keeps
 * the last hour in a {@link MetricsHistory}. Rates are the counter differences since the previous call divided by
 * the elapsed time. A job that is started again gets new counters: {@link #track} switches to them without a
 * negative rate. Not thread-safe: one scheduler thread calls it.
 */
public final class MetricsSampler implements AutoCloseable {
    private final HeadProbe head;
    private final PurgeHorizonProbe purge;
    private final Clock clock;
    private final MetricsHistory history;
    private ReplicationMetrics metrics;
    private Instant lastTime;
    private long lastIn;
    private long lastOut;
    private final Map<TableId, long[]> lastTables = new HashMap<>();
    private String headError;

    public MetricsSampler(HeadProbe head, Clock clock, MetricsHistory history) {
        this(head, PurgeHorizonProbe.NONE, clock, history);
    }

    public MetricsSampler(HeadProbe head, PurgeHorizonProbe purge, Clock clock, MetricsHistory history) {
        this.head = head;
        this.purge = purge;
        this.clock = clock;
        this.history = history;
    }

    /** Samples these counters from now on (a new run of the job). */
    public synchronized void track(ReplicationMetrics next) {
        metrics = next;
        lastTime = clock.instant();
        lastIn = next.rowsRead();
        lastOut = next.rowsApplied();
        lastTables.clear();
        next.tables().forEach((t, m) -> lastTables.put(t, new long[]{m.rowsRead(), m.rowsApplied()}));
    }

    /** Takes one sample, adds it to the history and returns it (nothing before {@link #track}). */
    public synchronized MetricsSample sample() {
        if (metrics == null) {
            throw new IllegalStateException("nothing to sample: call track() first");
        }
        Instant now = clock.instant();
        double seconds = Math.max(0.001, Duration.between(lastTime, now).toNanos() / 1e9);
        long in = metrics.rowsRead();
        long out = metrics.rowsApplied();
        Map<TableId, MetricsSample.TableRate> tables = new LinkedHashMap<>();
        metrics.tables().forEach((t, m) -> {
            long[] before = lastTables.getOrDefault(t, new long[2]);
            long tin = m.rowsRead();
            long tout = m.rowsApplied();
            if (tin != before[0] || tout != before[1]) {
                tables.put(t, new MetricsSample.TableRate(Math.max(0, tin - before[0]) / seconds,
                        Math.max(0, tout - before[1]) / seconds));
            }
            lastTables.put(t, new long[]{tin, tout});
        });
        long lagSeconds = -1;
        long lagBytes = -1;
        long lagMillis = -1;
        PurgeHorizon horizon = null;
        BinlogPosition at = metrics.position();
        if (at != null) {
            try {
                BinlogHead h = head.read();
                headError = null;
                lagBytes = SourceLag.bytes(at, h);
                lagMillis = SourceLag.millis(at, h.position(), metrics.oldestPendingCommit(), metrics.lastCommit(), now);
                lagSeconds = lagMillis < 0 ? -1 : lagMillis / 1000;
                horizon = purge.horizon(at, h, now);
            } catch (SQLException | RuntimeException e) {
                headError = "the binlog head is unknown: " + e.getMessage();
            }
        }
        Duration applyLag = metrics.applyLag();
        String error = metrics.lastError() != null ? metrics.lastError() : headError;
        MetricsSample sample = new MetricsSample(now, metrics.state(), Math.max(0, in - lastIn) / seconds,
                Math.max(0, out - lastOut) / seconds, lagSeconds, lagBytes, applyLag == null ? -1 : applyLag.toMillis(),
                metrics.backlogTransactions(), metrics.backlogRows(), metrics.batches(), error, tables, lagMillis, horizon);
        lastTime = now;
        lastIn = in;
        lastOut = out;
        history.add(sample);
        return sample;
    }

    /** Closes the head probe's connection. */
    @Override
    public void close() {
        head.close();
        purge.close();
    }

    public MetricsHistory history() {
        return history;
    }

    /** The state of each table, for callers that show them next to the rates. */
    public synchronized Map<TableId, TableMetrics> tables() {
        return metrics == null ? Map.of() : metrics.tables();
    }
}

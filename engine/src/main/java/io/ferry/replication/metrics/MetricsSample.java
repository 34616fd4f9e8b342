package io.ferry.replication.metrics;

import io.ferry.replication.ReplicationMetrics;
import io.ferry.replication.TableId;

import java.time.Instant;
import java.util.Map;

/**
 * One second of a replication job, as sampled by {@link MetricsSampler}.
 *
 * @param rowsInPerSecond  rows read from the source (binlog row changes and full-load rows) per second
 * @param rowsOutPerSecond rows written to the warehouse per second (changes before collapsing, and full-load rows)
 * @param sourceLagSeconds how far the warehouse is behind the binlog head in time (see {@link SourceLag}); -1 unknown
 * @param sourceLagBytes   binlog bytes between the checkpoint and the head; -1 unknown
 * @param applyLagMillis   source commit → warehouse commit of the last batch; -1 before the first batch
 * @param backlogTransactions transactions read and not yet applied
 * @param backlogRows      row changes read and not yet applied
 * @param batches          batches applied since the job started
 * @param lastError        the last error or retry reason, or null
 * @param tables           rows/s in and out per table (only tables with a non-zero rate)
 * @param sourceLagMillis  the source lag in milliseconds (heartbeat markers are microseconds); -1 unknown
 * @param purgeHorizon     how long the checkpoint's binlog file stays on the source; null unknown
 */
public record MetricsSample(Instant time, ReplicationMetrics.State state, double rowsInPerSecond,
                            double rowsOutPerSecond, long sourceLagSeconds, long sourceLagBytes, long applyLagMillis,
                            long backlogTransactions, long backlogRows, long batches, String lastError,
                            Map<TableId, TableRate> tables, long sourceLagMillis, PurgeHorizon purgeHorizon) {
    public MetricsSample {
        tables = Map.copyOf(tables);
    }

    /** Rows per second of one table in one sample. */
    public record TableRate(double in, double out) {
    }
}

package io.ferry.client;

import java.time.Instant;

/** One second of a replication job, for charts: rows/s in (read) and out (applied), lags (-1 unknown), backlog. */
public record ReplicationSample(Instant time, double rowsInPerSecond, double rowsOutPerSecond, long sourceLagSeconds,
                                long sourceLagBytes, long applyLagMillis, long backlogTransactions, long backlogRows) {
}

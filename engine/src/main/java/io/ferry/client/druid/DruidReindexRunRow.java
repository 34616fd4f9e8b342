package io.ferry.client.druid;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One re-index run of a job, as the console shows it.
 *
 * @param result         "RUNNING", "SUCCEEDED", "FAILED" or "REFUSED"
 * @param rows           rows handed to Druid (after flattening); null when the run did not get that far
 * @param realtimeEvents events the real-time segments held over the interval before the overwrite, or null
 * @param batchEvents    events of the batch input over the interval, or null
 * @param indexTook      how long the index step (the Druid task, with retries) took, or null
 * @param error          why it failed or was refused, or null
 */
public record DruidReindexRunRow(long id, String job, String datasource, Instant startedAt, Instant finishedAt,
                                 Instant intervalStart, Instant intervalEnd, String result, Long rows, Long realtimeEvents,
                                 Long batchEvents, Duration indexTook, List<String> taskIds, List<DruidReindexChunkRow> chunks,
                                 String error) {

    public DruidReindexRunRow {
        taskIds = List.copyOf(taskIds);
        chunks = List.copyOf(chunks);
    }

    /** Batch minus real-time events over the interval; null when either was not measured. */
    public Long eventDifference() {
        return realtimeEvents == null || batchEvents == null ? null : batchEvents - realtimeEvents;
    }

    /** Rows per second of the index task, or null when the run has no rows or no index step. */
    public Double batchRowsPerSecond() {
        if (rows == null || indexTook == null || indexTook.isZero()) {
            return null;
        }
        return rows * 1000.0 / indexTook.toMillis();
    }
}

package io.ferry.client.druid;

import java.time.Instant;

/**
 * One segment chunk of a re-index run: the events the real-time path held before the overwrite and the events of the
 * batch input (each null when not measured).
 */
public record DruidReindexChunkRow(Instant start, Instant end, Long realtimeEvents, Long batchEvents) {

    /** Batch minus real-time: events the real-time path lost (positive) or doubled (negative); null when unknown. */
    public Long difference() {
        return realtimeEvents == null || batchEvents == null ? null : batchEvents - realtimeEvents;
    }
}

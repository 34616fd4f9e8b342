package io.ferry.client.druid;

import java.time.Instant;

/**
 * One version of one interval of a datasource's segment timeline, as the console shows it.
 *
 * @param origin "batch" (made by a Ferry re-index), "real-time" (Kafka) or "unknown"
 * @param state  "available", "overshadowed", "published, not loaded", "real-time, not published", ...
 * @param tiers  where historicals hold it, e.g. "hot×1" or "cold×1", "-" when nowhere
 */
public record DruidTimelineRow(String dataSource, Instant start, Instant end, String version, String origin, String state,
                               int partitions, long rows, long sizeBytes, long replicas, String tiers, boolean overshadowed) {
}

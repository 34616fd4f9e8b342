package io.ferry.druid.status;

/**
 * A Kafka (or other stream) supervisor as the overlord reports it.
 *
 * @param aggregateLag    messages behind the stream's end, all partitions together (null when not reported)
 * @param eventsPerSecond rows processed per second by its running tasks, 1-minute moving average (null when
 *                        no task reports it)
 */
public record SupervisorHealth(String id, String dataSource, String state, String detailedState, boolean healthy,
                               boolean suspended, Long aggregateLag, Double eventsPerSecond) {
}

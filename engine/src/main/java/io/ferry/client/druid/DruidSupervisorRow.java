package io.ferry.client.druid;

/**
 * A stream supervisor: its state, lag and ingest rate.
 *
 * @param lag             messages behind, all partitions (null when Druid does not say)
 * @param eventsPerSecond rows ingested per second, 1-minute moving average of its tasks (null when none runs)
 */
public record DruidSupervisorRow(String id, String dataSource, String state, boolean healthy, boolean suspended, Long lag,
                                 Double eventsPerSecond) {
}

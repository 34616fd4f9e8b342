package io.ferry.druid.reindex;

/** An {@code index_parallel} task a run submitted, with Druid's error when it failed. */
public record TaskRecord(String taskId, int attempt, String status, String error) {
}

package io.ferry.client;

/**
 * One replication job as the engine sees it now, with its latest one-second figures.
 *
 * @param state            STARTING, LOADING, STREAMING, RETRYING, STOPPED or FAILED
 * @param running          whether its thread runs (a RETRYING job runs; a FAILED one does not)
 * @param sourceLagSeconds -1 when unknown
 * @param sourceLagBytes   -1 when unknown
 * @param applyLagMillis   -1 before the first batch
 * @param lastError        the last error or retry reason; null when none
 */
public record ReplicationJobStatus(String name, String source, String target, String tables, String state,
                                   boolean running, double rowsInPerSecond, double rowsOutPerSecond,
                                   long sourceLagSeconds, long sourceLagBytes, long applyLagMillis,
                                   long backlogTransactions, long backlogRows, long batches, String lastError) {
}

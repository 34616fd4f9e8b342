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
 * @param purgeHorizon     e.g. {@code purge horizon 22 h}, with a WARNING from 50 % of the binlog retention used;
 *                         null when unknown
 */
public record ReplicationJobStatus(String name, String source, String target, String tables, String state,
                                   boolean running, double rowsInPerSecond, double rowsOutPerSecond,
                                   long sourceLagSeconds, long sourceLagBytes, long applyLagMillis,
                                   long backlogTransactions, long backlogRows, long batches, String lastError,
                                   String purgeHorizon) {

    /** Without a purge horizon. */
    public ReplicationJobStatus(String name, String source, String target, String tables, String state, boolean running,
                                double rowsInPerSecond, double rowsOutPerSecond, long sourceLagSeconds,
                                long sourceLagBytes, long applyLagMillis, long backlogTransactions, long backlogRows,
                                long batches, String lastError) {
        this(name, source, target, tables, state, running, rowsInPerSecond, rowsOutPerSecond, sourceLagSeconds,
                sourceLagBytes, applyLagMillis, backlogTransactions, backlogRows, batches, lastError, null);
    }
}

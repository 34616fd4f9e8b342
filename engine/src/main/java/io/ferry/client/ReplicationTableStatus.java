package io.ferry.client;

import java.time.Instant;

/**
 * One table of a replication job.
 *
 * @param state       QUEUED, LOADING, LOADED, STREAMING, SUSPENDED or STOPPED
 * @param loadPercent 0..99 while LOADING (of the source's estimate); -1 otherwise
 * @param rowsLoaded  rows of its last full load so far
 * @param changesApplied row changes applied from the binlog (and full-load rows) since the job started
 * @param lastChange  the source commit time of the last change applied to it, or null
 * @param lagMillis   source commit → warehouse commit of that change; -1 when none
 * @param suspendedBecause why the job's error policy suspended the table (state SUSPENDED), or null
 * @param etaSeconds  while LOADING, the time left at the load's rate so far (of the source's estimate); -1 unknown
 */
public record ReplicationTableStatus(String table, String state, int loadPercent, long rowsLoaded, long changesApplied,
                                     Instant lastChange, long lagMillis, double rowsInPerSecond,
                                     double rowsOutPerSecond, String suspendedBecause, long etaSeconds) {
    public ReplicationTableStatus(String table, String state, int loadPercent, long rowsLoaded, long changesApplied,
                                  Instant lastChange, long lagMillis, double rowsInPerSecond, double rowsOutPerSecond) {
        this(table, state, loadPercent, rowsLoaded, changesApplied, lastChange, lagMillis, rowsInPerSecond,
                rowsOutPerSecond, null, -1);
    }

    public ReplicationTableStatus(String table, String state, int loadPercent, long rowsLoaded, long changesApplied,
                                  Instant lastChange, long lagMillis, double rowsInPerSecond, double rowsOutPerSecond,
                                  String suspendedBecause) {
        this(table, state, loadPercent, rowsLoaded, changesApplied, lastChange, lagMillis, rowsInPerSecond,
                rowsOutPerSecond, suspendedBecause, -1);
    }
}

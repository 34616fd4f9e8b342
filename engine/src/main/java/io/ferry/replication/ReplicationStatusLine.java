package io.ferry.replication;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The one-line live status of a job: state, rows/s since the previous line, totals, the checkpoint position and
 * the source lag (0 when the warehouse has reached the binlog head; otherwise the age of the last applied commit,
 * in whole seconds because binlog timestamps are). Keeps one connection to the source for the head position.
 */
public final class ReplicationStatusLine implements AutoCloseable {
    private final ReplicationMetrics metrics;
    private final MySqlSource source;
    private final Clock clock;
    private Connection connection;
    private long lastRows;
    private Instant lastTime;

    public ReplicationStatusLine(ReplicationMetrics metrics, MySqlSource source, Clock clock) {
        this.metrics = metrics;
        this.source = source;
        this.clock = clock;
        this.lastTime = clock.instant();
    }

    public synchronized String next() {
        Instant now = clock.instant();
        long rows = metrics.snapshotRows() + metrics.changesApplied();
        double seconds = Math.max(0.001, Duration.between(lastTime, now).toMillis() / 1000.0);
        long rate = Math.round((rows - lastRows) / seconds);
        lastRows = rows;
        lastTime = now;
        BinlogPosition at = metrics.position();
        return String.format("%-9s %,9d rows/s  loaded %,d  changes %,d  batches %,d  at %s  lag %s%s",
                metrics.state(), rate, metrics.snapshotRows(), metrics.changesApplied(), metrics.batches(),
                at == null ? "-" : at.file() + ":" + at.offset(), lag(at, now),
                metrics.lastError() == null ? "" : "  error: " + metrics.lastError());
    }

    private String lag(BinlogPosition at, Instant now) {
        if (at == null) {
            return "-";
        }
        try {
            if (connection == null || !connection.isValid(1)) {
                connection = source.connect();
            }
            BinlogPosition head = SourcePositions.head(connection);
            if (at.compareTo(head) >= 0) {
                return "0 s";
            }
            Instant last = metrics.lastCommit();
            String bytes = head.file().equals(at.file()) ? String.format(" (%,d bytes)", head.offset() - at.offset()) : " (older file)";
            return (last == null ? "?" : Math.max(0, Duration.between(last, now).toSeconds()) + " s") + bytes;
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}

package io.ferry.replication.validate;

import io.ferry.replication.BinlogPosition;
import io.ferry.replication.SourcePositions;
import io.ferry.warehouse.Checkpoint;
import io.ferry.warehouse.CheckpointTable;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * Waits until the job's warehouse reflects the source as it is now: reads the source's binlog head, then polls the
 * job's checkpoint until it has passed that position. After that, a row read from the source before the head was
 * read is in the warehouse in that state or a later one, which is what lets a chunk that differed be compared again
 * while the job streams.
 */
final class CatchUp {
    private static final Duration POLL = Duration.ofMillis(200);

    private final Connection source;
    private final Connection warehouse;
    private final CheckpointTable checkpoints;
    private final String job;
    private final Duration timeout;

    CatchUp(Connection source, Connection warehouse, CheckpointTable checkpoints, String job, Duration timeout) {
        this.source = source;
        this.warehouse = warehouse;
        this.checkpoints = checkpoints;
        this.job = job;
        this.timeout = timeout;
    }

    /** Null when the checkpoint passed the head within the timeout; otherwise why not. */
    String await() throws SQLException, InterruptedException {
        BinlogPosition head = SourcePositions.head(source);
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<Checkpoint> checkpoint;
        while (true) {
            checkpoint = checkpoints.peek(warehouse, job);
            if (checkpoint.isEmpty()) {
                return "job " + job + " has no checkpoint in the warehouse";
            }
            if (checkpoint.get().phase() == Checkpoint.Phase.STREAMING && checkpoint.get().position().compareTo(head) >= 0) {
                return null;
            }
            if (System.nanoTime() > deadline) {
                return "the job's checkpoint (" + checkpoint.get().position() + ", " + checkpoint.get().phase()
                        + ") did not reach the source's position " + head + " within " + timeout.toSeconds()
                        + " s: is the job running?";
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}

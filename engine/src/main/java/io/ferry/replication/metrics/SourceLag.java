package io.ferry.replication.metrics;

import io.ferry.replication.BinlogPosition;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * How far the warehouse (the job's checkpoint) is behind the source's binlog head.
 *
 * <p>In bytes: within one file the offset difference; across files, the rest of the checkpoint's file, every file
 * in between, and the head's offset, from the sizes {@code SHOW BINARY LOGS} reports.
 *
 * <p>In seconds: 0 once the checkpoint has reached the head; otherwise the age of the oldest source transaction
 * the job has read but not applied (its binlog commit timestamp, whole seconds), or, when it has read none yet, of
 * the last one it applied. This is "binlog head time vs event time" with the head's time taken as now: the head
 * moved past the checkpoint, so something newer than the checkpoint was committed. Heartbeat rows with microsecond
 * timestamps will replace the event headers later.
 */
public final class SourceLag {
    private SourceLag() {
    }

    /** Bytes behind the head; -1 when the checkpoint's file is no longer listed (purged) or sizes are missing. */
    public static long bytes(BinlogPosition checkpoint, BinlogHead head) {
        BinlogPosition at = head.position();
        if (checkpoint.compareTo(at) >= 0) {
            return 0;
        }
        if (checkpoint.file().equals(at.file())) {
            return at.offset() - checkpoint.offset();
        }
        Map<String, Long> sizes = head.fileSizes();
        Long first = sizes.get(checkpoint.file());
        if (first == null) {
            return -1;
        }
        long total = Math.max(0, first - checkpoint.offset());
        for (Map.Entry<String, Long> file : sizes.entrySet()) {
            if (file.getKey().compareTo(checkpoint.file()) > 0 && file.getKey().compareTo(at.file()) < 0) {
                total += file.getValue();
            }
        }
        return total + at.offset();
    }

    /** Seconds behind the head; -1 when unknown (behind, but no commit time seen yet). */
    public static long seconds(BinlogPosition checkpoint, BinlogPosition head, Instant oldestPending,
                               Instant lastApplied, Instant now) {
        long millis = millis(checkpoint, head, oldestPending, lastApplied, now);
        return millis < 0 ? -1 : millis / 1000;
    }

    /**
     * The same in milliseconds: as precise as the commit times, which are heartbeat markers (microseconds) for the
     * heartbeat's transactions and whole seconds for the others.
     */
    public static long millis(BinlogPosition checkpoint, BinlogPosition head, Instant oldestPending,
                              Instant lastApplied, Instant now) {
        if (checkpoint.compareTo(head) >= 0) {
            return 0;
        }
        Instant since = oldestPending != null ? oldestPending : lastApplied;
        if (since == null) {
            return -1;
        }
        return Math.max(0, Duration.between(since, now).toMillis());
    }
}

package io.ferry.druid.reindex;

import java.time.Instant;
import java.util.List;

/** A re-index run as the state store holds it. */
public record RunRecord(long id, String job, String datasource, TimeInterval interval, String triggeredBy,
                        Instant startedAt, Instant finishedAt, RunStatus status, Integer inputFiles, Long inputBytes,
                        Long rowsIn, Long rowsOut, Long rowsRejected, String error, List<StepRecord> steps,
                        List<TaskRecord> tasks, List<String> versions, List<ChunkRecord> chunks) {

    /** Real-time vs batch events over the interval (null when the real-time figures were not taken). */
    public Long eventDifference() {
        long sum = 0;
        boolean any = false;
        for (ChunkRecord c : chunks) {
            if (c.eventDifference() != null) {
                sum += c.eventDifference();
                any = true;
            }
        }
        return any ? sum : null;
    }

    public Long realtimeEvents() {
        return chunks.stream().anyMatch(c -> c.realtime() != null)
                ? chunks.stream().filter(c -> c.realtime() != null).mapToLong(c -> c.realtime().events()).sum() : null;
    }

    public Long batchEvents() {
        return chunks.stream().anyMatch(c -> c.input() != null)
                ? chunks.stream().filter(c -> c.input() != null).mapToLong(c -> c.input().events()).sum() : null;
    }
}

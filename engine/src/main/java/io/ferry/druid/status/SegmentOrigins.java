package io.ferry.druid.status;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Tells batch from real-time versions. Batch is what the re-index run records say ({@code batchVersions});
 * real-time is a version served by a real-time task right now, or one whose lock time falls only inside Kafka
 * tasks' windows. Anything else is {@link SegmentOrigin#UNKNOWN}: a guess would be worse than saying so.
 * ({@code sys.segments.is_realtime} alone is not enough: it means "served only by a real-time task", and a
 * handed-off Kafka segment loses it.)
 */
public final class SegmentOrigins {
    private final Predicate<String> batchVersions;
    private final List<TaskWindow> tasks;

    public SegmentOrigins(Predicate<String> batchVersions, List<TaskWindow> tasks) {
        this.batchVersions = Objects.requireNonNull(batchVersions, "batchVersions");
        this.tasks = List.copyOf(tasks);
    }

    /** Only the run records are known: no task windows. */
    public static SegmentOrigins fromRunRecords(Predicate<String> batchVersions) {
        return new SegmentOrigins(batchVersions, List.of());
    }

    public SegmentOrigin of(String version, boolean servedByRealtimeTask) {
        if (batchVersions.test(version)) {
            return SegmentOrigin.BATCH;
        }
        if (servedByRealtimeTask) {
            return SegmentOrigin.REALTIME;
        }
        Instant lockTime = parse(version);
        if (lockTime == null) {
            return SegmentOrigin.UNKNOWN;
        }
        List<TaskWindow> matching = tasks.stream().filter(t -> t.contains(lockTime)).toList();
        return !matching.isEmpty() && matching.stream().allMatch(TaskWindow::isKafka) ? SegmentOrigin.REALTIME : SegmentOrigin.UNKNOWN;
    }

    private static Instant parse(String version) {
        try {
            return Instant.parse(version);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

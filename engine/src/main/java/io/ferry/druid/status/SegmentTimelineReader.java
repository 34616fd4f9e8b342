package io.ferry.druid.status;

import io.ferry.druid.DruidClient;
import io.ferry.druid.SysTask;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Reads one datasource's {@link SegmentTimeline} from a Druid cluster: three system-table queries on the broker. */
public final class SegmentTimelineReader {
    private final DruidClient druid;

    public SegmentTimelineReader(DruidClient druid) {
        this.druid = druid;
    }

    /**
     * @param from          only intervals ending after this (null: from the first)
     * @param to            only intervals starting before this (null: to the last)
     * @param batchVersions the versions Ferry's re-index runs produced (from the run records)
     */
    public SegmentTimeline read(String dataSource, Instant from, Instant to, Predicate<String> batchVersions) {
        SegmentOrigins origins = new SegmentOrigins(batchVersions, taskWindows(druid.broker().tasks(dataSource)));
        SegmentTimeline all = SegmentTimelineBuilder.build(dataSource, druid.broker().segments(dataSource),
                druid.broker().placements(dataSource), origins);
        return new SegmentTimeline(dataSource, all.intervals().stream()
                .filter(i -> (from == null || i.end().isAfter(from)) && (to == null || i.start().isBefore(to)))
                .toList());
    }

    static List<TaskWindow> taskWindows(List<SysTask> tasks) {
        List<TaskWindow> windows = new ArrayList<>();
        for (SysTask t : tasks) {
            Instant created;
            try {
                created = Instant.parse(t.createdTime());
            } catch (DateTimeParseException | NullPointerException e) {
                continue;
            }
            boolean finished = "SUCCESS".equals(t.status()) || "FAILED".equals(t.status());
            Instant end = finished && t.durationMillis() >= 0 ? created.plus(Duration.ofMillis(t.durationMillis())) : Instant.MAX;
            windows.add(new TaskWindow(t.taskId(), t.type(), created, end));
        }
        return windows;
    }
}

package io.ferry.druid.status;

import java.util.List;

/** The segments of one datasource as a timeline: intervals in time order, each with its versions. */
public record SegmentTimeline(String dataSource, List<IntervalStatus> intervals) {
    public SegmentTimeline {
        intervals = List.copyOf(intervals);
    }
}

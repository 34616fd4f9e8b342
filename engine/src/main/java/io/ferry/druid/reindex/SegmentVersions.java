package io.ferry.druid.reindex;

import io.ferry.druid.SegmentInfo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The used segments of a datasource that overlap an interval, as the coordinator lists them. */
public record SegmentVersions(TimeInterval interval, List<SegmentInfo> segments) {

    public static SegmentVersions of(TimeInterval interval, List<SegmentInfo> all) {
        return new SegmentVersions(interval, all.stream().filter(s -> intervalOf(s).overlaps(interval)).toList());
    }

    public static TimeInterval intervalOf(SegmentInfo s) {
        String[] parts = s.interval().split("/");
        return new TimeInterval(Instant.parse(parts[0]), Instant.parse(parts[1]));
    }

    /** Segments per version, ordered by version. */
    public Map<String, List<SegmentInfo>> byVersion() {
        return segments.stream().collect(Collectors.groupingBy(SegmentInfo::version, TreeMap::new, Collectors.toList()));
    }

    public List<SegmentInfo> in(TimeInterval chunk) {
        return segments.stream().filter(s -> intervalOf(s).overlaps(chunk)).toList();
    }
}

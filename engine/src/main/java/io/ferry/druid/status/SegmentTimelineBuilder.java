package io.ferry.druid.status;

import io.ferry.druid.SegmentPlacement;
import io.ferry.druid.SysSegment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a {@link SegmentTimeline} from what the broker's system tables say: {@code sys.segments} (one row per
 * partition) and the placements ({@code sys.server_segments} joined with {@code sys.servers}). Pure: no I/O.
 */
public final class SegmentTimelineBuilder {
    static final String HISTORICAL = "historical";

    private SegmentTimelineBuilder() {
    }

    public static SegmentTimeline build(String dataSource, List<SysSegment> segments, List<SegmentPlacement> placements,
                                        SegmentOrigins origins) {
        Map<String, List<SegmentPlacement>> bySegment = new HashMap<>();
        placements.forEach(p -> bySegment.computeIfAbsent(p.segmentId(), k -> new ArrayList<>()).add(p));

        // interval → version → partitions; intervals in time order, versions newest first
        Map<String, Map<String, List<SysSegment>>> byInterval = new TreeMap<>(Comparator
                .comparing((String k) -> Instant.parse(k.substring(0, k.indexOf('/'))))
                .thenComparing(k -> Instant.parse(k.substring(k.indexOf('/') + 1))));
        for (SysSegment s : segments) {
            byInterval.computeIfAbsent(s.start() + "/" + s.end(), k -> new TreeMap<>(Comparator.reverseOrder()))
                    .computeIfAbsent(s.version(), k -> new ArrayList<>()).add(s);
        }
        List<IntervalStatus> intervals = new ArrayList<>();
        byInterval.forEach((interval, versions) -> {
            List<VersionStatus> statuses = new ArrayList<>();
            versions.forEach((version, parts) -> statuses.add(version(version, parts, bySegment, origins)));
            int slash = interval.indexOf('/');
            intervals.add(new IntervalStatus(Instant.parse(interval.substring(0, slash)),
                    Instant.parse(interval.substring(slash + 1)), statuses));
        });
        return new SegmentTimeline(dataSource, intervals);
    }

    private static VersionStatus version(String version, List<SysSegment> parts, Map<String, List<SegmentPlacement>> bySegment,
                                         SegmentOrigins origins) {
        long rows = 0;
        long size = 0;
        long replicas = 0;
        int published = 0;
        int available = 0;
        boolean overshadowed = true;
        boolean realtime = false;
        Map<String, Integer> tiers = new LinkedHashMap<>();
        for (SysSegment s : parts) {
            rows += s.numRows();
            size += s.size();
            replicas += s.numReplicas();
            published += s.published() ? 1 : 0;
            available += s.available() ? 1 : 0;
            overshadowed &= s.overshadowed();
            realtime |= s.realtime();
            for (SegmentPlacement p : bySegment.getOrDefault(s.segmentId(), List.of())) {
                if (HISTORICAL.equals(p.serverType())) {
                    tiers.merge(p.tier(), 1, Integer::sum);
                } else {
                    realtime = true; // served by an indexer-executor / peon: a real-time task
                }
            }
        }
        return new VersionStatus(version, origins.of(version, realtime), parts.size(), rows, size, published, available,
                overshadowed, replicas, tiers, realtime);
    }
}

package io.ferry.cli;

import io.ferry.druid.status.IntervalStatus;
import io.ferry.druid.status.SegmentTimeline;
import io.ferry.druid.status.VersionStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A segment timeline as a plain-text table: one line per interval and version, the active version first. */
final class SegmentTimelineText {
    static final List<String> HEADER = List.of("INTERVAL", "VERSION", "ORIGIN", "STATE", "PARTS", "ROWS", "SIZE",
            "REPLICAS", "TIERS");

    private SegmentTimelineText() {
    }

    static String render(SegmentTimeline timeline) {
        if (timeline.intervals().isEmpty()) {
            return "Datasource " + timeline.dataSource() + ": no segments in the given range.\n";
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        int versions = 0;
        for (IntervalStatus interval : timeline.intervals()) {
            String name = interval.start() + "/" + interval.end();
            for (VersionStatus v : interval.versions()) {
                rows.add(List.of(name, v.version(), v.origin().label(), v.state(), Integer.toString(v.partitions()),
                        String.format(Locale.ROOT, "%,d", v.rows()), Bytes.human(v.sizeBytes()), Long.toString(v.replicas()),
                        tiers(v)));
                name = "";
                versions++;
            }
        }
        return "Datasource " + timeline.dataSource() + ": " + timeline.intervals().size() + " interval(s), " + versions
                + " version(s)\n" + Table.render(rows);
    }

    private static String tiers(VersionStatus v) {
        StringBuilder text = new StringBuilder();
        v.replicasByTier().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> text.append(text.isEmpty() ? "" : ", ").append(e.getKey()).append('×').append(e.getValue()));
        if (v.servedByRealtimeTask()) {
            text.append(text.isEmpty() ? "" : ", ").append("real-time task");
        }
        return text.isEmpty() ? "-" : text.toString();
    }
}

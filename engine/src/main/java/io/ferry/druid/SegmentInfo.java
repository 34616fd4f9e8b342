package io.ferry.druid;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.List;

/**
 * A used segment as the coordinator's metadata has it: its interval, version (the task's lock time, which orders
 * overwrites), partition, size on disk, columns, and whether a newer version covers it ({@code overshadowed}).
 */
public record SegmentInfo(String id, String dataSource, String interval, String version, int partition, long size,
                          List<String> dimensions, List<String> metrics, boolean overshadowed) {

    /** One element of {@code /druid/coordinator/v1/metadata/segments?includeOvershadowedStatus}. */
    static SegmentInfo from(JsonNode withStatus) {
        JsonNode s = withStatus.has("dataSegment") ? withStatus.get("dataSegment") : withStatus;
        String dataSource = TaskStatus.text(s, "dataSource");
        String interval = TaskStatus.text(s, "interval");
        String version = TaskStatus.text(s, "version");
        int partition = s.path("shardSpec").path("partitionNum").asInt(0);
        String id = TaskStatus.text(s, "id");
        if (id == null) {
            id = TaskStatus.text(s, "identifier");
        }
        if (id == null) {
            id = dataSource + "_" + interval.replace('/', '_') + "_" + version + (partition == 0 ? "" : "_" + partition);
        }
        return new SegmentInfo(id, dataSource, interval, version, partition, s.path("size").asLong(0),
                names(s.path("dimensions")), names(s.path("metrics")), withStatus.path("overshadowed").asBoolean(false));
    }

    private static List<String> names(JsonNode commaSeparated) {
        String text = commaSeparated.asText("");
        return text.isEmpty() ? List.of() : Arrays.asList(text.split(","));
    }
}

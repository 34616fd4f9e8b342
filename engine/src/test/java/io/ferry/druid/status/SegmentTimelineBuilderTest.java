package io.ferry.druid.status;

import io.ferry.druid.SegmentPlacement;
import io.ferry.druid.SysSegment;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentTimelineBuilderTest {
    private static final String H10 = "2024-05-01T10:00:00.000Z";
    private static final String H11 = "2024-05-01T11:00:00.000Z";
    private static final String H12 = "2024-05-01T12:00:00.000Z";
    private static final String KAFKA_V = "2024-05-01T10:00:05.000Z";
    private static final String BATCH_V = "2024-05-01T15:00:00.000Z";

    private static SysSegment seg(String start, String end, String version, int partition, long rows, boolean published,
                                  boolean available, boolean realtime, boolean overshadowed) {
        String id = "ads_" + start + "_" + end + "_" + version + "_" + partition;
        return new SysSegment(id, "ads", start, end, version, partition, 1000 + rows, rows, available ? 1 : 0, published, available,
                realtime, overshadowed, published && !overshadowed);
    }

    private static SegmentPlacement on(SysSegment s, String serverType, String tier) {
        return new SegmentPlacement(s.segmentId(), s.start(), s.end(), s.version(), serverType + "-" + tier, serverType, tier);
    }

    @Test
    void versionsAreGroupedPerIntervalNewestFirstWithOriginStateAndTiers() {
        SysSegment kafka0 = seg(H10, H11, KAFKA_V, 0, 90, true, true, false, true);
        SysSegment kafka1 = seg(H10, H11, KAFKA_V, 1, 5, true, true, false, true);
        SysSegment batch = seg(H10, H11, BATCH_V, 0, 100, true, true, false, false);
        SysSegment live = seg(H11, H12, "2024-05-01T11:00:01.000Z", 0, 7, false, true, true, false);
        List<SegmentPlacement> placements = List.of(on(kafka0, "historical", "hot"), on(kafka1, "historical", "hot"),
                on(batch, "historical", "hot"), on(batch, "historical", "cold"), on(live, "indexer-executor", "_default_tier"));
        SegmentOrigins origins = new SegmentOrigins(Set.of(BATCH_V)::contains,
                List.of(new TaskWindow("index_kafka_ads_1", "index_kafka", Instant.parse("2024-05-01T10:00:00Z"), Instant.parse("2024-05-01T11:00:30Z"))));

        SegmentTimeline t = SegmentTimelineBuilder.build("ads", List.of(batch, kafka1, live, kafka0), placements, origins);

        assertThat(t.intervals()).extracting(i -> i.start().toString()).containsExactly("2024-05-01T10:00:00Z", "2024-05-01T11:00:00Z");
        IntervalStatus first = t.intervals().get(0);
        assertThat(first.versions()).extracting(VersionStatus::version).containsExactly(BATCH_V, KAFKA_V);
        VersionStatus b = first.versions().get(0);
        assertThat(b.origin()).isEqualTo(SegmentOrigin.BATCH);
        assertThat(b.state()).isEqualTo("available");
        assertThat(b.replicasByTier()).isEqualTo(Map.of("hot", 1, "cold", 1));
        assertThat(b.tiers()).isEqualTo("cold+hot");
        VersionStatus k = first.versions().get(1);
        assertThat(k.origin()).as("lock time inside a Kafka task's window").isEqualTo(SegmentOrigin.REALTIME);
        assertThat(k.state()).isEqualTo("overshadowed");
        assertThat(k.partitions()).isEqualTo(2);
        assertThat(k.rows()).isEqualTo(95);
        assertThat(k.sizeBytes()).isEqualTo(2095);
        assertThat(first.active()).hasValue(b);

        VersionStatus l = t.intervals().get(1).versions().get(0);
        assertThat(l.origin()).isEqualTo(SegmentOrigin.REALTIME);
        assertThat(l.servedByRealtimeTask()).isTrue();
        assertThat(l.state()).isEqualTo("real-time, not published");
        assertThat(l.replicasByTier()).as("only historicals count as tiers").isEmpty();
    }

    @Test
    void aVersionNoRecordOrKafkaTaskExplainsIsUnknown() {
        SysSegment other = seg(H10, H11, "2024-05-02T08:00:00.000Z", 0, 10, true, false, false, false);
        SegmentOrigins origins = new SegmentOrigins(v -> false, List.of(
                new TaskWindow("index_kafka_1", "index_kafka", Instant.parse("2024-05-02T07:00:00Z"), Instant.parse("2024-05-02T09:00:00Z")),
                new TaskWindow("index_parallel_1", "index_parallel", Instant.parse("2024-05-02T07:59:00Z"), Instant.parse("2024-05-02T08:01:00Z"))));

        VersionStatus v = SegmentTimelineBuilder.build("ads", List.of(other), List.of(), origins).intervals().get(0).versions().get(0);

        assertThat(v.origin()).as("a batch task Ferry did not record ran then too").isEqualTo(SegmentOrigin.UNKNOWN);
        assertThat(v.state()).isEqualTo("published, not loaded");
        assertThat(v.tiers()).isEqualTo("-");
    }
}

package io.ferry.app.druid;

import io.ferry.client.druid.DruidReindexChunkRow;
import io.ferry.client.druid.DruidReindexJobRow;
import io.ferry.client.druid.DruidReindexRunRow;
import io.ferry.client.druid.DruidSupervisorRow;
import io.ferry.client.druid.DruidTaskRow;
import io.ferry.client.druid.DruidTimelineRow;

import java.time.Instant;
import java.util.List;

/** A small lambda-architecture datasource: one hour re-indexed (batch over real-time), one hour still real-time. */
final class DruidFixtures {
    static final Instant H10 = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant H11 = Instant.parse("2026-03-01T11:00:00Z");
    static final Instant H12 = Instant.parse("2026-03-01T12:00:00Z");

    static final DruidTimelineRow BATCH_10 = new DruidTimelineRow("ads", H10, H11, "2026-03-01T15:00:00.000Z", "batch", "available",
            1, 1000, 40_000, 1, "hot×1", false);
    static final DruidTimelineRow KAFKA_10 = new DruidTimelineRow("ads", H10, H11, "2026-03-01T10:00:02.000Z", "real-time", "overshadowed",
            2, 990, 45_000, 2, "hot×2", true);
    static final DruidTimelineRow KAFKA_11 = new DruidTimelineRow("ads", H11, H12, "2026-03-01T11:00:01.000Z", "real-time", "available",
            1, 700, 30_000, 1, "hot×1", false);
    static final List<DruidTimelineRow> ADS = List.of(BATCH_10, KAFKA_10, KAFKA_11);
    static final List<DruidTimelineRow> CLICKS = List.of(new DruidTimelineRow("clicks", H10, H12, "2026-03-01T13:00:00.000Z",
            "unknown", "available", 1, 5, 900, 1, "cold×1", false));

    static DruidSupervisorRow supervisor(double eventsPerSecond) {
        return new DruidSupervisorRow("ads", "ads", "RUNNING", true, false, 42L, eventsPerSecond);
    }

    static final DruidTaskRow KAFKA_TASK = new DruidTaskRow("index_kafka_ads_abc", "index_kafka", "ads", "RUNNING", "RUNNING",
            "2026-03-01T11:00:00Z");

    static final DruidReindexJobRow ADS_JOB = new DruidReindexJobRow("ads-hourly", "ads", "4h", "s3://events/raw/ad_events/");

    /** A run of hour 10: the batch input had 1,000 events, the real-time segments 990; 1,000 rows indexed in 4 s. */
    static final DruidReindexRunRow RUN_10 = new DruidReindexRunRow(7, "ads-hourly", "ads", H12.plusSeconds(3 * 3600),
            H12.plusSeconds(3 * 3600 + 60), H10, H11, "SUCCEEDED", 1000L, 990L, 1000L, java.time.Duration.ofSeconds(4),
            List.of("index_parallel_ads_x"), List.of(new DruidReindexChunkRow(H10, H11, 990L, 1000L)), null);

    private DruidFixtures() {
    }
}

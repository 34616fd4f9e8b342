package io.ferry.engine;

import io.ferry.config.ConfigLoader;
import io.ferry.config.FerryConfig;
import io.ferry.state.StateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EngineJobsTest {

    @Test
    void genlogAndDruidReindexJobsBothBecomeScheduledWork(@TempDir Path dataDir) {
        FerryConfig config = ConfigLoader.parse("""
                dataDir: %s
                connections:
                  shop: { type: mysql, host: db, user: ferry }
                  druid: { type: druid, coordinatorUrl: "http://127.0.0.1:1", brokerUrl: "http://127.0.0.1:1" }
                  lake: { type: s3, endpoint: "http://127.0.0.1:1", region: us-east-1, bucket: ferry }
                jobs:
                  shop-genlog:
                    type: genlog
                    connection: shop
                    checkEvery: 2m
                  ads:
                    type: druid-reindex
                    druid: druid
                    datasource: ad_events
                    input: { s3: lake, prefix: raw/ad_events/ }
                    staging: { s3: lake, prefix: staging/ }
                    every: 4h
                    lookback: 2d
                """.formatted(dataDir), dataDir.resolve("ferry.yaml"));

        try (StateStore state = StateStore.open(dataDir)) {
            List<EngineJobs.Job> jobs = EngineJobs.from(config, state, Clock.systemUTC());

            assertThat(jobs).extracting(j -> j.work().name()).containsExactly("shop-genlog", "ads");
            assertThat(jobs).extracting(j -> j.work().every()).containsExactly(Duration.ofMinutes(2), Duration.ofHours(4));
            assertThat(jobs.get(0).description()).startsWith("shop-genlog: general log of shop");
            assertThat(jobs.get(1).description())
                    .isEqualTo("ads: Druid re-index of ad_events, closed intervals of the last 48h, checked every 4h");
        }
    }
}

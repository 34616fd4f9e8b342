package io.ferry.config;

import io.ferry.config.DruidReindexJobConfig.Completeness;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DruidReindexJobConfigTest {
    private static final Path FILE = Path.of("/etc/ferry/ferry.yaml");
    private static final String CONNECTIONS = """
            connections:
              druid: { type: druid, coordinatorUrl: "http://127.0.0.1:8081", brokerUrl: "http://127.0.0.1:8082" }
              lake: { type: s3, endpoint: "http://127.0.0.1:9000", region: us-east-1, bucket: ferry }
              shop: { type: mysql, host: db, user: u }
            """;

    @Test
    void aFullJobIsBound() {
        FerryConfig config = ConfigLoader.parse(CONNECTIONS + """
                jobs:
                  ads:
                    type: druid-reindex
                    druid: druid
                    datasource: ad_events
                    input: { s3: lake, prefix: raw/ad_events }
                    staging: { s3: lake, prefix: staging/, urlExpiry: 2h }
                    flattenSpec: specs/ad.yaml
                    segmentGranularity: HOUR
                    batchChunks: 4
                    completeness: expectedHours
                    supervisor: ad_events
                    taskDuration: 2m
                    completionTimeout: 5m
                    lateMessageRejectionPeriod: 3h
                    every: 4h
                    lookback: 1d
                    retries: 2
                    backoff: 10s
                    taskTimeout: 30m
                    loadTimeout: 5m
                """, FILE);

        DruidReindexJobConfig job = config.jobs(DruidReindexJobConfig.class).get(0);
        assertThat(job.name()).isEqualTo("ads");
        assertThat(job.druid().name()).isEqualTo("druid");
        assertThat(job.input().location()).isInstanceOfSatisfying(DruidReindexJobConfig.S3.class, s3 -> {
            assertThat(s3.connection().bucket()).isEqualTo("ferry");
            assertThat(s3.prefix()).isEqualTo("raw/ad_events/");
        });
        assertThat(job.staging().urlExpiry()).isEqualTo(Duration.ofHours(2));
        assertThat(job.flattenSpec()).contains(Path.of("/etc/ferry/specs/ad.yaml"));
        assertThat(job.completeness()).isEqualTo(Completeness.EXPECTED_HOURS);
        assertThat(job.supervisor()).contains("ad_events");
        assertThat(job.timing()).isEqualTo(new DruidReindexJobConfig.Timing(Duration.ofMinutes(2), Duration.ofMinutes(5),
                Duration.ofHours(3)));
        assertThat(job.retries()).isEqualTo(2);
        assertThat(job.loadTimeout()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theShippedExampleHasAReindexJob() {
        FerryConfig config = ConfigLoader.load(Path.of("..", "resources", "ferry.example.yaml"));
        DruidReindexJobConfig job = config.jobs(DruidReindexJobConfig.class).get(0);
        assertThat(job.name()).isEqualTo("ad-events-reindex");
        assertThat(job.input().location().describe()).isEqualTo("s3://ferry-staging/raw/ad_events/ (connection lake)");
        assertThat(job.supervisor()).contains("ad_events");
    }

    @Test
    void defaultsFillTheRest() {
        DruidReindexJobConfig job = ConfigLoader.parse(CONNECTIONS + """
                jobs:
                  ads: { type: druid-reindex, druid: druid, input: { local: /data/raw }, staging: { local: /shared/staging } }
                """, FILE).jobs(DruidReindexJobConfig.class).get(0);
        assertThat(job.datasource()).isEqualTo("ad_events");
        assertThat(job.input().location()).isEqualTo(new DruidReindexJobConfig.Local(Path.of("/data/raw"), ""));
        assertThat(job.flattenSpec()).isEqualTo(Optional.empty());
        assertThat(job.druidFlattenSpec()).isFalse();
        assertThat(job.segmentGranularity()).isEqualTo("HOUR");
        assertThat(job.batchChunks()).isEqualTo(4);
        assertThat(job.completeness()).isEqualTo(Completeness.MANIFEST);
        assertThat(job.every()).isEqualTo(Duration.ofHours(4));
        assertThat(job.retries()).isEqualTo(3);
    }

    @Test
    void mistakesAreReportedWithLineAndKey() {
        List<ConfigProblem> problems = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(CONNECTIONS + """
                jobs:
                  ads:
                    type: druid-reindex
                    druid: shop
                    input: { s3: lake, local: /x }
                    staging: { s3: nowhere, urlExpiry: soon }
                    segmentGranularity: MINUTE
                    completeness: manifests
                    batchChunk: 4
                """, FILE)).problems();

        assertThat(problems).extracting(ConfigProblem::toString).containsExactly(
                "/etc/ferry/ferry.yaml:8:12: jobs.ads.druid: 'shop' is a mysql connection; expected a druid connection (druid)",
                "/etc/ferry/ferry.yaml:9:12: jobs.ads.input: write either s3 (with prefix) or local, not both",
                "/etc/ferry/ferry.yaml:10:20: jobs.ads.staging.s3: no connection is named 'nowhere'; expected an s3 connection (lake)",
                "/etc/ferry/ferry.yaml:10:40: jobs.ads.staging.urlExpiry: expected a duration such as 500ms, 30s, 5m, 4h or 1d;"
                        + " found 'soon'",
                "/etc/ferry/ferry.yaml:11:25: jobs.ads.segmentGranularity: expected one of HOUR, SIX_HOUR, EIGHT_HOUR, DAY; found 'MINUTE'",
                "/etc/ferry/ferry.yaml:12:19: jobs.ads.completeness: expected one of manifest, expectedHours; found 'manifests'"
                        + " (did you mean 'manifest'?)",
                "/etc/ferry/ferry.yaml:13:5: jobs.ads.batchChunk: unknown key; did you mean 'batchChunks'? the keys of a druid-reindex"
                        + " job are: type, druid, datasource, input, staging, flattenSpec, druidFlattenSpec, segmentGranularity,"
                        + " batchChunks, completeness, supervisor, taskDuration, completionTimeout, lateMessageRejectionPeriod, every,"
                        + " lookback, retries, backoff, taskTimeout, loadTimeout");
    }
}

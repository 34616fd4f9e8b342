package io.ferry.sandbox.druid;

import io.ferry.druid.DruidClient;
import io.ferry.druid.lambda.DeliveryReport;
import io.ferry.druid.lambda.HourManifest;
import io.ferry.druid.lambda.KafkaTopics;
import io.ferry.druid.lambda.RawEventLayout;
import io.ferry.druid.lambda.RawEventStore;
import io.ferry.sandbox.S3Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What {@code ferry sandbox --with-druid} sets up, against the real Druid, Kafka and S3Proxy: the topic, the
 * supervisor with its late-message limit, the back-filled hour in Druid exactly as the producer reports and in S3 as
 * complete raw files, and the live feed of the current hour reaching Druid.
 */
@ExtendWith(DruidSandboxExtension.class)
class LambdaSandboxIT {
    private static final String DATASOURCE = "ferry_it_lambda_sandbox";
    private static final String TOPIC = "ferry-it-lambda-sandbox";
    private static final Duration TIMEOUT = Duration.ofMinutes(4);

    @Test
    void backFilledHourAndLiveFeedReachDruidAndTheRawFilesAreComplete(DruidEndpoints endpoints, DruidClient druid,
                                                                      @TempDir Path s3Dir) throws Exception {
        LambdaSandbox.Options options = new LambdaSandbox.Options(1, 1_200, 0.02, 0.02, 99, LambdaSandbox.Options.rejectionFor(1), true);
        List<String> progress = new CopyOnWriteArrayList<>();
        try (S3Server s3 = S3Server.start(s3Dir, s3Dir.resolve("access"), s3Dir.resolve("secret"));
             LambdaSandbox lambda = LambdaSandbox.start(endpoints, s3.endpoint(), DATASOURCE, TOPIC, options, progress::add);
             S3Client client = S3Server.newClient(s3.endpoint())) {
            String id = lambda.supervisorId();
            try {
                Instant hour = lambda.backfillFrom();
                assertThat(hour).isEqualTo(Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1)))
                        .isEqualTo(lambda.backfillTo().minus(Duration.ofHours(1)));
                DeliveryReport report = lambda.backfill();
                assertThat(report.events()).isEqualTo(1_200);
                assertThat(report.hour(hour).expectedInDruid()).isEqualTo(1_200 - report.dropped() + report.duplicated());
                assertThat(progress).anyMatch(p -> p.contains("Kafka topic " + TOPIC + " ready (2 partitions)"))
                        .anyMatch(p -> p.contains("lateMessageRejectionPeriod PT2H10M"))
                        .anyMatch(p -> p.contains(String.format("%,d dropped", report.dropped())));
                assertThat(KafkaTopics.partitions(endpoints.kafkaBootstrapServers(), TOPIC)).isEqualTo(2);
                assertThat(druid.supervisors().spec(id)).hasValueSatisfying(s -> {
                    assertThat(Duration.parse(s.at("/spec/ioConfig/lateMessageRejectionPeriod").asText())).isEqualTo(Duration.parse("PT2H10M"));
                    assertThat(s.at("/spec/ioConfig/topic").asText()).isEqualTo(TOPIC);
                    assertThat(s.at("/spec/ioConfig/useEarliestOffset").asBoolean()).isTrue();
                });

                RawEventStore store = RawEventStore.s3(client, s3.endpoint().bucket());
                RawEventLayout layout = RawEventLayout.standard();
                HourManifest manifest = HourManifest.parse(new String(store.get(layout.manifestKey(hour)).orElseThrow(),
                        StandardCharsets.UTF_8), layout.manifestKey(hour));
                assertThat(manifest.events()).isEqualTo(1_200);
                assertThat(lambda.backfillFiles()).containsExactly(manifest);

                await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().untilAsserted(() ->
                        assertThat(eventCount(druid, hour)).isEqualTo(report.expectedInDruid()));
                // The live feed sends the current hour's events as their time comes.
                Instant current = hour.plus(Duration.ofHours(1));
                await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().untilAsserted(() ->
                        assertThat(eventCount(druid, current) + eventCount(druid, current.plus(Duration.ofHours(1)))).isPositive());
                assertThat(lambda.messagesSent()).isGreaterThan(report.messages());
                assertThat(lambda.liveError()).isNull();
            } finally {
                druid.supervisors().terminate(id);
            }
        }
    }

    private static long eventCount(DruidClient druid, Instant hour) {
        return druid.broker().sql("SELECT COALESCE(SUM(\"count\"), 0) AS n FROM \"" + DATASOURCE + "\" WHERE __time >= MILLIS_TO_TIMESTAMP("
                + hour.toEpochMilli() + ") AND __time < MILLIS_TO_TIMESTAMP(" + hour.plus(Duration.ofHours(1)).toEpochMilli() + ")").singleLong();
    }
}

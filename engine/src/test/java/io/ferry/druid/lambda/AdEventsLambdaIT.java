package io.ferry.druid.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.druid.DruidClient;
import io.ferry.druid.DruidException;
import io.ferry.druid.KafkaSupervisorSpec;
import io.ferry.druid.SupervisorStatus;
import io.ferry.druid.SupervisorSummary;
import io.ferry.sandbox.S3Server;
import io.ferry.sandbox.druid.DruidEndpoints;
import io.ferry.sandbox.druid.DruidSandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * The real-time half of the lambda setup against the real local Druid and Kafka, and the raw files of the batch half
 * in a real S3 API (S3Proxy): events of a past hour, some dropped and some doubled by the producer, reach Druid
 * exactly as the producer reports, while the raw files of the hour hold every event. Supervisor status, lag,
 * suspend and resume are exercised on the way.
 */
@ExtendWith(DruidSandboxExtension.class)
class AdEventsLambdaIT {
    private static final Logger LOG = LoggerFactory.getLogger(AdEventsLambdaIT.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATASOURCE = "ferry_it_ad_events";
    private static final String TOPIC = "ferry-it-ad-events";
    private static final Duration INGEST_TIMEOUT = Duration.ofMinutes(4);
    private static final int EVENTS = 3_000;
    private static final int EVENTS_WHILE_SUSPENDED = 700;

    @Test
    void realTimeCountIsEventsMinusDropsPlusDuplicatesAndRawFilesHoldEveryEvent(DruidEndpoints endpoints, DruidClient druid,
                                                                                 @TempDir Path s3Dir) throws Exception {
        String kafka = endpoints.kafkaBootstrapServers();
        assertThat(KafkaTopics.ensure(kafka, TOPIC, 2)).isEqualTo(2);
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
        AdEventGenerator generator = new AdEventGenerator(2026);
        FaultPlan faults = new FaultPlan(7, 0.02, 0.03);
        List<AdEvent> events = generator.hour(hour, EVENTS);

        DeliveryReport sent;
        long t0 = System.nanoTime();
        try (AdEventProducer producer = new AdEventProducer(kafka, TOPIC)) {
            sent = producer.send(events, faults, 4_000);
            assertThat(producer.messagesSent()).isEqualTo(sent.messages());
        }
        Duration sending = Duration.ofNanos(System.nanoTime() - t0);
        LOG.info("sent {} messages for {} events ({} dropped, {} doubled) in {} ms", sent.messages(), sent.events(),
                sent.dropped(), sent.duplicated(), sending.toMillis());
        assertThat(sending).as("4,000 messages/s").isGreaterThanOrEqualTo(Duration.ofMillis((sent.messages() - 1) * 1000L / 4_000));
        assertThat(sent.events()).isEqualTo(EVENTS);
        assertThat(sent.dropped()).isPositive();
        assertThat(sent.duplicated()).isPositive();
        long expected = EVENTS - sent.dropped() + sent.duplicated();
        assertThat(sent.hour(hour).expectedInDruid()).isEqualTo(expected);
        long expectedRevenue = revenueDelivered(events, sent);

        // The batch half's input: every event of the hour, whatever Kafka lost or doubled.
        try (S3Server s3 = S3Server.start(s3Dir, s3Dir.resolve("access"), s3Dir.resolve("secret"));
             S3Client client = S3Server.newClient(s3.endpoint())) {
            RawEventStore store = RawEventStore.s3(client, s3.endpoint().bucket());
            RawEventWriter writer = new RawEventWriter(store, RawEventLayout.standard(), 1_000);
            HourManifest written = writer.writeHour(hour, events);
            assertRawFilesHoldEveryEvent(store, hour, events, written);
        }

        KafkaSupervisorSpec spec = AdEventsDatasource.supervisor(DATASOURCE, TOPIC, kafka);
        String id = druid.supervisors().submit(spec);
        try {
            assertThat(id).isEqualTo(DATASOURCE);
            assertThat(druid.supervisors().ids()).contains(id);
            assertThat(druid.supervisors().spec(id)).hasValueSatisfying(s ->
                    assertThat(Duration.parse(s.at("/spec/ioConfig/lateMessageRejectionPeriod").asText())).isEqualTo(Duration.ofHours(3)));

            awaitEventCount(druid, hour, expected);
            assertThat(revenue(druid, hour)).isEqualTo(expectedRevenue);
            await().atMost(INGEST_TIMEOUT).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().untilAsserted(() -> {
                SupervisorStatus status = druid.supervisors().status(id);
                assertThat(status.state()).isEqualTo("RUNNING");
                assertThat(status.detailedState()).isEqualTo("RUNNING");
                assertThat(status.healthy()).isTrue();
                assertThat(status.suspended()).isFalse();
                assertThat(status.stream()).isEqualTo(TOPIC);
                assertThat(status.partitions()).isEqualTo(2);
                assertThat(status.activeTasks()).isPositive();
                assertThat(status.lag()).isNotNull();
                assertThat(status.lag().perPartition()).containsOnlyKeys(0, 1).allSatisfy((p, lag) -> assertThat(lag).isZero());
                assertThat(status.lag().total()).isZero();
            });
            // Exactly-once: with every message read (lag 0), the count has not crept past the expected figure.
            assertThat(eventCount(druid, hour)).isEqualTo(expected);
            assertThat(druid.supervisors().list()).filteredOn(s -> s.id().equals(id)).singleElement()
                    .extracting(SupervisorSummary::state).isEqualTo("RUNNING");

            // Suspended: nothing is read, the lag grows; resumed: the events arrive and the lag is gone again.
            druid.supervisors().suspend(id);
            await().atMost(INGEST_TIMEOUT).ignoreExceptions().untilAsserted(() -> {
                SupervisorStatus status = druid.supervisors().status(id);
                assertThat(status.suspended()).isTrue();
                assertThat(status.state()).isEqualTo("SUSPENDED");
            });
            Instant earlier = hour.minus(Duration.ofHours(1));
            List<AdEvent> more = generator.hour(earlier, EVENTS_WHILE_SUSPENDED);
            DeliveryReport sentWhileSuspended;
            try (AdEventProducer producer = new AdEventProducer(kafka, TOPIC)) {
                sentWhileSuspended = producer.send(more, faults, 0);
            }
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().untilAsserted(() ->
                    assertThat(druid.supervisors().lag(id).total()).isEqualTo(sentWhileSuspended.messages()));
            assertThat(eventCount(druid, earlier)).isZero();

            druid.supervisors().resume(id);
            awaitEventCount(druid, earlier, sentWhileSuspended.expectedInDruid());
            await().atMost(INGEST_TIMEOUT).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().untilAsserted(() -> {
                SupervisorStatus status = druid.supervisors().status(id);
                assertThat(status.state()).isEqualTo("RUNNING");
                assertThat(status.lag().total()).isZero();
            });
            assertThat(eventCount(druid, hour)).isEqualTo(expected);

            // Druid's own words for what it refuses, with the request.
            DruidException unknown = catchThrowableOfType(DruidException.class, () -> druid.supervisors().status("no_such_supervisor"));
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.request()).startsWith("GET http://127.0.0.1:").endsWith("/druid/indexer/v1/supervisor/no_such_supervisor/status");
            assertThat(unknown.druidMessage()).contains("no_such_supervisor");
            DruidException refused = catchThrowableOfType(DruidException.class, () -> druid.supervisors().submit(
                    "{\"type\":\"kafka\",\"spec\":{\"dataSchema\":{\"dataSource\":\"x\"},\"ioConfig\":{\"topic\":\"t\"}}}"));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.request()).endsWith("/druid/indexer/v1/supervisor");
            assertThat(refused.druidMessage()).isNotBlank();
        } finally {
            druid.supervisors().terminate(id);
        }
        assertThat(druid.supervisors().ids()).doesNotContain(id);
    }

    private static void assertRawFilesHoldEveryEvent(RawEventStore store, Instant hour, List<AdEvent> events,
                                                     HourManifest written) throws Exception {
        RawEventLayout layout = RawEventLayout.standard();
        List<String> keys = store.list(layout.hourPrefix(hour));
        assertThat(keys).containsExactlyInAnyOrder(layout.partKey(hour, 0), layout.partKey(hour, 1), layout.partKey(hour, 2),
                layout.manifestKey(hour));
        HourManifest manifest = HourManifest.parse(new String(store.get(layout.manifestKey(hour)).orElseThrow(),
                StandardCharsets.UTF_8), layout.manifestKey(hour));
        assertThat(manifest).isEqualTo(written);
        assertThat(manifest.hour()).isEqualTo(hour);
        assertThat(manifest.events()).isEqualTo(EVENTS);
        Set<String> ids = new HashSet<>();
        long lines = 0;
        for (HourManifest.Part part : manifest.parts()) {
            byte[] gz = store.get(part.key()).orElseThrow();
            assertThat((long) gz.length).as(part.key()).isEqualTo(part.bytes());
            long partLines = 0;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(new ByteArrayInputStream(gz)),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    ids.add(JSON.readTree(line).path("id").asText());
                    partLines++;
                }
            }
            assertThat(partLines).as(part.key()).isEqualTo(part.events());
            lines += partLines;
        }
        assertThat(lines).isEqualTo(EVENTS);
        assertThat(ids).isEqualTo(new HashSet<>(events.stream().map(AdEvent::id).toList()));
    }

    private static long revenueDelivered(List<AdEvent> events, DeliveryReport report) {
        Set<String> dropped = new HashSet<>(report.droppedIds());
        Set<String> doubled = new HashSet<>(report.duplicatedIds());
        long sum = 0;
        for (AdEvent e : events) {
            if (!dropped.contains(e.id())) {
                sum += e.priceMicros() * (doubled.contains(e.id()) ? 2 : 1);
            }
        }
        return sum;
    }

    private static void awaitEventCount(DruidClient druid, Instant hour, long expected) {
        List<Long> seen = new ArrayList<>();
        await().atMost(INGEST_TIMEOUT).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                .untilAsserted(() -> {
                    long n = eventCount(druid, hour);
                    seen.add(n);
                    assertThat(n).as("SUM(count) for %s (seen so far %s)", hour, seen).isEqualTo(expected);
                });
    }

    private static long eventCount(DruidClient druid, Instant hour) {
        return druid.broker().sql("SELECT COALESCE(SUM(\"count\"), 0) AS n FROM \"" + DATASOURCE + "\" WHERE " + during(hour)).singleLong();
    }

    private static long revenue(DruidClient druid, Instant hour) {
        return druid.broker().sql("SELECT SUM(revenue_micros) AS r FROM \"" + DATASOURCE + "\" WHERE " + during(hour)).singleLong();
    }

    private static String during(Instant hour) {
        return "__time >= MILLIS_TO_TIMESTAMP(" + hour.toEpochMilli() + ") AND __time < MILLIS_TO_TIMESTAMP("
                + hour.plus(Duration.ofHours(1)).toEpochMilli() + ")";
    }
}

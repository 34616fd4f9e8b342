package io.ferry.druid.reindex;

import io.ferry.cli.FerryCli;
import io.ferry.config.ConfigLoader;
import io.ferry.config.DruidReindexJobConfig;
import io.ferry.config.FerryConfig;
import io.ferry.config.SecretResolver;
import io.ferry.druid.DruidClient;
import io.ferry.druid.DruidException;
import io.ferry.druid.KafkaSupervisorSpec;
import io.ferry.druid.SegmentInfo;
import io.ferry.druid.SegmentPlacement;
import io.ferry.druid.lambda.AdEvent;
import io.ferry.druid.lambda.AdEventGenerator;
import io.ferry.druid.lambda.AdEventProducer;
import io.ferry.druid.lambda.AdEventsDatasource;
import io.ferry.druid.lambda.DeliveryReport;
import io.ferry.druid.lambda.FaultPlan;
import io.ferry.druid.lambda.KafkaTopics;
import io.ferry.druid.lambda.RawEventLayout;
import io.ferry.druid.lambda.RawEventStore;
import io.ferry.druid.lambda.RawEventWriter;
import io.ferry.sandbox.S3Server;
import io.ferry.sandbox.druid.DruidCluster;
import io.ferry.sandbox.druid.DruidEndpoints;
import io.ferry.sandbox.druid.DruidSandboxExtension;
import io.ferry.state.StateStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The proof of the lambda re-index against the real local Druid, Kafka and S3Proxy: events reach Druid through Kafka
 * with some dropped and some doubled, the complete raw files of the same hour are re-indexed through S3 presigned
 * URLs, and afterwards Druid holds exactly the events that happened. Also: the local path (folder input, local
 * staging) for an old interval placed in the cold tier, a partial-input interval refused, a spec Druid refuses.
 */
@ExtendWith(DruidSandboxExtension.class)
class DruidReindexIT {
    private static final Duration REALTIME_TIMEOUT = Duration.ofMinutes(4);

    @TempDir
    static Path dir;
    private static S3Server s3;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = S3Server.start(dir.resolve("s3"), dir.resolve("s3-access"), dir.resolve("s3-secret"));
    }

    @AfterAll
    static void stopS3() throws Exception {
        if (s3 != null) {
            s3.close();
        }
    }

    private static Path ferryYaml(DruidEndpoints druid, String jobs) throws Exception {
        Path file = dir.resolve("ferry-" + System.nanoTime() + ".yaml");
        Files.writeString(file, """
                dataDir: %s
                connections:
                  druid: { type: druid, coordinatorUrl: "%s", brokerUrl: "%s" }
                  lake: { type: s3, endpoint: "%s", region: %s, bucket: %s, accessKey: "file:%s", secretKey: "file:%s" }
                jobs:
                %s""".formatted(dir.resolve("data"), druid.coordinator(), druid.broker(), s3.endpoint().endpoint(),
                s3.endpoint().region(), s3.endpoint().bucket(), s3.endpoint().accessKeyFile(), s3.endpoint().secretKeyFile(),
                jobs.indent(2)));
        return file;
    }

    private static ReindexJob open(FerryConfig config, String name, StateStore state, Clock clock) {
        DruidReindexJobConfig job = (DruidReindexJobConfig) config.job(name).orElseThrow();
        return ReindexJob.open(job, SecretResolver.forConfig(config), new ReindexRuns(state), clock, dir.resolve("work"),
                d -> Thread.sleep(d.toMillis()), line -> System.out.println("[" + name + "] " + line));
    }

    private static long sumCount(DruidClient druid, String ds, TimeInterval i) {
        return druid.broker().sql("SELECT COALESCE(SUM(\"count\"), 0) AS n FROM \"" + ds + "\" WHERE __time >= TIME_PARSE(?)"
                + " AND __time < TIME_PARSE(?)", i.start().toString(), i.end().toString()).singleLong();
    }

    @Test
    void theReindexReplacesLossyRealtimeSegmentsWithExactlyTheEventsOfTheFiles(DruidClient druid, DruidEndpoints endpoints)
            throws Exception {
        String ds = "ferry_it_lambda";
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
        TimeInterval interval = new TimeInterval(hour, hour.plus(Duration.ofHours(1)));
        int n = 3000;

        // The real-time half: a Kafka supervisor with lateMessageRejectionPeriod, and a producer losing and doubling events.
        KafkaTopics.ensure(endpoints.kafkaBootstrapServers(), ds, 1);
        KafkaSupervisorSpec supervisor = AdEventsDatasource.supervisor(ds, ds, endpoints.kafkaBootstrapServers())
                .taskDuration(Duration.ofMinutes(1)).period(Duration.ofSeconds(5));
        String supervisorId = druid.supervisors().submit(supervisor);
        List<AdEvent> events = new AdEventGenerator(11).hour(hour, n);
        DeliveryReport delivered;
        try (AdEventProducer producer = new AdEventProducer(endpoints.kafkaBootstrapServers(), ds)) {
            delivered = producer.send(events, new FaultPlan(5, 0.02, 0.03), 0);
        }
        assertThat(delivered.dropped()).isPositive();
        assertThat(delivered.duplicated()).isPositive();
        long realtimeExpected = delivered.expectedInDruid();
        assertThat(realtimeExpected).isEqualTo(n - delivered.dropped() + delivered.duplicated());

        // The batch half's input: every event of the hour, in complete raw files with a manifest, in S3.
        try (S3Client client = S3Server.newClient(s3.endpoint())) {
            new RawEventWriter(RawEventStore.s3(client, s3.endpoint().bucket()), new RawEventLayout("raw/" + ds + "/"), 1000)
                    .writeHour(hour, events);
        }

        await().atMost(REALTIME_TIMEOUT).pollInterval(Duration.ofSeconds(2)).ignoreException(DruidException.class)
                .until(() -> sumCount(druid, ds, interval) == realtimeExpected);
        // Time passes: the supervisor's tasks publish and hand off (in production the interval closes on its own).
        druid.supervisors().suspend(supervisorId);
        await().atMost(REALTIME_TIMEOUT).pollInterval(Duration.ofSeconds(2))
                .until(() -> druid.overlord().tasks("running", ds).isEmpty() && !druid.coordinator().segments(ds).isEmpty());
        Set<String> realtimeSegments = druid.coordinator().segments(ds).stream().map(SegmentInfo::id).collect(Collectors.toSet());

        Path yaml = ferryYaml(endpoints, """
                lambda:
                  type: druid-reindex
                  druid: druid
                  datasource: %s
                  input: { s3: lake, prefix: raw/%s/ }
                  staging: { s3: lake, prefix: staging/, urlExpiry: 1h }
                  batchChunks: 1
                  supervisor: %s
                  retries: 1
                  backoff: 1s
                  loadTimeout: 3m
                """.formatted(ds, ds, supervisorId));
        FerryConfig config = ConfigLoader.load(yaml);
        long t0 = System.nanoTime();
        RunRecord run;
        try (StateStore state = StateStore.open(config.dataDir());
             ReindexJob job = open(config, "lambda", state, Clock.systemUTC())) {
            SupervisorTiming timing = job.timing();
            assertThat(timing.source()).isEqualTo("supervisor " + supervisorId);
            assertThat(timing.lateMessageRejectionPeriod()).isEqualTo(AdEventsDatasource.SANDBOX_LATE_MESSAGE_REJECTION);
            assertThat(timing.taskDuration()).isEqualTo(Duration.ofMinutes(1));
            assertThat(job.plan(interval, false).problems()).singleElement().asString().contains("is not closed yet");

            // Later, once the interval has closed: the planner's clock is moved past end + the supervisor's timing.
            try (ReindexJob later = open(config, "lambda", state,
                    Clock.offset(Clock.systemUTC(), timing.closeDelay().plus(Duration.ofHours(1))))) {
                assertThat(later.due()).contains(interval);
                run = later.run(interval, "DruidReindexIT", false);
            }
            assertThat(new ReindexRuns(state).batchVersions(ds)).containsExactlyElementsOf(run.versions());
        } finally {
            druid.supervisors().terminate(supervisorId);
        }
        System.out.printf("re-index of %s (%d events) took %.1f s: %s%n", interval, n, (System.nanoTime() - t0) / 1e9, run.steps());

        assertThat(run.status()).as("run error: %s", run.error()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.tasks()).singleElement().satisfies(t -> assertThat(t.status()).isEqualTo("SUCCESS"));
        assertThat(run.chunks()).singleElement().satisfies(c -> {
            assertThat(c.realtime().events()).isEqualTo(realtimeExpected);
            assertThat(c.input().events()).isEqualTo(n);
            assertThat(c.druid().events()).isEqualTo(n);
            assertThat(c.input().sum("revenue_micros")).isEqualTo(events.stream().mapToLong(AdEvent::priceMicros).sum());
        });
        assertThat(run.eventDifference()).isEqualTo(delivered.dropped() - delivered.duplicated());

        assertThat(sumCount(druid, ds, interval)).isEqualTo(n);
        List<SegmentInfo> segments = druid.coordinator().segments(ds);
        assertThat(segments).filteredOn(s -> realtimeSegments.contains(s.id())).allMatch(SegmentInfo::overshadowed);
        assertThat(segments).filteredOn(s -> !s.overshadowed()).isNotEmpty()
                .allSatisfy(s -> assertThat(run.versions()).contains(s.version()));
        // Recent intervals are kept in the hot tier by the load rules.
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(druid.broker().placements(ds))
                .filteredOn(p -> "historical".equals(p.serverType()) && run.versions().contains(p.version()))
                .isNotEmpty().extracting(SegmentPlacement::tier).containsOnly(DruidCluster.HOT_TIER));

        StringWriter out = new StringWriter();
        CommandLine cli = FerryCli.newCommandLine();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("druid", "runs", "--config", yaml.toString(), "--job", "lambda", "--chunks")).isZero();
        assertThat(out.toString()).contains(interval.toString()).contains("SUCCEEDED")
                .contains(String.format("%+,d", delivered.dropped() - delivered.duplicated()))
                .contains(String.format("%,d", realtimeExpected)).contains(String.format("%,d", n));

        // The segment timeline tells the batch version from the others through these run records.
        StringWriter timeline = new StringWriter();
        cli = FerryCli.newCommandLine();
        cli.setOut(new PrintWriter(timeline));
        assertThat(cli.execute("druid", "segments", "--config", yaml.toString(), "--datasource", ds)).isZero();
        assertThat(timeline.toString()).containsPattern(java.util.regex.Pattern.quote(run.versions().get(0)) + "\\s+batch\\s+available");
    }

    @Test
    void localFilesReindexAnOldIntervalIntoTheColdTierAndPartialInputIsRefused(DruidClient druid, DruidEndpoints endpoints)
            throws Exception {
        String ds = "ferry_it_reindex_local";
        Path raw = dir.resolve("raw-local");
        Instant h0 = Instant.parse("2024-03-01T00:00:00Z");
        RawEventWriter writer = new RawEventWriter(RawEventStore.folder(raw), RawEventLayout.standard(), 500);
        AdEventGenerator generator = new AdEventGenerator(3);
        for (int h = 0; h < 6; h++) {
            writer.writeHour(h0.plus(Duration.ofHours(h)), generator.hour(h0.plus(Duration.ofHours(h)), 400));
        }
        Files.delete(raw.resolve(RawEventLayout.standard().manifestKey(h0.plus(Duration.ofHours(3)))));

        Path yaml = ferryYaml(endpoints, """
                old:
                  type: druid-reindex
                  druid: druid
                  datasource: %s
                  input: { local: %s, prefix: raw/ad_events/ }
                  staging: { local: %s }
                  batchChunks: 2
                  retries: 0
                  loadTimeout: 3m
                raw:
                  type: druid-reindex
                  druid: druid
                  datasource: %s
                  input: { local: %s, prefix: raw/ad_events/ }
                  staging: { local: %s }
                  druidFlattenSpec: true
                  batchChunks: 2
                  loadTimeout: 3m
                """.formatted(ds, raw, dir.resolve("staging"), ds, raw, dir.resolve("staging")));
        FerryConfig config = ConfigLoader.load(yaml);
        TimeInterval complete = TimeInterval.parse("2024-03-01T00/2024-03-01T02");
        TimeInterval partial = TimeInterval.parse("2024-03-01T02/2024-03-01T04");
        try (StateStore state = StateStore.open(config.dataDir());
             ReindexJob job = open(config, "old", state, Clock.systemUTC())) {
            RunRecord ok = job.run(complete, "DruidReindexIT", false);
            assertThat(ok.status()).as("run error: %s", ok.error()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(ok.chunks()).extracting(c -> c.druid().events()).containsExactly(400L, 400L);
            assertThat(ok.chunks()).allSatisfy(c -> assertThat(c.realtime()).isEqualTo(ChunkFigures.NONE));

            RunRecord refused = job.run(partial, "DruidReindexIT", false);
            assertThat(refused.status()).isEqualTo(RunStatus.REFUSED);
            assertThat(refused.error()).startsWith("partial input for " + partial + ", not re-indexed (nothing was overwritten):")
                    .contains("hour 2024-03-01T03:00:00Z: no _MANIFEST.json");
            assertThat(refused.tasks()).isEmpty();
            assertThat(job.due()).doesNotContain(complete);
        }
        // The same files read by Druid itself, with its flattenSpec (no flat files written by Ferry).
        TimeInterval rawInterval = TimeInterval.parse("2024-03-01T04/2024-03-01T06");
        try (StateStore state = StateStore.open(config.dataDir());
             ReindexJob job = open(config, "raw", state, Clock.systemUTC())) {
            assertThat(job.plan(rawInterval, false).task().at("/spec/ioConfig/inputFormat/flattenSpec/fields/1/expr").asText())
                    .isEqualTo("$.campaign.id");
            RunRecord run = job.run(rawInterval, "DruidReindexIT", false);
            assertThat(run.status()).as("run error: %s", run.error()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(run.chunks()).extracting(c -> c.druid().events()).containsExactly(400L, 400L);
        }
        assertThat(sumCount(druid, ds, rawInterval)).isEqualTo(800);
        assertThat(sumCount(druid, ds, complete)).isEqualTo(800);
        assertThat(sumCount(druid, ds, partial)).isZero();
        assertThat(druid.coordinator().segments(ds)).allSatisfy(s -> assertThat(s.interval()).startsWith("2024-03-01T0"))
                .noneMatch(s -> SegmentVersions.intervalOf(s).overlaps(partial));
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(druid.broker().placements(ds))
                .filteredOn(p -> "historical".equals(p.serverType()))
                .hasSize(4).extracting(SegmentPlacement::tier).containsOnly(DruidCluster.COLD_TIER));

        // The plan of the partial interval, from the command line, changes nothing and says why it would not run.
        StringWriter out = new StringWriter();
        CommandLine cli = FerryCli.newCommandLine();
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute("druid", "reindex", "--config", yaml.toString(), "--job", "old",
                "--interval", "2024-03-01T02/2024-03-01T04", "--dry-run");
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("PARTIAL").contains("no manifest").contains("\"dropExisting\" : true")
                .contains("\"appendToExisting\" : false").contains("\"2024-03-01T02:00:00Z/2024-03-01T04:00:00Z\"")
                .contains("REFUSED: partial input");
    }

    @Test
    void aSpecDruidRefusesFailsAtOnceWithDruidsMessage(DruidClient druid, DruidEndpoints endpoints) throws Exception {
        Path raw = dir.resolve("raw-bad");
        Instant h0 = Instant.parse("2024-04-01T00:00:00Z");
        new RawEventWriter(RawEventStore.folder(raw), RawEventLayout.standard(), 500)
                .writeHour(h0, new AdEventGenerator(4).hour(h0, 10));
        Path yaml = ferryYaml(endpoints, """
                bad:
                  type: druid-reindex
                  druid: druid
                  datasource: "ferry/it bad"
                  input: { local: %s, prefix: raw/ad_events/ }
                  staging: { local: %s }
                  batchChunks: 1
                  retries: 3
                  backoff: 30s
                """.formatted(raw, dir.resolve("staging")));
        FerryConfig config = ConfigLoader.load(yaml);
        long t0 = System.nanoTime();
        try (StateStore state = StateStore.open(config.dataDir());
             ReindexJob job = open(config, "bad", state, Clock.systemUTC())) {
            RunRecord run = job.run(new TimeInterval(h0, h0.plus(Duration.ofHours(1))), "DruidReindexIT", false);

            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.error()).startsWith("index: Druid refused the task spec: Druid answered HTTP 400 to POST ")
                    .contains("/druid/indexer/v1/task").contains("ferry/it bad");
            assertThat(run.steps()).extracting(StepRecord::step, StepRecord::status, StepRecord::attempts).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("flatten", StepRunner.Status.SUCCEEDED, 1),
                    org.assertj.core.groups.Tuple.tuple("stage", StepRunner.Status.SUCCEEDED, 1),
                    org.assertj.core.groups.Tuple.tuple("snapshot", StepRunner.Status.SUCCEEDED, 1),
                    org.assertj.core.groups.Tuple.tuple("index", StepRunner.Status.FAILED, 1),
                    org.assertj.core.groups.Tuple.tuple("verify", StepRunner.Status.SKIPPED, 0));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("no retry loop with 30 s backoff").isLessThan(Duration.ofSeconds(25));
    }
}

package io.ferry.druid;

import io.ferry.sandbox.druid.DruidCluster;
import io.ferry.sandbox.druid.DruidSandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Native batch ingestion against the sandbox's real Druid: a flattened nested-JSON task is counted, queryable and
 * placed by tier; a second task over the same interval overshadows the first (the core of the lambda re-index).
 */
@ExtendWith(DruidSandboxExtension.class)
class DruidIngestionIT {
    private static final Duration TASK_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(2);

    @Test
    void flattenedBatchIsReportedQueryableAndPlacedByTier(DruidClient druid, @TempDir Path input) throws Exception {
        String ds = "ferry_it_flatten";
        LocalDate recent = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        NestedEvents old = new NestedEvents().add(Instant.parse("2024-01-01T10:00:00Z"), 3000);
        NestedEvents fresh = new NestedEvents().add(recent.atTime(10, 0).toInstant(ZoneOffset.UTC), 400);
        NestedEvents outside = new NestedEvents().add(Instant.parse("2023-12-31T10:00:00Z"), 20);
        new NestedEvents().add(Instant.parse("2024-01-01T10:00:00Z"), 3000).writeTo(input.resolve("a-old.json"));
        fresh.writeTo(input.resolve("b-recent.json"));
        outside.addGarbage(5).writeTo(input.resolve("c-outside-and-garbage.json"));

        IndexParallelSpec spec = NestedEvents.spec(ds, IndexParallelSpec.InputSource.local(input, "*.json"))
                .intervals("2024-01-01/2024-01-02", recent + "/" + recent.plusDays(1));
        String taskId = druid.overlord().submitTask(spec.toJson());
        TaskStatus status = druid.overlord().awaitCompletion(taskId, TASK_TIMEOUT);
        assertThat(status.isSuccess()).as("task %s: %s", taskId, status.errorMsg()).isTrue();

        IngestionReport report = druid.overlord().report(taskId);
        assertThat(report.processed()).isEqualTo(old.count() + fresh.count());
        assertThat(report.unparseable()).isEqualTo(5);
        assertThat(report.thrownAway()).as("rows outside the task's intervals").isEqualTo(outside.count());
        assertThat(druid.overlord().tasks("complete", ds)).extracting(TaskStatus::id).contains(taskId);
        assertThat(druid.broker().tasks(ds)).filteredOn(t -> t.taskId().equals(taskId)).singleElement()
                .satisfies(t -> assertThat(t.status()).isEqualTo("SUCCESS"));

        awaitLoadedAndCounted(druid, ds, old.count() + fresh.count());
        SqlResult perCountry = druid.broker().sql("SELECT country, COUNT(*) AS n, SUM(\"value\") AS v FROM " + ds
                + " WHERE __time < TIMESTAMP '2024-01-02' GROUP BY country ORDER BY country");
        assertThat(perCountry.rows()).extracting(r -> r.getString("country")).containsExactlyElementsOf(NestedEvents.COUNTRIES.stream().sorted().toList());
        assertThat(perCountry.rows().stream().mapToLong(r -> r.getLong("n")).sum()).isEqualTo(old.count());
        assertThat(perCountry.rows().stream().mapToLong(r -> r.getLong("v")).sum()).isEqualTo(old.valueSum());

        // The rules keep the last 7 days in the hot tier and older data in the cold tier, one replica each.
        await().atMost(LOAD_TIMEOUT).untilAsserted(() -> {
            Map<String, Set<String>> tiersByDay = druid.broker().placements(ds).stream()
                    .filter(p -> "historical".equals(p.serverType()))
                    .collect(Collectors.groupingBy(p -> p.start().substring(0, 10), Collectors.mapping(SegmentPlacement::tier, Collectors.toSet())));
            assertThat(tiersByDay).containsOnly(
                    Map.entry("2024-01-01", Set.of(DruidCluster.COLD_TIER)),
                    Map.entry(recent.toString(), Set.of(DruidCluster.HOT_TIER)));
        });
        assertThat(druid.coordinator().segments(ds)).hasSize(2).noneMatch(SegmentInfo::overshadowed)
                .allSatisfy(s -> assertThat(s.dimensions()).containsExactly("userId", "country", "eventType", "value"));
    }

    @Test
    void secondTaskOverTheSameIntervalOvershadowsTheFirst(DruidClient druid) throws Exception {
        String ds = "ferry_it_overwrite";
        String interval = "2024-02-01/2024-02-02";
        NestedEvents first = new NestedEvents().add(Instant.parse("2024-02-01T05:00:00Z"), 600);
        NestedEvents second = new NestedEvents().add(Instant.parse("2024-02-01T07:00:00Z"), 250);

        runTask(druid, NestedEvents.spec(ds, IndexParallelSpec.InputSource.inline(first.asText())).intervals(interval));
        awaitLoadedAndCounted(druid, ds, first.count());
        String firstVersion = druid.broker().segments(ds).get(0).version();

        // Keep overshadowed segments "used" while we look at them; the sandbox's 5 s is restored below.
        druid.coordinator().updateDynamicConfig(Map.of("millisToWaitBeforeDeleting", Duration.ofDays(1).toMillis()));
        try {
            runTask(druid, NestedEvents.spec(ds, IndexParallelSpec.InputSource.inline(second.asText()))
                    .intervals(interval).appendToExisting(false));
            awaitLoadedAndCounted(druid, ds, second.count());
            await().atMost(LOAD_TIMEOUT).untilAsserted(() -> {
                List<SysSegment> segments = druid.broker().segments(ds);
                assertThat(segments).filteredOn(s -> s.version().equals(firstVersion)).isNotEmpty()
                        .allSatisfy(s -> assertThat(s.overshadowed() && !s.active()).as("first version overshadowed: " + s).isTrue());
                assertThat(segments).filteredOn(s -> !s.version().equals(firstVersion)).isNotEmpty()
                        .allSatisfy(s -> {
                            assertThat(s.version()).isGreaterThan(firstVersion);
                            assertThat(s.active() && s.published() && !s.overshadowed()).as("second version active: " + s).isTrue();
                        });
            });
            assertThat(druid.coordinator().segments(ds)).filteredOn(s -> s.version().equals(firstVersion))
                    .allMatch(SegmentInfo::overshadowed);
        } finally {
            druid.coordinator().updateDynamicConfig(Map.of("millisToWaitBeforeDeleting", 5000));
        }
        // With the sandbox's setting, the coordinator marks the overshadowed version unused within seconds.
        await().atMost(LOAD_TIMEOUT).untilAsserted(() -> assertThat(druid.coordinator().segments(ds))
                .extracting(SegmentInfo::version).doesNotContain(firstVersion).isNotEmpty());
        assertThat(druid.broker().sql("SELECT COUNT(*) AS n FROM " + ds).singleLong()).isEqualTo(second.count());
    }

    @Test
    void druidsOwnMessageSurfacesForARefusedSpecAFailedTaskAndBadSql(DruidClient druid) throws Exception {
        String ds = "ferry_it_errors";
        var refused = org.assertj.core.api.Assertions.catchThrowableOfType(DruidException.class,
                () -> druid.overlord().submitTask("{\"type\":\"index_parallel\",\"spec\":{\"ioConfig\":{\"type\":\"index_parallel\","
                        + "\"inputSource\":{\"type\":\"no_such_source\"}}}}"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.request()).startsWith("POST http://127.0.0.1:").endsWith("/druid/indexer/v1/task");
        assertThat(refused.getMessage()).contains("no_such_source");

        // Every row unparseable and no tolerance: the task runs and fails, and says why.
        String taskId = druid.overlord().submitTask(NestedEvents.spec(ds,
                        IndexParallelSpec.InputSource.inline(new NestedEvents().addGarbage(3).asText()))
                .intervals("2024-03-01/2024-03-02").maxParseExceptions(0).toJson());
        TaskStatus failed = druid.overlord().awaitCompletion(taskId, TASK_TIMEOUT);
        assertThat(failed.statusCode()).isEqualTo("FAILED");
        assertThat(failed.errorMsg()).isNotBlank();

        var badSql = org.assertj.core.api.Assertions.catchThrowableOfType(DruidException.class,
                () -> druid.broker().sql("SELECT no_such_column FROM sys.segments"));
        assertThat(badSql.status()).isEqualTo(400);
        assertThat(badSql.request()).endsWith("/druid/v2/sql");
        assertThat(badSql.druidMessage()).contains("no_such_column");
    }

    @Test
    void aRunningTaskIsListedAndCanBeShutDown(DruidClient druid) throws Exception {
        String ds = "ferry_it_shutdown";
        // An HTTP input that accepts the connection and never answers keeps the task running until it is shut down.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + silent.getLocalPort() + "/events.json";
            String taskId = druid.overlord().submitTask(NestedEvents.spec(ds, IndexParallelSpec.InputSource.http(List.of(url)))
                    .intervals("2024-04-01/2024-04-02").toJson());
            await().atMost(TASK_TIMEOUT).until(() -> druid.overlord().tasks("running", ds).stream()
                    .anyMatch(t -> t.id().equals(taskId) && "RUNNING".equals(t.runnerStatusCode())));

            druid.overlord().shutdown(taskId);

            TaskStatus status = druid.overlord().awaitCompletion(taskId, TASK_TIMEOUT);
            assertThat(status.statusCode()).isEqualTo("FAILED");
            assertThat(status.errorMsg()).containsIgnoringCase("shutdown");
        } // closing the socket releases the indexer thread that was still reading from it
    }

    private static void runTask(DruidClient druid, IndexParallelSpec spec) throws InterruptedException {
        String taskId = druid.overlord().submitTask(spec.toJson());
        TaskStatus status = druid.overlord().awaitCompletion(taskId, TASK_TIMEOUT);
        assertThat(status.isSuccess()).as("task %s: %s", taskId, status.errorMsg()).isTrue();
    }

    /** Until the coordinator has nothing left to load and the broker counts the expected rows. */
    private static void awaitLoadedAndCounted(DruidClient druid, String ds, long rows) {
        await().atMost(LOAD_TIMEOUT).ignoreException(DruidException.class) // a new datasource is "not found" for a moment
                .untilAsserted(() -> {
                    assertThat(druid.coordinator().isFullyLoaded(ds)).as("loadstatus of " + ds).isTrue();
                    assertThat(druid.broker().sql("SELECT COUNT(*) AS n FROM " + ds).singleLong()).isEqualTo(rows);
                });
    }
}

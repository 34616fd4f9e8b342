package io.ferry.client.druid;

import io.ferry.config.ConfigLoader;
import io.ferry.config.FerryConfig;
import io.ferry.druid.reindex.ChunkFigures;
import io.ferry.druid.reindex.ChunkRecord;
import io.ferry.druid.reindex.FlatBatch;
import io.ferry.druid.reindex.ReindexRuns;
import io.ferry.druid.reindex.RunStatus;
import io.ferry.druid.reindex.StepRecord;
import io.ferry.druid.reindex.StepRunner;
import io.ferry.druid.reindex.TaskRecord;
import io.ferry.druid.reindex.TimeInterval;
import io.ferry.state.StateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client's re-index block over a real state store (H2 in a temp dir) with run records written by
 * {@link ReindexRuns}; the by-hand run is refused before Druid is reached, so no Druid is needed.
 */
class DruidReindexSupportTest {
    private static final TimeInterval I = TimeInterval.parse("2026-11-28T00/2026-11-28T02");
    private static final Instant T0 = Instant.parse("2026-11-28T05:00:00Z");

    @TempDir
    Path dir;
    private FerryConfig config;
    private StateStore store;
    private DruidReindexSupport support;

    @BeforeEach
    void open() throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir.resolve("raw"));
        config = ConfigLoader.parse("""
                dataDir: %s
                connections:
                  druid: { type: druid, coordinatorUrl: "http://127.0.0.1:9", brokerUrl: "http://127.0.0.1:9" }
                jobs:
                  ads-hourly:
                    type: druid-reindex
                    druid: druid
                    datasource: ad_events
                    input: { local: %s }
                    staging: { local: %s }
                    every: 4h
                """.formatted(dir.resolve("data"), dir.resolve("raw"), dir.resolve("staging")), dir.resolve("ferry.yaml"));
        store = StateStore.open(config.dataDir());
        support = new DruidReindexSupport(() -> config, () -> store, Clock.fixed(T0, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theConfiguredJobsAreListedWithDatasourceScheduleAndInput() {
        assertThat(support.jobs()).containsExactly(new DruidReindexJobRow("ads-hourly", "ad_events", "4h",
                dir.resolve("raw").toString()));
    }

    @Test
    void aRunRecordBecomesARowWithRealTimeVersusBatchPerChunkTasksAndTheBatchRate() {
        ReindexRuns runs = new ReindexRuns(store);
        long id = runs.start("ads-hourly", "ad_events", I, "schedule", T0);
        runs.chunks(id, List.of(
                new ChunkRecord(TimeInterval.parse("2026-11-28T00/2026-11-28T01"), new ChunkFigures(995, Map.of()), new ChunkFigures(1000, Map.of()), null),
                new ChunkRecord(TimeInterval.parse("2026-11-28T01/2026-11-28T02"), new ChunkFigures(903, Map.of()), new ChunkFigures(900, Map.of()), null)));
        runs.task(id, new TaskRecord("index_parallel_ad_events_x", 1, "SUCCESS", null));
        runs.versions(id, "ad_events", Map.of("2026-11-28T05:00:01.000Z", 2));
        runs.steps(id, List.of(new StepRecord("flatten", StepRunner.Status.SUCCEEDED, 1, T0, Duration.ofSeconds(1), null),
                new StepRecord("index", StepRunner.Status.SUCCEEDED, 1, T0, Duration.ofSeconds(5), null)));
        runs.flattened(id, new FlatBatch(List.of(), Map.of(), 1900, 1900, 0, 0, 0, List.of()));
        runs.finish(id, RunStatus.SUCCEEDED, null, T0.plusSeconds(30));
        long refused = runs.start("ads-hourly", "ad_events", TimeInterval.parse("2026-11-28T02/2026-11-28T04"), "console", T0.plusSeconds(60));
        runs.finish(refused, RunStatus.REFUSED, "hour 2026-11-28T03 has no manifest", T0.plusSeconds(61));

        List<DruidReindexRunRow> rows = support.runs("ads-hourly");

        assertThat(rows).extracting(DruidReindexRunRow::result).containsExactly("REFUSED", "SUCCEEDED");
        assertThat(rows.get(0).error()).isEqualTo("hour 2026-11-28T03 has no manifest");
        assertThat(rows.get(0).eventDifference()).isNull();
        DruidReindexRunRow done = rows.get(1);
        assertThat(done.intervalStart()).isEqualTo(I.start());
        assertThat(done.intervalEnd()).isEqualTo(I.end());
        assertThat(done.startedAt()).isEqualTo(T0);
        assertThat(done.finishedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(done.realtimeEvents()).isEqualTo(1898);
        assertThat(done.batchEvents()).isEqualTo(1900);
        assertThat(done.eventDifference()).isEqualTo(2);
        assertThat(done.chunks()).extracting(DruidReindexChunkRow::difference).containsExactly(5L, -3L);
        assertThat(done.taskIds()).containsExactly("index_parallel_ad_events_x");
        assertThat(done.rows()).isEqualTo(1900);
        assertThat(done.indexTook()).isEqualTo(Duration.ofSeconds(5));
        assertThat(done.batchRowsPerSecond()).isEqualTo(380.0);
        assertThat(support.batchVersions("ad_events")).containsExactly("2026-11-28T05:00:01.000Z");
        assertThat(support.batchVersions("clicks")).isEmpty();
        assertThat(support.runs("other")).isEmpty();
    }

    @Test
    void aRunByHandOfAnIntervalThatIsNotClosedIsRefusedAndRecorded() {
        List<String> progress = new ArrayList<>();

        DruidReindexRunRow run = support.reindex("ads-hourly", Instant.parse("2026-11-28T04:00:00Z"),
                Instant.parse("2026-11-28T05:00:00Z"), progress::add);

        assertThat(run.result()).isEqualTo("REFUSED");
        assertThat(run.error()).contains("not closed yet");
        assertThat(progress).anySatisfy(line -> assertThat(line).contains("refused"));
        assertThat(support.runs("ads-hourly")).extracting(DruidReindexRunRow::id).containsExactly(run.id());
        assertThat(support.batchVersions("ad_events")).isEmpty();
    }

    @Test
    void anUnknownJobIsOneReadableMessage() {
        assertThatThrownBy(() -> support.reindex("nope", I.start(), I.end(), line -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No druid-reindex job 'nope' is configured; the jobs are [ads-hourly]");
    }
}

package io.ferry.druid.reindex;

import io.ferry.state.StateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReindexRunsTest {
    private static final TimeInterval I = TimeInterval.parse("2026-11-28T00/2026-11-28T02");
    private static final TimeInterval C0 = TimeInterval.parse("2026-11-28T00/2026-11-28T01");
    private static final TimeInterval C1 = TimeInterval.parse("2026-11-28T01/2026-11-28T02");

    @Test
    void aRunIsRecordedWithStepsTasksVersionsAndRealtimeVersusBatchFigures(@TempDir Path dataDir) {
        try (StateStore store = StateStore.open(dataDir)) {
            ReindexRuns runs = new ReindexRuns(store);
            Instant t0 = Instant.parse("2026-11-28T05:00:00Z");
            long id = runs.start("ads", "ad_events", I, "schedule", t0);
            runs.chunks(id, List.of(new ChunkRecord(C0, null, new ChunkFigures(1000, Map.of("revenue_micros", 5000L)), null),
                    new ChunkRecord(C1, null, new ChunkFigures(900, Map.of("revenue_micros", 4000L)), null)));
            runs.chunks(id, List.of(new ChunkRecord(C0, new ChunkFigures(995, Map.of("revenue_micros", 4990L)), null, null),
                    new ChunkRecord(C1, new ChunkFigures(903, Map.of("revenue_micros", 4010L)), null, null)));
            runs.task(id, new TaskRecord("index_parallel_ad_events_x", 1, "RUNNING", null));
            runs.task(id, new TaskRecord("index_parallel_ad_events_x", 1, "SUCCESS", null));
            runs.versions(id, "ad_events", Map.of("2026-11-28T05:00:01.000Z", 2));
            runs.steps(id, List.of(new StepRecord("flatten", StepRunner.Status.SUCCEEDED, 1, t0, Duration.ofMillis(1200), null),
                    new StepRecord("index", StepRunner.Status.SUCCEEDED, 2, t0, Duration.ofSeconds(9), null)));
            runs.finish(id, RunStatus.SUCCEEDED, null, t0.plusSeconds(30));

            RunRecord r = runs.run(id);
            assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(r.interval()).isEqualTo(I);
            assertThat(r.chunks()).extracting(ChunkRecord::eventDifference).containsExactly(5L, -3L);
            assertThat(r.eventDifference()).isEqualTo(2);
            assertThat(r.realtimeEvents()).isEqualTo(1898);
            assertThat(r.batchEvents()).isEqualTo(1900);
            assertThat(r.chunks().get(0).input().sum("revenue_micros")).isEqualTo(5000);
            assertThat(r.tasks()).singleElement().satisfies(t -> assertThat(t.status()).isEqualTo("SUCCESS"));
            assertThat(r.steps()).extracting(StepRecord::step).containsExactly("flatten", "index");
            assertThat(r.steps().get(1).attempts()).isEqualTo(2);
            assertThat(runs.batchVersions("ad_events")).containsExactly("2026-11-28T05:00:01.000Z");
            assertThat(runs.batchVersions("other")).isEmpty();
            assertThat(runs.succeededIntervals("ads")).containsExactly(I);
            assertThat(runs.lastStart("ads")).contains(t0);
        }
    }

    @Test
    void refusedAndFailedRunsAreNotDoneAndTheHistoryIsNewestFirst(@TempDir Path dataDir) {
        try (StateStore store = StateStore.open(dataDir)) {
            ReindexRuns runs = new ReindexRuns(store);
            long a = runs.start("ads", "ad_events", I, "hand", Instant.parse("2026-11-28T05:00:00Z"));
            runs.finish(a, RunStatus.REFUSED, "partial input", Instant.parse("2026-11-28T05:00:01Z"));
            long b = runs.start("ads", "ad_events", I, "hand", Instant.parse("2026-11-28T06:00:00Z"));
            runs.finish(b, RunStatus.FAILED, "index: Druid refused the task spec", Instant.parse("2026-11-28T06:00:01Z"));
            runs.start("other", "clicks", I, "hand", Instant.parse("2026-11-28T07:00:00Z"));

            assertThat(runs.succeededIntervals("ads")).isEmpty();
            assertThat(runs.history("ads", 10)).extracting(RunRecord::id).containsExactly(b, a);
            assertThat(runs.history(null, 10)).hasSize(3);
            assertThat(runs.history("ads", 10).get(1).error()).isEqualTo("partial input");
            assertThat(runs.history("ads", 10).get(0).eventDifference()).isNull();
        }
    }
}

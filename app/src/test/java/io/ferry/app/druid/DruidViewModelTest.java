package io.ferry.app.druid;

import io.ferry.app.StubEngineClient;
import io.ferry.app.UiThread;
import io.ferry.app.task.ThreadPoolTaskExecutor;
import io.ferry.client.druid.DruidReindexRunRow;
import io.ferry.client.druid.DruidTimelineRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.ferry.app.druid.DruidFixtures.ADS;
import static io.ferry.app.druid.DruidFixtures.ADS_JOB;
import static io.ferry.app.druid.DruidFixtures.KAFKA_10;
import static io.ferry.app.druid.DruidFixtures.KAFKA_11;
import static io.ferry.app.druid.DruidFixtures.RUN_10;
import static io.ferry.app.druid.DruidFixtures.CLICKS;
import static io.ferry.app.druid.DruidFixtures.KAFKA_TASK;
import static io.ferry.app.druid.DruidFixtures.supervisor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Druid view model without a screen: the engine is {@link StubEngineClient}, tasks run on the real executor. */
class DruidViewModelTest {
    private final UiThread ui = new UiThread();
    private final ThreadPoolTaskExecutor tasks = new ThreadPoolTaskExecutor(ui);
    private final StubEngineClient client = StubEngineClient.configured(List.of())
            .withDruid(List.of("ads", "clicks"), Map.of("ads", ADS, "clicks", CLICKS), List.of(supervisor(250.0)), List.of(KAFKA_TASK));
    private final DruidViewModel vm = new DruidViewModel(client, tasks, Duration.ofMillis(50),
            Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC));

    @AfterEach
    void stop() {
        ui.run(vm::stopAutoRefresh);
        tasks.close();
        ui.close();
    }

    @Test
    void theFirstRefreshPicksTheFirstDatasourceAndShowsItsTimelineSupervisorsAndTasks() {
        ui.run(vm::refresh);

        awaitUi(() -> vm.timeline().size() == 3 && !vm.refreshingProperty().get());
        assertThat(ui.get(() -> List.copyOf(vm.datasources()))).containsExactly("ads", "clicks");
        assertThat(ui.get(() -> vm.selectedDatasourceProperty().get())).isEqualTo("ads");
        assertThat(ui.get(() -> List.copyOf(vm.timeline()))).containsExactlyElementsOf(ADS);
        assertThat(ui.get(() -> vm.supervisors().get(0).lag())).isEqualTo(42L);
        assertThat(ui.get(() -> List.copyOf(vm.runningTasks()))).containsExactly(KAFKA_TASK);
        assertThat(ui.get(() -> vm.summaryProperty().get()))
                .isEqualTo("2 datasources, 1 supervisor, 1 running task; ads: 2 interval(s), 1 overshadowed version(s)");
        assertThat(ui.get(() -> vm.lastErrorProperty().get())).isEmpty();
    }

    @Test
    void pickingAnotherDatasourceLoadsItsTimeline() {
        ui.run(vm::refresh);
        awaitUi(() -> vm.timeline().size() == 3);

        ui.run(() -> vm.selectedDatasourceProperty().set("clicks"));

        awaitUi(() -> vm.timeline().size() == 1);
        assertThat(ui.get(() -> vm.timeline().get(0).dataSource())).isEqualTo("clicks");
        assertThat(ui.get(() -> vm.selectedIntervalProperty().get())).isNull();
    }

    @Test
    void eachRefreshSamplesTheEventRateAndKeepsTenMinutes() {
        ui.run(vm::startAutoRefresh);
        awaitUi(() -> vm.throughput().size() >= 2);
        client.setDruidSupervisors(List.of(supervisor(100.0), supervisor(20.5)));
        awaitUi(() -> vm.throughput().get(vm.throughput().size() - 1).eventsPerSecond() == 120.5);
        assertThat(ui.get(() -> vm.throughput().get(0).eventsPerSecond())).isEqualTo(250.0);

        awaitUi(() -> vm.throughput().size() == DruidViewModel.MAX_SAMPLES);
        ui.run(vm::stopAutoRefresh);
        assertThat(ui.get(() -> vm.throughput().size())).isEqualTo(DruidViewModel.MAX_SAMPLES);
    }

    @Test
    void aFailureIsShownAndClearsOnTheNextGoodRead() {
        client.failDruidWith(new IllegalStateException("No druid connection is configured: add one to ferry.yaml"));
        ui.run(vm::refresh);
        awaitUi(() -> !vm.lastErrorProperty().get().isEmpty() && !vm.refreshingProperty().get());
        assertThat(ui.get(() -> vm.lastErrorProperty().get())).contains("No druid connection");

        client.failDruidWith(null);
        ui.run(vm::refresh);
        awaitUi(() -> vm.lastErrorProperty().get().isEmpty() && vm.timeline().size() == 3);
    }

    @Test
    void withoutAReindexJobForTheDatasourceTheActionIsUnavailableAndSaysWhy() {
        ui.run(vm::refresh);
        awaitUi(() -> vm.timeline().size() == 3);
        DruidTimelineRow row = ui.get(() -> vm.timeline().get(1));
        ui.run(() -> vm.selectedIntervalProperty().set(row));
        ui.run(vm::reindexSelectedInterval);

        assertThat(ui.get(() -> vm.reindexAvailableProperty().get())).isFalse();
        assertThat(ui.get(() -> vm.reindexUnavailableReasonProperty().get())).contains("No druid-reindex job", "ferry.yaml");
        assertThat(ui.get(vm::reindexConfirmation)).isEmpty();
        assertThat(client.druidReindexCalls).isEmpty();
    }

    @Test
    void withAJobTheActionNeedsASelectedIntervalAndItsConfirmationSaysWhatWillHappen() {
        client.withDruidReindex(List.of(ADS_JOB), Map.of("ads-hourly", List.of(RUN_10)));
        ui.run(vm::refresh);
        awaitUi(() -> vm.timeline().size() == 3 && vm.reindexRuns().size() == 1);
        assertThat(ui.get(() -> vm.reindexAvailableProperty().get())).isFalse();
        assertThat(ui.get(() -> vm.reindexUnavailableReasonProperty().get())).contains("Select an interval");

        ui.run(() -> vm.selectedIntervalProperty().set(KAFKA_11));

        assertThat(ui.get(() -> vm.reindexAvailableProperty().get())).isTrue();
        assertThat(ui.get(vm::reindexConfirmation)).hasValueSatisfying(text -> assertThat(text)
                .contains("ads-hourly", "2026-03-01T11:00:00Z / 2026-03-01T12:00:00Z", "s3://events/raw/ad_events/",
                        "real-time segments of the interval are overshadowed", "input is partial, is refused"));

        ui.run(() -> vm.selectedDatasourceProperty().set("clicks"));
        awaitUi(() -> vm.timeline().size() == 1);
        assertThat(ui.get(() -> vm.reindexAvailableProperty().get())).as("clicks has no job").isFalse();
        assertThat(ui.get(() -> List.copyOf(vm.reindexRuns()))).isEmpty();
    }

    @Test
    void theRunsShowTheRealTimeVersusBatchDifferenceAndTheBatchRate() {
        client.withDruidReindex(List.of(ADS_JOB), Map.of("ads-hourly", List.of(RUN_10)));
        ui.run(vm::refresh);
        awaitUi(() -> vm.reindexRuns().size() == 1);

        DruidReindexRunRow run = ui.get(() -> vm.reindexRuns().get(0));
        assertThat(run.eventDifference()).isEqualTo(10L);
        assertThat(run.chunks()).singleElement().satisfies(c -> assertThat(c.difference()).isEqualTo(10L));
        assertThat(ui.get(() -> vm.batchRowsPerSecondProperty().get())).isEqualTo(250.0);
    }

    @Test
    void reindexingRunsInTheBackgroundWithProgressThenShowsTheNewRun() throws Exception {
        client.withDruidReindex(List.of(ADS_JOB), Map.of());
        CountDownLatch release = new CountDownLatch(1);
        client.onDruidReindex(job -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return RUN_10;
        });
        ui.run(vm::refresh);
        awaitUi(() -> vm.timeline().size() == 3 && vm.reindexJob().isPresent());
        ui.run(() -> vm.selectedIntervalProperty().set(KAFKA_10));

        ui.run(vm::reindexSelectedInterval);

        awaitUi(() -> vm.reindexProgressProperty().get().startsWith("run 1: re-index"));
        assertThat(ui.get(() -> vm.reindexRunningProperty().get())).isTrue();
        assertThat(ui.get(() -> vm.reindexAvailableProperty().get())).as("one re-index at a time").isFalse();
        release.countDown();
        awaitUi(() -> !vm.reindexRunningProperty().get() && vm.reindexRuns().size() == 1);
        assertThat(client.druidReindexCalls).containsExactly("ads-hourly 2026-03-01T10:00:00Z/2026-03-01T11:00:00Z");
        assertThat(ui.get(() -> vm.reindexProgressProperty().get()))
                .isEqualTo("Run 7 succeeded: batch 1,000 events vs real-time 990 (+10)");
        assertThat(ui.get(() -> vm.reindexAvailableProperty().get())).isTrue();
    }

    @Test
    void aReindexThatCannotStartShowsItsOneMessage() {
        client.withDruidReindex(List.of(ADS_JOB), Map.of());
        client.onDruidReindex(job -> {
            throw new IllegalStateException("The re-index of 2026-03-01T10:00:00Z/2026-03-01T11:00:00Z could not run: "
                    + "no S3 credentials");
        });
        ui.run(vm::refresh);
        awaitUi(() -> vm.timeline().size() == 3 && vm.reindexJob().isPresent());
        ui.run(() -> vm.selectedIntervalProperty().set(KAFKA_10));

        ui.run(vm::reindexSelectedInterval);

        awaitUi(() -> !vm.reindexRunningProperty().get() && !vm.reindexProgressProperty().get().startsWith("Re-indexing"));
        assertThat(ui.get(() -> vm.reindexProgressProperty().get()))
                .isEqualTo("Re-index failed: The re-index of 2026-03-01T10:00:00Z/2026-03-01T11:00:00Z could not run: no S3 credentials");
    }

    private void awaitUi(Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(10)).until(() -> ui.get(() -> {
            try {
                return condition.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
    }
}

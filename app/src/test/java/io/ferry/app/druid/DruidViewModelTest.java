package io.ferry.app.druid;

import io.ferry.app.StubEngineClient;
import io.ferry.app.UiThread;
import io.ferry.app.task.ThreadPoolTaskExecutor;
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

import static io.ferry.app.druid.DruidFixtures.ADS;
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
    void theReindexActionIsNotAvailableYetAndSaysWhy() {
        ui.run(vm::refresh);
        awaitUi(() -> vm.timeline().size() == 3);
        DruidTimelineRow row = ui.get(() -> vm.timeline().get(1));
        ui.run(() -> vm.selectedIntervalProperty().set(row));
        ui.run(vm::reindexSelectedInterval);
        assertThat(ui.get(() -> vm.reindexAvailableProperty().get())).isFalse();
        assertThat(vm.reindexUnavailableReason()).contains("re-index job");
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

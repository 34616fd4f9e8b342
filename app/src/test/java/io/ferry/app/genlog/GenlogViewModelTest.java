package io.ferry.app.genlog;

import io.ferry.app.UiThread;
import io.ferry.app.task.ThreadPoolTaskExecutor;
import io.ferry.client.genlog.DigestGrouping;
import io.ferry.client.genlog.GenlogFigure;
import io.ferry.client.genlog.LogEntry;
import io.ferry.client.genlog.RotationRecord;
import io.ferry.client.genlog.ScheduleEvery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The General log view model without a screen. The engine is {@link FakeGenlogClient}, a test double of our own
 * client interface (UI logic only); tasks run on the real executor with a plain thread as the UI thread.
 */
class GenlogViewModelTest {
    private final UiThread ui = new UiThread();
    private final ThreadPoolTaskExecutor tasks = new ThreadPoolTaskExecutor(ui);
    private final FakeGenlogClient client = new FakeGenlogClient();
    private final GenlogViewModel vm = ui.get(() -> new GenlogViewModel(client, tasks, Duration.ofHours(1)));

    @AfterEach
    void stop() {
        tasks.close();
        ui.close();
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

    private void loaded() {
        ui.run(vm::reloadConnections);
        awaitUi(() -> vm.statusProperty().get() != null && vm.scheduleProperty().get() != null && !vm.loadingStatusProperty().get());
    }

    @Test
    void theFirstConnectionIsChosenAndItsFiguresSayWhichAreExact() {
        loaded();
        assertThat(ui.get(() -> List.copyOf(vm.connections()))).containsExactly("shop-db", "other-db");
        assertThat(ui.get(() -> vm.connectionProperty().get())).isEqualTo("shop-db");
        List<GenlogFigure> figures = ui.get(() -> List.copyOf(vm.figures()));
        assertThat(figures).filteredOn(f -> f.name().equals("rows")).singleElement()
                .satisfies(f -> assertThat(f.accuracy()).isEqualTo(GenlogFigure.Accuracy.EXACT));
        assertThat(figures).filteredOn(f -> f.name().equals("bytes")).singleElement()
                .satisfies(f -> assertThat(f.accuracy()).isEqualTo(GenlogFigure.Accuracy.ESTIMATE));
        assertThat(ui.get(() -> vm.canRotateProperty().get())).isTrue();
        assertThat(ui.get(() -> vm.chartProperty().get().points())).hasSize(1);
        assertThat(ui.get(() -> vm.chartProperty().get().caption())).contains("enter the instance's allocated storage");
    }

    @Test
    void cancellingTheConfirmationRotatesNothing() {
        loaded();
        ui.run(vm::requestRotation);
        awaitUi(() -> vm.pendingRotationProperty().get() != null);
        assertThat(ui.get(() -> vm.pendingRotationProperty().get().rowsToMove())).isEqualTo(4);
        assertThat(ui.get(() -> vm.pendingRotationProperty().get().whatWillHappen())).contains("renames mysql.general_log");
        assertThat(ui.get(() -> vm.canRotateProperty().get())).as("no second rotation while one waits").isFalse();

        ui.run(vm::cancelRotation);
        assertThat(ui.get(() -> vm.pendingRotationProperty().get())).isNull();
        assertThat(ui.get(() -> vm.noticeProperty().get())).contains("cancelled");
        assertThat(client.rotations()).isZero();
        assertThat(ui.get(() -> vm.canRotateProperty().get())).isTrue();
    }

    @Test
    void aConfirmedRotationRunsInTheBackgroundThenShowsItsHistoryRowAndTheEmptiedTable() {
        loaded();
        List<String> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
        ui.run(() -> vm.rotationProgressProperty().addListener((o, a, b) -> progress.add(b)));
        ui.run(vm::requestRotation);
        awaitUi(() -> vm.pendingRotationProperty().get() != null);
        ui.run(vm::confirmRotation);

        awaitUi(() -> !vm.rotatingProperty().get() && vm.history().size() == 1 && vm.statusProperty().get() != null
                && vm.statusProperty().get().rows() == 0);
        RotationRecord r = ui.get(() -> vm.history().get(0));
        assertThat(r.rowsRotated()).isEqualTo(4);
        assertThat(r.rowsArchived()).isEqualTo(r.rowsRotated());
        assertThat(r.triggeredBy()).endsWith("(console)");
        assertThat(progress).anyMatch(p -> p.startsWith("Renamed mysql.general_log"));
        assertThat(ui.get(() -> vm.noticeProperty().get())).contains("Rotated 4 rows", "4 archived and verified");
        awaitUi(() -> vm.sources().size() == 2);
        assertThat(ui.get(() -> vm.sources().get(1))).endsWith(".ndjson.gz");
        assertThat(client.rotations()).isEqualTo(1);
    }

    @Test
    void aLogNotKeptAsATableSaysTheFixAndCannotBeRotated() {
        client.logOutputIsFile();
        loaded();
        assertThat(ui.get(() -> vm.statusProperty().get().problem())).hasValueSatisfying(p -> assertThat(p)
                .contains("SET GLOBAL log_output = 'TABLE'"));
        assertThat(ui.get(() -> vm.canRotateProperty().get())).isFalse();
    }

    @Test
    void theScheduleIsInstalledChangedAndRemoved() {
        loaded();
        assertThat(ui.get(() -> vm.scheduleTextProperty().get())).contains("No scheduled rotation", "event_scheduler is ON.");
        ui.run(() -> {
            vm.scheduleAmountProperty().set(12);
            vm.scheduleUnitProperty().set(ScheduleEvery.Unit.HOURS);
            vm.installSchedule();
        });
        awaitUi(() -> vm.scheduleProperty().get().event().isPresent() && !vm.schedulingBusyProperty().get());
        assertThat(ui.get(() -> vm.scheduleTextProperty().get())).contains("Every 12 hour", "definer ferry@%", "last fired never");

        ui.run(vm::removeSchedule);
        awaitUi(() -> vm.scheduleProperty().get().event().isEmpty() && !vm.schedulingBusyProperty().get());
    }

    @Test
    void withTheEventSchedulerOffTheScheduleSaysHowToTurnItOn() {
        client.schedulerOff();
        loaded();
        assertThat(ui.get(() -> vm.scheduleTextProperty().get())).contains("event_scheduler is OFF", "Fix: SET GLOBAL event_scheduler = ON");
        ui.run(vm::installSchedule);
        awaitUi(() -> !vm.errorProperty().get().isEmpty());
        assertThat(ui.get(() -> vm.errorProperty().get())).contains("Nothing was changed");
        assertThat(ui.get(() -> vm.scheduleProperty().get().event())).isEmpty();
    }

    @Test
    void searchAndDigestUseTheFilters() {
        loaded();
        ui.run(() -> {
            vm.commandTypeProperty().set("Query");
            vm.textProperty().set("orders");
            vm.search();
        });
        awaitUi(() -> vm.searchResults().size() == 2 && !vm.browsingProperty().get());
        assertThat(ui.get(() -> vm.searchResults().stream().map(LogEntry::argument).toList()))
                .allMatch(a -> a.contains("orders"));
        assertThat(ui.get(() -> vm.searchSummaryProperty().get())).isEqualTo("2 matching rows.");

        ui.run(() -> {
            vm.textProperty().set("");
            vm.groupingProperty().set(DigestGrouping.FINGERPRINT);
            vm.digest();
        });
        awaitUi(() -> !vm.digestResults().isEmpty() && !vm.browsingProperty().get());
        assertThat(ui.get(() -> vm.digestResults().get(0).key())).isEqualTo("select * from orders where id = ?");
        assertThat(ui.get(() -> vm.digestResults().get(0).count())).isEqualTo(2);
        assertThat(ui.get(() -> vm.digestSummaryProperty().get())).startsWith("3 rows read, 3 matched, 2 groups by fingerprint");

        ui.run(() -> vm.exportDigestCsv(Path.of("/tmp/digest.csv")));
        awaitUi(() -> vm.noticeProperty().get().contains("2 groups written to /tmp/digest.csv"));
    }

    @Test
    void theAllocatedStorageDrawsTheThresholdAndProjectsTheCrossing() {
        ui.run(() -> vm.allocatedStorageGbProperty().set("100"));
        loaded();
        GrowthChartData chart = ui.get(() -> vm.chartProperty().get());
        assertThat(chart.threshold()).isPresent();
        assertThat(chart.projection()).hasSize(2);
        assertThat(chart.caption()).contains("RDS rotates at", "projected to be reached on 2026-12-28");

        ui.run(() -> {
            vm.allocatedStorageGbProperty().set("lots");
            vm.refreshStatus();
        });
        assertThat(ui.get(() -> vm.errorProperty().get())).contains("give numbers");
    }
}

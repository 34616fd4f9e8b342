package io.ferry.app.replication;

import io.ferry.app.StubEngineClient;
import io.ferry.app.UiThread;
import io.ferry.app.task.ThreadPoolTaskExecutor;
import io.ferry.client.ReplicationSample;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.ferry.app.replication.ReplicationFixtures.hour;
import static io.ferry.app.replication.ReplicationFixtures.job;
import static io.ferry.app.replication.ReplicationFixtures.sample;
import static io.ferry.app.replication.ReplicationFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Replication view model without a screen: polls are run by hand, the UI thread is a plain thread. */
class ReplicationViewModelTest {
    private final UiThread ui = new UiThread();
    private final ThreadPoolTaskExecutor tasks = new ThreadPoolTaskExecutor(ui);
    private final StubEngineClient engine = StubEngineClient.configured(List.of());
    private final ReplicationViewModel vm = new ReplicationViewModel(engine, tasks, ui, Duration.ofMillis(100));

    @AfterEach
    void close() {
        vm.stop();
        tasks.close();
        ui.close();
    }

    @Test
    void theFirstJobIsShownWithItsHourOfSamplesThenOnlyNewOnesAreFetched() {
        engine.answerReplicationWith(List.of(job("sandbox-shop", "STREAMING", true, null), job("other", "STOPPED", false, null)),
                List.of(table("shop.orders", "STREAMING", -1)));
        engine.replicationSamples(hour(3600));

        vm.pollOnce();
        assertThat(ui.get(() -> vm.selectedJobProperty().get())).isEqualTo("sandbox-shop");
        assertThat(ui.get(() -> vm.samplesProperty().get())).hasSize(3600);
        assertThat(ui.get(() -> vm.statusProperty().get().state())).isEqualTo("STREAMING");
        assertThat(ui.get(() -> List.copyOf(vm.tables()))).extracting(t -> t.table()).containsExactly("shop.orders");

        engine.addReplicationSample(sample(3600, 5));
        vm.pollOnce();

        List<ReplicationSample> shown = ui.get(() -> vm.samplesProperty().get());
        assertThat(shown).hasSize(3600); // an hour at most: the oldest went
        assertThat(shown.get(0).time()).isEqualTo(ReplicationFixtures.T0.plusSeconds(1));
        assertThat(shown.get(3599).rowsInPerSecond()).isEqualTo(5);
    }

    @Test
    void pollsThatPileUpReachTheUiOnceAndLoseNoSample() {
        List<Runnable> held = new ArrayList<>();
        ReplicationViewModel slowUi = new ReplicationViewModel(engine, tasks, held::add, Duration.ofMillis(100));
        engine.answerReplicationWith(List.of(job("j", "STREAMING", true, null)), List.of());
        engine.replicationSamples(List.of(sample(0, 1)));

        slowUi.pollOnce();
        engine.addReplicationSample(sample(1, 2));
        slowUi.pollOnce();
        engine.addReplicationSample(sample(2, 3));
        slowUi.pollOnce();
        slowUi.pollOnce(); // nothing new: this poll replaces the last one and must still carry its samples

        assertThat(held).hasSize(1); // one UI update scheduled for four polls
        held.get(0).run();
        assertThat(slowUi.samplesProperty().get()).extracting(ReplicationSample::rowsInPerSecond).containsExactly(1.0, 2.0, 3.0);
    }

    @Test
    void choosingAnotherJobShowsItsSamplesOnly() {
        engine.answerReplicationWith(List.of(job("a", "STREAMING", true, null), job("b", "STREAMING", true, null)), List.of());
        engine.replicationSamples(hour(10));
        vm.pollOnce();

        ui.run(() -> vm.selectedJobProperty().set("b"));
        engine.replicationSamples(List.of(sample(100, 7)));
        vm.pollOnce();

        assertThat(ui.get(() -> vm.statusProperty().get().name())).isEqualTo("b");
        assertThat(ui.get(() -> vm.samplesProperty().get())).extracting(ReplicationSample::rowsInPerSecond).containsExactly(7.0);
    }

    @Test
    void theJobsLastErrorIsShownPlainly() {
        engine.answerReplicationWith(List.of(job("j", "FAILED", false,
                "The checkpoint's binlog file mariadb-bin.000001 is no longer on the source")), List.of());

        vm.pollOnce();

        assertThat(ui.get(() -> vm.lastErrorProperty().get()))
                .isEqualTo("The checkpoint's binlog file mariadb-bin.000001 is no longer on the source");
    }

    @Test
    void startStopAndReloadGoToTheEngineAndSayWhatHappened() {
        engine.answerReplicationWith(List.of(job("j", "STOPPED", false, null)), List.of(table("shop.orders", "STOPPED", -1)));
        vm.pollOnce();

        ui.run(vm::startJob);
        await().atMost(Duration.ofSeconds(5)).until(() -> !ui.get(() -> vm.busyProperty().get()));
        ui.run(vm::stopJob);
        await().atMost(Duration.ofSeconds(5)).until(() -> !ui.get(() -> vm.busyProperty().get()));
        ui.run(() -> vm.reloadTable("shop.orders"));
        await().atMost(Duration.ofSeconds(5)).until(() -> !ui.get(() -> vm.busyProperty().get()));

        assertThat(engine.replicationCommands()).containsExactly("start j", "stop j", "reload j shop.orders");
        assertThat(ui.get(() -> vm.messageProperty().get())).isEqualTo("Job j restarted to load shop.orders again");
    }

    @Test
    void startedItPollsSeveralTimesASecond() {
        engine.answerReplicationWith(List.of(job("j", "STREAMING", true, null)), List.of());
        vm.start();

        await().atMost(Duration.ofSeconds(3)).until(() -> engine.historyCalls() >= 5);
        vm.stop();
    }
}

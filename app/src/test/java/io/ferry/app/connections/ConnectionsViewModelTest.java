package io.ferry.app.connections;

import io.ferry.app.StubEngineClient;
import io.ferry.app.UiThread;
import io.ferry.app.task.ThreadPoolTaskExecutor;
import io.ferry.client.ConnectionHealth;
import io.ferry.client.ConnectionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.ferry.app.StubEngineClient.down;
import static io.ferry.app.StubEngineClient.up;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The connections view model without a screen. The engine is {@link StubEngineClient}, a test double of our
 * own client interface (UI logic only); tasks run on the real executor with a plain thread as the UI thread.
 */
class ConnectionsViewModelTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final List<ConnectionStatus> SANDBOX = List.of(
            up("source", "mysql", "127.0.0.1:3306/shop"),
            up("warehouse", "postgresql", "127.0.0.1:5432/dw"),
            down("lake", "s3", "http://127.0.0.1:9000/raw", "Connection refused"));

    private final UiThread ui = new UiThread();
    private final ThreadPoolTaskExecutor tasks = new ThreadPoolTaskExecutor(ui);
    private final StubEngineClient client = StubEngineClient.configured(SANDBOX);
    private final ConnectionsViewModel viewModel = new ConnectionsViewModel(client, tasks, Duration.ofMillis(50),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void stop() {
        tasks.close();
        ui.close();
    }

    @Test
    void refreshShowsEveryConnectionWithItsHealthAndASummary() {
        ui.run(viewModel::refresh);

        awaitUi(() -> viewModel.rows().size() == 3);
        assertThat(ui.get(() -> List.copyOf(viewModel.rows()))).extracting(ConnectionStatus::name, ConnectionStatus::health)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("source", ConnectionHealth.UP),
                        org.assertj.core.groups.Tuple.tuple("warehouse", ConnectionHealth.UP),
                        org.assertj.core.groups.Tuple.tuple("lake", ConnectionHealth.DOWN));
        assertThat(ui.get(() -> viewModel.summaryProperty().get())).isEqualTo("3 connections: 2 up, 1 down");
        assertThat(ui.get(() -> viewModel.lastRefreshedProperty().get())).isEqualTo(NOW);
        awaitUi(() -> !viewModel.checkingProperty().get());
    }

    @Test
    void aFailedCheckSaysWhyAndKeepsTheLastRows() {
        ui.run(viewModel::refresh);
        awaitUi(() -> viewModel.rows().size() == 3 && !viewModel.checkingProperty().get());

        client.failChecksWith(new IllegalStateException("engine is shutting down"));
        ui.run(viewModel::refresh);

        awaitUi(() -> !viewModel.lastErrorProperty().get().isEmpty());
        assertThat(ui.get(() -> viewModel.lastErrorProperty().get()))
                .isEqualTo("Checking the connections failed: engine is shutting down");
        assertThat(ui.get(() -> viewModel.rows().size())).isEqualTo(3);

        client.answerChecksWith(SANDBOX.subList(0, 1));
        awaitUi(() -> !viewModel.checkingProperty().get());
        ui.run(viewModel::refresh);
        awaitUi(() -> viewModel.rows().size() == 1);
        assertThat(ui.get(() -> viewModel.lastErrorProperty().get())).isEmpty();
        assertThat(ui.get(() -> viewModel.summaryProperty().get())).isEqualTo("1 connection: 1 up");
    }

    @Test
    void refreshWhileACheckIsRunningDoesNotStartAnother() throws InterruptedException {
        CountDownLatch release = client.holdChecks();
        ui.run(viewModel::refresh);
        await().atMost(5, TimeUnit.SECONDS).until(() -> client.checks() == 1);

        ui.run(viewModel::refresh);
        ui.run(viewModel::refresh);
        assertThat(ui.get(() -> viewModel.checkingProperty().get())).isTrue();
        release.countDown();

        awaitUi(() -> !viewModel.checkingProperty().get());
        assertThat(client.checks()).isEqualTo(1);
    }

    @Test
    void autoRefreshChecksRepeatedlyUntilStopped() {
        ui.run(viewModel::startAutoRefresh);
        await().atMost(5, TimeUnit.SECONDS).until(() -> client.checks() >= 3);

        ui.run(viewModel::stopAutoRefresh);
        awaitUi(() -> !viewModel.checkingProperty().get());
        int afterStop = client.checks();
        await().during(Duration.ofMillis(250)).atMost(Duration.ofSeconds(2)).until(() -> client.checks() <= afterStop + 1);
    }

    @Test
    void noConnectionsIsSaidPlainly() {
        StubEngineClient empty = StubEngineClient.configured(List.of());
        ConnectionsViewModel emptyModel = new ConnectionsViewModel(empty, tasks);
        ui.run(emptyModel::refresh);
        awaitUi(() -> emptyModel.lastRefreshedProperty().get() != null);
        assertThat(ui.get(() -> emptyModel.summaryProperty().get())).isEqualTo("No connections configured");
    }

    private void awaitUi(java.util.function.BooleanSupplier condition) {
        await().atMost(5, TimeUnit.SECONDS).until(() -> ui.get(condition::getAsBoolean));
    }
}

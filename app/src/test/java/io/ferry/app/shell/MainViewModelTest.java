package io.ferry.app.shell;

import io.ferry.app.StubEngineClient;
import io.ferry.app.UiThread;
import io.ferry.app.connections.ConnectionsViewModel;
import io.ferry.app.task.ThreadPoolTaskExecutor;
import io.ferry.client.ConnectionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static io.ferry.app.StubEngineClient.up;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The window's view model without a screen. The engine is {@link StubEngineClient}, a test double of our own
 * client interface (UI logic only); tasks run on the real executor with a plain thread as the UI thread.
 */
class MainViewModelTest {
    private static final List<ConnectionStatus> SANDBOX = List.of(
            up("source", "mysql", "127.0.0.1:3306/shop"), up("warehouse", "postgresql", "127.0.0.1:5432/dw"));

    private final UiThread ui = new UiThread();
    private final ThreadPoolTaskExecutor tasks = new ThreadPoolTaskExecutor(ui);

    @AfterEach
    void stop() {
        tasks.close();
        ui.close();
    }

    @Test
    void unconfiguredStartsTheSandboxShowsItsProgressThenTheConnections() {
        StubEngineClient client = StubEngineClient.unconfigured(
                List.of("Starting MariaDB on port 3306", "Starting PostgreSQL on port 5432"), true, SANDBOX);
        ConnectionsViewModel connections = connections(client);
        MainViewModel main = new MainViewModel(client, tasks, connections);
        ui.run(() -> main.select("Cost"));

        ui.run(main::start);

        awaitUi(() -> main.sandboxMessages().size() == 3);
        assertThat(ui.get(() -> main.engineStateProperty().get())).isEqualTo(EngineState.STARTING_SANDBOX);
        assertThat(ui.get(() -> List.copyOf(main.sandboxMessages()))).containsExactly(
                "Nothing is configured: starting the local sandbox",
                "Starting MariaDB on port 3306",
                "Starting PostgreSQL on port 5432");
        assertThat(ui.get(() -> main.statusTextProperty().get()))
                .isEqualTo("Starting the sandbox: Starting PostgreSQL on port 5432");

        client.finishSandbox();

        awaitUi(() -> main.engineStateProperty().get() == EngineState.READY && connections.rows().size() == 2);
        assertThat(ui.get(() -> main.selectedSectionProperty().get()))
                .as("the user went to Cost while the sandbox started, and stays there").isEqualTo("Cost");
        assertThat(ui.get(() -> main.statusTextProperty().get()))
                .isEqualTo("Engine ready (configuration: sandbox) · 2 connections: 2 up");
        assertThat(client.sandboxStarts()).isEqualTo(1);
        ui.run(main::stop);
    }

    @Test
    void configuredShowsTheConnectionsWithoutASandbox() {
        StubEngineClient client = StubEngineClient.configured(SANDBOX);
        ConnectionsViewModel connections = connections(client);
        MainViewModel main = new MainViewModel(client, tasks, connections);

        ui.run(main::start);
        ui.run(main::start);

        awaitUi(() -> main.engineStateProperty().get() == EngineState.READY && connections.rows().size() == 2);
        assertThat(client.sandboxStarts()).isZero();
        assertThat(ui.get(() -> main.sandboxMessages().isEmpty())).isTrue();
        assertThat(ui.get(() -> main.engineInfoProperty().get())).isEqualTo(StubEngineClient.INFO);
        ui.run(main::stop);
    }

    @Test
    void aSandboxThatFailsToStartSaysWhy() {
        StubEngineClient client = StubEngineClient.unconfigured(List.of("Starting MariaDB"), false, SANDBOX);
        client.failSandboxWith(new IllegalStateException("port 3306 is taken by another process"));
        MainViewModel main = new MainViewModel(client, tasks, connections(client));

        ui.run(main::start);

        awaitUi(() -> main.engineStateProperty().get() == EngineState.FAILED);
        assertThat(ui.get(() -> main.startupErrorProperty().get()))
                .isEqualTo("Could not start the sandbox: port 3306 is taken by another process");
        assertThat(ui.get(() -> main.statusTextProperty().get())).isEqualTo(ui.get(() -> main.startupErrorProperty().get()));
    }

    @Test
    void selectingASectionIsRemembered() {
        StubEngineClient client = StubEngineClient.configured(SANDBOX);
        MainViewModel main = new MainViewModel(client, tasks, connections(client));
        assertThat(ui.get(() -> main.selectedSectionProperty().get())).isEqualTo(MainViewModel.CONNECTIONS);

        ui.run(() -> main.select("Druid"));

        assertThat(ui.get(() -> main.selectedSectionProperty().get())).isEqualTo("Druid");
    }

    private ConnectionsViewModel connections(StubEngineClient client) {
        return new ConnectionsViewModel(client, tasks, Duration.ofSeconds(5), Clock.systemUTC());
    }

    private void awaitUi(BooleanSupplier condition) {
        await().atMost(5, TimeUnit.SECONDS).until(() -> ui.get(condition::getAsBoolean));
    }
}

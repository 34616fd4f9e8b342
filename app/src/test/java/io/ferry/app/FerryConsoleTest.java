package io.ferry.app;

import io.ferry.app.shell.EngineState;
import io.ferry.client.ConnectionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import static io.ferry.app.StubEngineClient.down;
import static io.ferry.app.StubEngineClient.up;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real console window, driven headless (Monocle) through TestFX. The engine is {@link StubEngineClient},
 * a test double of our own client interface, so this tests the UI only; a console {@code *IT} against the real
 * sandbox (InProcessEngineClient) covers the engine side with the same {@link ConsoleDriver}.
 */
class FerryConsoleTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final List<ConnectionStatus> SANDBOX = List.of(
            up("source", "mysql", "127.0.0.1:3306/shop"),
            up("warehouse", "postgresql", "127.0.0.1:5432/dw"),
            down("lake", "s3", "http://127.0.0.1:9000/raw", "Connection refused"));

    private ConsoleDriver console;

    @AfterEach
    void close() throws TimeoutException {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void everyNavigationEntryShowsItsPage() throws Exception {
        console = ConsoleDriver.launch(config -> StubEngineClient.configured(SANDBOX));
        assertThat(console.window("Ferry")).as("the window titled Ferry").isNotNull();
        assertThat(console.shownPageId()).isEqualTo("page-connections");

        Map<String, String> pages = Map.of(
                "Replication", "page-replication",
                "General log", "page-general-log",
                "Druid", "page-druid",
                "Cost", "page-cost",
                "Connections", "page-connections");
        for (String title : List.of("Replication", "General log", "Druid", "Cost", "Connections")) {
            console.openSection(title);
            assertThat(console.shownPageId()).as("page shown after clicking %s", title).isEqualTo(pages.get(title));
            assertThat(console.textInPage(".page-title")).isEqualTo(title);
        }
        assertThat(console.textInPage(".placeholder-tag")).as("the connections page is not a placeholder").isNull();

        console.openSection("Druid");
        assertThat(console.textInPage(".placeholder-tag")).as("the Druid page is not a placeholder").isNull();
    }

    @Test
    void unconfiguredShowsTheSandboxProgressThenTheHealthOfEachConnection() throws Exception {
        StubEngineClient client = StubEngineClient.unconfigured(
                List.of("Starting MariaDB on port 3306", "Starting PostgreSQL on port 5432"), true, SANDBOX);
        console = ConsoleDriver.launch(config -> client);

        console.awaitTrue(WAIT, () -> console.sandboxMessages().size() == 3);
        assertThat(console.isShown("#sandbox-progress")).isTrue();
        assertThat(console.isShown("#status-progress")).isTrue();
        assertThat(console.sandboxMessages()).endsWith("Starting PostgreSQL on port 5432");
        assertThat(console.text("#status-text")).isEqualTo("Starting the sandbox: Starting PostgreSQL on port 5432");

        client.finishSandbox();

        console.awaitTrue(WAIT, () -> console.healthByConnection().size() == 3);
        assertThat(console.healthByConnection())
                .containsExactlyInAnyOrderEntriesOf(Map.of("source", "Up", "warehouse", "Up", "lake", "Down"));
        assertThat(console.badgesWithStyle("health-up")).isEqualTo(2);
        assertThat(console.badgesWithStyle("health-down")).isEqualTo(1);
        assertThat(console.isShown("#sandbox-progress")).isFalse();
        assertThat(console.isShown("#status-progress")).isFalse();
        assertThat(console.text("#status-text"))
                .isEqualTo("Engine ready (configuration: sandbox) · 3 connections: 2 up, 1 down");
        assertThat(console.lookup("Connection refused").tryQuery()).isPresent();
        assertThat(console.console().firstFrameMillis()).as("first frame measured").isGreaterThanOrEqualTo(0);
    }

    @Test
    void checkNowChecksTheConnectionsAgain() throws Exception {
        StubEngineClient client = StubEngineClient.configured(SANDBOX);
        console = ConsoleDriver.launch(config -> client);
        console.awaitTrue(WAIT, () -> console.connectionRows().size() == 3
                && !console.lookup("#check-now").queryButton().isDisabled());
        int before = client.checks();

        client.answerChecksWith(SANDBOX.subList(0, 1));
        console.clickOn("#check-now");

        console.awaitTrue(WAIT, () -> console.connectionRows().size() == 1);
        assertThat(client.checks()).isGreaterThan(before);
        assertThat(console.text("#connections-summary")).isEqualTo("1 connection: 1 up");
    }

    @Test
    void aFailedStartIsShownWithItsReason() throws Exception {
        StubEngineClient client = StubEngineClient.unconfigured(List.of("Starting MariaDB"), false, SANDBOX);
        client.failSandboxWith(new IllegalStateException("port 3306 is taken by another process"));
        console = ConsoleDriver.launch(config -> client);

        console.awaitTrue(WAIT, () -> console.isShown("#startup-error"));
        assertThat(console.text("#startup-error"))
                .isEqualTo("Could not start the sandbox: port 3306 is taken by another process");
        assertThat(console.text("#status-text")).isEqualTo(console.text("#startup-error"));
        assertThat(console.console().mainViewModel().engineStateProperty().get()).isEqualTo(EngineState.FAILED);
    }
}

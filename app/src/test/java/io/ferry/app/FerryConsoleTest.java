package io.ferry.app;

import io.ferry.app.shell.EngineState;
import io.ferry.client.ConnectionStatus;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static io.ferry.app.StubEngineClient.down;
import static io.ferry.app.StubEngineClient.up;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

/**
 * The real console window, driven headless (Monocle) through TestFX. The engine is {@link StubEngineClient},
 * a test double of our own client interface, so this tests the UI only; a console {@code *IT} against the real
 * sandbox (InProcessEngineClient) covers the engine side.
 */
class FerryConsoleTest extends FxRobot {
    private static final List<ConnectionStatus> SANDBOX = List.of(
            up("source", "mysql", "127.0.0.1:3306/shop"),
            up("warehouse", "postgresql", "127.0.0.1:5432/dw"),
            down("lake", "s3", "http://127.0.0.1:9000/raw", "Connection refused"));

    private FerryConsole console;

    private void launch(StubEngineClient client) throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        console = (FerryConsole) FxToolkit.setupApplication(
                () -> new FerryConsole(config -> client, ConsoleOptions.none()));
    }

    @AfterEach
    void close() throws TimeoutException {
        if (console != null) {
            FxToolkit.cleanupApplication(console);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void everyNavigationEntryShowsItsPage() throws Exception {
        launch(StubEngineClient.configured(SANDBOX));
        assertThat(onFx(() -> ((Stage) window("Ferry")).getTitle())).isEqualTo("Ferry");
        assertThat(shownPageId()).isEqualTo("page-connections");

        String[][] sections = {
                {"Replication", "page-replication"},
                {"General log", "page-general-log"},
                {"Druid", "page-druid"},
                {"Cost", "page-cost"},
                {"Connections", "page-connections"},
        };
        for (String[] section : sections) {
            clickOn(navigationEntry(section[0]));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(shownPageId()).as("page shown after clicking %s", section[0]).isEqualTo(section[1]);
            assertThat(onFx(() -> shownPage().lookup(".page-title") instanceof Label title ? title.getText() : null))
                    .isEqualTo(section[0]);
        }
        assertThat(onFx(() -> ((Label) shownPage().lookup(".placeholder-tag")))).isNull();
        clickOn(navigationEntry("Cost"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> ((Label) shownPage().lookup(".placeholder-text")).getText()))
                .contains("break-even");
    }

    @Test
    void unconfiguredShowsTheSandboxProgressThenTheHealthOfEachConnection() throws Exception {
        StubEngineClient client = StubEngineClient.unconfigured(
                List.of("Starting MariaDB on port 3306", "Starting PostgreSQL on port 5432"), true, SANDBOX);
        launch(client);

        awaitFx(() -> lookup("#sandbox-messages").queryListView().getItems().size() == 3);
        assertThat(onFx(() -> isShown(lookup("#sandbox-progress").query()))).isTrue();
        assertThat(onFx(() -> isShown(lookup("#status-progress").query()))).isTrue();
        assertThat(onFx(() -> List.copyOf(lookup("#sandbox-messages").queryListView().getItems())))
                .endsWith("Starting PostgreSQL on port 5432");
        assertThat(onFx(() -> lookup("#status-text").queryLabeled().getText()))
                .isEqualTo("Starting the sandbox: Starting PostgreSQL on port 5432");

        client.finishSandbox();

        awaitFx(() -> table().getItems().size() == 3 && lookup(".health-badge").queryAll().size() == 3);
        assertThat(onFx(() -> isShown(lookup("#sandbox-progress").query()))).isFalse();
        assertThat(onFx(() -> isShown(lookup("#status-progress").query()))).isFalse();
        assertThat(onFx(() -> lookup(".health-up").queryAll().size())).isEqualTo(2);
        assertThat(onFx(() -> lookup(".health-down").queryAllAs(Label.class).iterator().next().getText()))
                .isEqualTo("Down");
        assertThat(onFx(() -> lookup("#status-text").queryLabeled().getText()))
                .isEqualTo("Engine ready (configuration: sandbox) · 3 connections: 2 up, 1 down");
        assertThat(onFx(() -> lookup("Connection refused").tryQuery().isPresent())).isTrue();
        assertThat(console.firstFrameMillis()).as("first frame measured").isGreaterThanOrEqualTo(0);
    }

    @Test
    void checkNowChecksTheConnectionsAgain() throws Exception {
        StubEngineClient client = StubEngineClient.configured(SANDBOX);
        launch(client);
        awaitFx(() -> table().getItems().size() == 3 && !lookup("#check-now").queryButton().isDisabled());
        int before = client.checks();

        client.answerChecksWith(SANDBOX.subList(0, 1));
        clickOn("#check-now");

        awaitFx(() -> table().getItems().size() == 1);
        assertThat(client.checks()).isGreaterThan(before);
        assertThat(onFx(() -> lookup("#connections-summary").queryLabeled().getText())).isEqualTo("1 connection: 1 up");
    }

    @Test
    void aFailedStartIsShownWithItsReason() throws Exception {
        StubEngineClient client = StubEngineClient.unconfigured(List.of("Starting MariaDB"), false, SANDBOX);
        client.failSandboxWith(new IllegalStateException("port 3306 is taken by another process"));
        launch(client);

        awaitFx(() -> console.mainViewModel().engineStateProperty().get() == EngineState.FAILED);
        assertThat(onFx(() -> isShown(lookup("#startup-error").query()))).isTrue();
        assertThat(onFx(() -> lookup("#startup-error").queryLabeled().getText()))
                .isEqualTo("Could not start the sandbox: port 3306 is taken by another process");
    }

    private Node navigationEntry(String title) {
        return from(lookup("#navigation").queryAs(ListView.class)).lookup(hasText(title)).query();
    }

    private TableView<?> table() {
        return lookup("#connections-table").queryTableView();
    }

    private Pane shownPage() {
        return (Pane) lookup("#content").queryAs(Pane.class).getChildren().get(0);
    }

    private String shownPageId() throws Exception {
        return onFx(() -> shownPage().getId());
    }

    /** Visible itself and all the way up to the scene. */
    private static boolean isShown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }

    private static void awaitFx(Callable<Boolean> condition) {
        await().atMost(10, TimeUnit.SECONDS).until(() -> onFx(condition));
    }
}

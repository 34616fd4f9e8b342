package io.ferry.app;

import io.ferry.client.ConnectionStatus;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.layout.Pane;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.awaitility.Awaitility.await;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

/**
 * Drives the real console window (headless under Monocle, see app/pom.xml) for TestFX tests: launches it with
 * a given engine client, reads what the user sees, clicks. Reads happen on the FX thread.
 * <pre>{@code
 * try (ConsoleDriver console = ConsoleDriver.launch(InProcessEngineClient::new)) {
 *     console.awaitTrue(Duration.ofMinutes(3), () -> !console.healthByConnection().isEmpty());
 * }
 * }</pre>
 */
public final class ConsoleDriver extends FxRobot implements AutoCloseable {
    private final FerryConsole console;

    private ConsoleDriver(FerryConsole console) {
        this.console = console;
    }

    public static ConsoleDriver launch(EngineClientFactory clients) throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        FerryConsole console = (FerryConsole) FxToolkit.setupApplication(
                () -> new FerryConsole(clients, ConsoleOptions.none()));
        return new ConsoleDriver(console);
    }

    public FerryConsole console() {
        return console;
    }

    public void openSection(String title) {
        Node entry = from(lookup("#navigation").queryAs(ListView.class)).lookup(hasText(title)).query();
        clickOn(entry);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The id of the page in the content area, e.g. {@code page-connections}. */
    public String shownPageId() {
        return onFx(() -> shownPage().getId());
    }

    /** The text of the first node matching {@code selector} inside the shown page, or null. */
    public String textInPage(String selector) {
        return onFx(() -> shownPage().lookup(selector) instanceof Label label ? label.getText() : null);
    }

    /** The text of the labeled control (label, button) matching {@code query}, e.g. {@code #status-text}. */
    public String text(String query) {
        return onFx(() -> lookup(query).queryLabeled().getText());
    }

    /** Whether the node matching {@code query} is in the scene and visible, with all its parents. */
    public boolean isShown(String query) {
        return onFx(() -> lookup(query).tryQuery().map(ConsoleDriver::visibleUpToScene).orElse(false));
    }

    public List<String> sandboxMessages() {
        return onFx(() -> List.copyOf(lookup("#sandbox-messages").<String>queryListView().getItems()));
    }

    /** The rows of the connections table (the connections page must have been shown once). */
    public List<ConnectionStatus> connectionRows() {
        return onFx(() -> List.copyOf(lookup("#connections-table").<ConnectionStatus>queryTableView().getItems()));
    }

    /** The rows of the Replication page's table of tables (the page must be shown). */
    public List<io.ferry.client.ReplicationTableStatus> replicationTableRows() {
        return onFx(() -> List.copyOf(lookup("#replication-tables").<io.ferry.client.ReplicationTableStatus>queryTableView()
                .getItems()));
    }

    /** Connection name → the text of its health badge as drawn in the table ("Up", "Down", ...). */
    public Map<String, String> healthByConnection() {
        return onFx(() -> {
            Map<String, String> health = new LinkedHashMap<>();
            TableView<ConnectionStatus> table = lookup("#connections-table").queryTableView();
            List<Label> badges = lookup(".health-badge").queryAllAs(Label.class).stream()
                    .filter(ConsoleDriver::visibleUpToScene).toList();
            for (Label badge : badges) {
                Node cell = badge.getParent();
                if (cell instanceof javafx.scene.control.TableCell<?, ?> tableCell && tableCell.getIndex() >= 0
                        && tableCell.getIndex() < table.getItems().size()) {
                    health.put(table.getItems().get(tableCell.getIndex()).name(), badge.getText());
                }
            }
            return health;
        });
    }

    /** The CSS classes of the badges drawn in the table, e.g. {@code health-up}. */
    public long badgesWithStyle(String styleClass) {
        return onFx(() -> lookup("." + styleClass).queryAll().stream().filter(ConsoleDriver::visibleUpToScene).count());
    }

    public void awaitTrue(Duration atMost, Callable<Boolean> condition) {
        await().atMost(atMost).until(condition);
    }

    @Override
    public void close() throws TimeoutException {
        FxToolkit.cleanupApplication(console);
        FxToolkit.cleanupStages();
    }

    private Pane shownPage() {
        return (Pane) lookup("#content").queryAs(Pane.class).getChildren().get(0);
    }

    private static boolean visibleUpToScene(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("reading the console on the FX thread failed", e);
        }
    }
}

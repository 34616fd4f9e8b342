package io.ferry.app.genlog;

import io.ferry.app.fx.FxTaskExecutor;
import io.ferry.app.task.TaskExecutor;
import io.ferry.client.genlog.DigestLine;
import io.ferry.client.genlog.LogEntry;
import io.ferry.client.genlog.RotationRecord;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real General log page, headless (Monocle), driven through TestFX's robot the way a user goes through it:
 * pick a connection, rotate (cancel, then confirm), search, digest, export. The engine is {@link FakeGenlogClient};
 * {@code GenlogConsoleIT} does the same against the real sandbox.
 */
@ExtendWith(ApplicationExtension.class)
class GenlogViewTest {
    private final FakeGenlogClient client = new FakeGenlogClient();
    private TaskExecutor tasks;
    private GenlogView view;

    @Start
    void start(Stage stage) {
        tasks = FxTaskExecutor.create();
        view = new GenlogView(new GenlogViewModel(client, tasks));
        view.askSaveFileWith(name -> Optional.of(Path.of("/tmp", name)));
        view.viewModel().reloadConnections();
        stage.setScene(new Scene(view, 1240, 780));
        stage.show();
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> items(FxRobot robot, String table) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> List.copyOf(((TableView<T>) robot.lookup(table).queryAs(TableView.class)).getItems())).get();
    }

    private static String text(FxRobot robot, String query) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).queryAs(Label.class).getText()).get();
    }

    @Test
    void pickingAConnectionShowsItsFiguresTaggedExactOrEstimate(FxRobot robot) throws Exception {
        await(() -> "shop-db".equals(view.viewModel().connectionProperty().get()) && view.viewModel().statusProperty().get() != null);
        assertThat(text(robot, "#figure-rows")).isEqualTo("4");
        assertThat(robot.lookup(".accuracy-exact").queryAll()).isNotEmpty();
        assertThat(robot.lookup(".accuracy-estimate").queryAll()).isNotEmpty();
        assertThat(text(robot, "#genlog-heading")).contains("shop-db - mysql.general_log");

        robot.clickOn("#genlog-connection");
        robot.clickOn("other-db");
        await(() -> view.viewModel().statusProperty().get() != null
                && "other-db".equals(view.viewModel().statusProperty().get().connection()));
        assertThat(text(robot, "#genlog-heading")).contains("other-db");
        assertThat(WaitForAsyncUtils.asyncFx(() -> robot.lookup("#genlog-connection").queryAs(ComboBox.class).getValue()).get())
                .isEqualTo("other-db");
    }

    @Test
    void rotateAsksFirstCancelChangesNothingConfirmRotatesAndTheHistoryShowsIt(FxRobot robot) throws Exception {
        await(() -> view.viewModel().canRotateProperty().get());

        robot.clickOn("#genlog-rotate");
        await(() -> view.confirmation().isPresent());
        Node dialog = robot.lookup("#rotation-confirmation").query();
        assertThat(dialog).isNotNull();
        assertThat(robot.lookup("#rotation-confirmation .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("self-managed: atomic double RENAME into a dated table", "4 (and those logged meanwhile)",
                        "/tmp/ferry-test/genlog-archive/shop-db");
        robot.clickOn("#cancel-rotation");
        await(() -> view.confirmation().isEmpty());
        assertThat(client.rotations()).isZero();
        assertThat(text(robot, "#genlog-notice")).contains("cancelled");

        robot.clickOn("#genlog-rotate");
        await(() -> view.confirmation().isPresent());
        robot.clickOn("#confirm-rotation");
        await(() -> client.rotations() == 1 && !view.viewModel().rotatingProperty().get()
                && view.viewModel().history().size() == 1 && "0".equals(robot.lookup("#figure-rows").queryAs(Label.class).getText()));
        List<RotationRecord> history = items(robot, "#genlog-history");
        assertThat(history).singleElement().satisfies(r -> assertThat(r.rowsArchived()).isEqualTo(r.rowsRotated()).isEqualTo(4));
        assertThat(text(robot, "#genlog-notice")).contains("Rotated 4 rows");
    }

    @Test
    void theBrowserSearchesWithFiltersDigestsAndExports(FxRobot robot) throws Exception {
        await(() -> view.viewModel().statusProperty().get() != null);
        robot.clickOn("Log browser");
        robot.clickOn("#browser-text").write("orders");
        robot.clickOn("#browser-search");
        await(() -> !view.viewModel().searchResults().isEmpty());
        List<LogEntry> rows = items(robot, "#browser-rows");
        assertThat(rows).hasSize(2).allMatch(e -> e.argument().contains("orders"));
        assertThat(text(robot, "#browser-summary")).isEqualTo("2 matching rows.");

        robot.doubleClickOn("#browser-text").eraseText(6);
        robot.clickOn("#browser-digest");
        await(() -> !view.viewModel().digestResults().isEmpty());
        List<DigestLine> groups = items(robot, "#browser-digest-table");
        assertThat(groups.get(0).key()).isEqualTo("select * from orders where id = ?");
        assertThat(groups.get(0).count()).isEqualTo(2);
        assertThat(text(robot, "#browser-summary")).contains("groups by fingerprint");

        robot.clickOn("#browser-export");
        await(() -> !client.exported.isEmpty());
        assertThat(client.exported).containsExactly(Path.of("/tmp/genlog-digest.csv"));
        await(() -> view.viewModel().noticeProperty().get().contains("groups written to /tmp/genlog-digest.csv"));
    }
}

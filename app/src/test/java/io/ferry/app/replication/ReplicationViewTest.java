package io.ferry.app.replication;

import io.ferry.app.StubEngineClient;
import io.ferry.app.fx.FxTaskExecutor;
import io.ferry.app.task.TaskExecutor;
import io.ferry.client.ReplicationTableStatus;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
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

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import static io.ferry.app.replication.ReplicationFixtures.hour;
import static io.ferry.app.replication.ReplicationFixtures.job;
import static io.ferry.app.replication.ReplicationFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The real Replication page, headless (Monocle), clicked through TestFX's robot; the engine is a stub. */
@ExtendWith(ApplicationExtension.class)
class ReplicationViewTest {
    private final StubEngineClient engine = StubEngineClient.configured(List.of());
    private TaskExecutor tasks;
    private ReplicationViewModel vm;
    private ReplicationView view;

    @Start
    void start(Stage stage) {
        engine.answerReplicationWith(List.of(job("sandbox-shop", "STREAMING", true, null)),
                List.of(table("shop.customers", "STREAMING", -1), table("shop.orders", "LOADING", 42)));
        engine.replicationSamples(hour(600));
        tasks = FxTaskExecutor.create();
        vm = new ReplicationViewModel(engine, tasks, Platform::runLater, Duration.ofMillis(100));
        view = new ReplicationView(vm, ZoneOffset.UTC);
        stage.setScene(new Scene((javafx.scene.Parent) view.root(), 1240, 780));
        stage.show();
        vm.start();
    }

    @AfterEach
    void stop() {
        vm.stop();
        tasks.close();
    }

    @Test
    void showsTheJobItsChartsAndItsTables(FxRobot robot) {
        await().atMost(Duration.ofSeconds(10)).until(() -> view.updates() > 0
                && robot.lookup("#replication-tables").<ReplicationTableStatus>queryTableView().getItems().size() == 2);

        assertThat(robot.lookup("#replication-state").queryAs(Label.class).getText()).isEqualTo("STREAMING");
        assertThat(robot.lookup("#replication-route").queryAs(Label.class).getText())
                .isEqualTo("sandbox-mariadb → sandbox-postgres, shop.*");
        assertThat(robot.lookup("#replication-figures").queryAs(Label.class).getText())
                .contains("in 120 rows/s", "out 118 rows/s", "source lag 0 s (0 bytes)", "apply lag 0.8 s", "purge horizon 22 h");
        TableView<ReplicationTableStatus> tables = robot.lookup("#replication-tables").queryTableView();
        assertThat(tables.getItems()).extracting(ReplicationView::state).containsExactly("Streaming", "Loading 42 %");
        assertThat(view.rowsChart().drawnPoints()).isPositive();
    }

    @Test
    void aSuspendedTableShowsWhy() {
        assertThat(ReplicationView.state(new ReplicationTableStatus("shop.audit", "SUSPENDED", -1, 10, 10, null, -1, 0, 0,
                "ERROR: new row violates check constraint \"no_boom\""))).isEqualTo(
                "Suspended: ERROR: new row violates check constraint \"no_boom\"");
    }

    @Test
    void startStopAndReloadAreClicked(FxRobot robot) {
        await().atMost(Duration.ofSeconds(10)).until(() ->
                robot.lookup("#replication-tables").<ReplicationTableStatus>queryTableView().getItems().size() == 2);
        assertThat(robot.lookup("#replication-start").queryAs(Button.class).isDisabled()).isTrue(); // it runs

        robot.clickOn("#replication-stop");
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.replicationCommands().contains("stop sandbox-shop"));

        engine.answerReplicationWith(List.of(job("sandbox-shop", "STOPPED", false, null)),
                List.of(table("shop.customers", "STOPPED", -1), table("shop.orders", "STOPPED", -1)));
        await().atMost(Duration.ofSeconds(5)).until(() -> !robot.lookup("#replication-start").queryAs(Button.class).isDisabled());
        robot.clickOn("#replication-start");
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.replicationCommands().contains("start sandbox-shop"));

        assertThat(robot.lookup("#replication-reload").queryAs(Button.class).isDisabled()).isTrue(); // no row chosen
        robot.clickOn("shop.orders");
        await().atMost(Duration.ofSeconds(5)).until(() -> !robot.lookup("#replication-reload").queryAs(Button.class).isDisabled());
        robot.clickOn("#replication-reload");
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.replicationCommands().contains("reload sandbox-shop shop.orders"));
        WaitForAsyncUtils.waitForFxEvents();
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#replication-message").queryAs(Label.class).getText()
                .equals("Job sandbox-shop restarted to load shop.orders again"));
    }

    @Test
    void theLastErrorIsShownPlainly(FxRobot robot) {
        engine.answerReplicationWith(List.of(job("sandbox-shop", "FAILED", false, "another engine owns this job")), List.of());

        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#replication-error").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#replication-error").queryAs(Label.class).getText())
                .isEqualTo("Last error: another engine owns this job");
    }
}

package io.ferry.app.druid;

import io.ferry.app.StubEngineClient;
import io.ferry.app.fx.FxTaskExecutor;
import io.ferry.app.task.TaskExecutor;
import io.ferry.client.druid.DruidTimelineRow;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.ferry.app.druid.DruidFixtures.ADS;
import static io.ferry.app.druid.DruidFixtures.CLICKS;
import static io.ferry.app.druid.DruidFixtures.KAFKA_TASK;
import static io.ferry.app.druid.DruidFixtures.supervisor;
import static org.assertj.core.api.Assertions.assertThat;

/** The real Druid view, headless (Monocle), fed by {@link StubEngineClient} and driven through TestFX's robot. */
@ExtendWith(ApplicationExtension.class)
class DruidViewTest {
    private final StubEngineClient client = StubEngineClient.configured(List.of())
            .withDruid(List.of("ads", "clicks"), Map.of("ads", ADS, "clicks", CLICKS), List.of(supervisor(250.0)), List.of(KAFKA_TASK));
    private TaskExecutor tasks;
    private DruidView view;

    @Start
    void start(Stage stage) {
        tasks = FxTaskExecutor.create();
        view = new DruidView(new DruidViewModel(client, tasks, Duration.ofMillis(300), java.time.Clock.systemUTC()));
        stage.setScene(new Scene(view, 1240, 780));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> view.viewModel().stopAutoRefresh()).get(10, TimeUnit.SECONDS);
        tasks.close();
    }

    private static void waitUntil(FxRobot robot, java.util.function.BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }

    @Test
    void theTimelineShowsBatchRealTimeAndOvershadowedVersionsWithTheirTiers(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<DruidTimelineRow> table = robot.lookup("#druidSegments").queryAs(TableView.class);
        waitUntil(robot, () -> table.getItems().size() == 3);

        waitUntil(robot, () -> robot.lookup(".timeline-segment").queryAllAs(Rectangle.class).stream()
                .filter(r -> r.getWidth() > 0).count() == 3);
        assertThat(robot.lookup(".origin-batch").queryAllAs(Rectangle.class)).singleElement()
                .satisfies(r -> assertThat(r.getFill()).isEqualTo(SegmentTimelineChart.BATCH));
        Rectangle overshadowed = robot.lookup(".overshadowed").queryAs(Rectangle.class);
        assertThat(overshadowed.getStyleClass()).contains("origin-real-time");
        assertThat(((Color) overshadowed.getFill()).getOpacity()).isLessThan(1.0);
        assertThat(overshadowed.getStrokeDashArray()).isNotEmpty();
        Rectangle batch = robot.lookup(".origin-batch").queryAs(Rectangle.class);
        assertThat(overshadowed.getY()).as("the older version sits below the active one").isGreaterThan(batch.getY());
        assertThat(batch.getX()).isEqualTo(overshadowed.getX());

        assertThat(robot.lookup(".timeline-tier").queryAllAs(javafx.scene.text.Text.class))
                .extracting(javafx.scene.text.Text::getText).contains("hot×1", "hot×2");
        assertThat(robot.lookup("#druidSummary").queryAs(Label.class).getText()).contains("ads: 2 interval(s), 1 overshadowed");
        @SuppressWarnings("unchecked")
        TableView<Object> supervisors = robot.lookup("#druidSupervisors").queryAs(TableView.class);
        assertThat(supervisors.getItems()).hasSize(1);
        @SuppressWarnings("unchecked")
        TableView<Object> running = robot.lookup("#druidTasks").queryAs(TableView.class);
        assertThat(running.getItems()).hasSize(1);

        // For a person reviewing the layout: the page as drawn, in target/.
        javafx.scene.image.WritableImage image = WaitForAsyncUtils.asyncFx(() -> view.snapshot(null, null)).get(10, TimeUnit.SECONDS);
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png",
                java.nio.file.Path.of("target", "druid-view.png").toFile());
    }

    @Test
    void clickingABarSelectsItsIntervalButTheReindexButtonStaysDisabledWithAReason(FxRobot robot) throws Exception {
        waitUntil(robot, () -> robot.lookup(".overshadowed").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".overshadowed").queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#druidSelectedInterval").queryAs(Label.class).getText())
                .isEqualTo("Selected 2026-03-01T10:00:00Z / 2026-03-01T11:00:00Z (real-time, overshadowed)");
        @SuppressWarnings("unchecked")
        TableView<DruidTimelineRow> table = robot.lookup("#druidSegments").queryAs(TableView.class);
        assertThat(table.getSelectionModel().getSelectedItem()).isEqualTo(DruidFixtures.KAFKA_10);
        Button reindex = robot.lookup("#reindexButton").queryButton();
        assertThat(reindex.isDisabled()).isTrue();
        assertThat(javafx.scene.control.Tooltip.class.cast(robot.lookup("#reindexHolder").queryAs(Node.class).getProperties()
                .values().stream().filter(v -> v instanceof javafx.scene.control.Tooltip).findFirst().orElseThrow()).getText())
                .contains("No druid-reindex job");
    }

    @Test
    void reindexAsksFirstCancelDoesNothingAndConfirmRunsItAndListsTheRun(FxRobot robot) throws Exception {
        client.withDruidReindex(List.of(DruidFixtures.ADS_JOB), Map.of());
        client.onDruidReindex(job -> DruidFixtures.RUN_10);
        waitUntil(robot, () -> robot.lookup(".overshadowed").tryQuery().isPresent() && view.viewModel().reindexJob().isPresent());
        robot.clickOn(robot.lookup(".overshadowed").queryAs(Node.class));
        Button reindex = robot.lookup("#reindexButton").queryButton();
        waitUntil(robot, () -> !reindex.isDisabled());

        robot.clickOn(reindex);
        waitUntil(robot, () -> view.confirmation().isPresent());
        assertThat(robot.lookup("#reindex-what").queryAs(javafx.scene.control.TextArea.class).getText())
                .contains("2026-03-01T10:00:00Z / 2026-03-01T11:00:00Z", "s3://events/raw/ad_events/", "overshadowed", "refused");
        robot.clickOn("#cancel-reindex");
        waitUntil(robot, () -> view.confirmation().isEmpty());
        assertThat(client.druidReindexCalls).isEmpty();

        robot.clickOn(reindex);
        waitUntil(robot, () -> view.confirmation().isPresent());
        robot.clickOn("#confirm-reindex");

        @SuppressWarnings("unchecked")
        TableView<Object> runs = robot.lookup("#druidRuns").queryAs(TableView.class);
        waitUntil(robot, () -> runs.getItems().size() == 1);
        assertThat(client.druidReindexCalls).containsExactly("ads-hourly 2026-03-01T10:00:00Z/2026-03-01T11:00:00Z");
        waitUntil(robot, () -> robot.lookup("#reindexProgress").queryAs(Label.class).getText().startsWith("Run 7 succeeded"));
        assertThat(robot.lookup("#druidRuns .table-cell").queryAllAs(javafx.scene.control.TableCell.class))
                .extracting(c -> String.valueOf(c.getText())).contains("SUCCEEDED", "+10", "10:00 +10");
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> chart = robot.lookup("#druidThroughput").queryAs(LineChart.class);
        waitUntil(robot, () -> !chart.getData().get(1).getData().isEmpty());
        assertThat(chart.getData().get(1).getData().get(0).getYValue().doubleValue()).as("1,000 rows in 4 s").isEqualTo(250.0);
    }

    @Test
    void choosingAnotherDatasourceRedrawsTheTimeline(FxRobot robot) throws Exception {
        waitUntil(robot, () -> robot.lookup(".timeline-segment").queryAll().size() == 3);
        @SuppressWarnings("unchecked")
        ComboBox<String> datasource = robot.lookup("#druidDatasource").queryAs(ComboBox.class);
        robot.clickOn(datasource);
        robot.clickOn("clicks");
        waitUntil(robot, () -> robot.lookup(".timeline-segment").queryAll().size() == 1);
        assertThat(robot.lookup(".origin-unknown").queryAllAs(Rectangle.class)).hasSize(1);
        assertThat(robot.lookup(".timeline-tier").queryAllAs(javafx.scene.text.Text.class))
                .extracting(javafx.scene.text.Text::getText).containsExactly("cold×1");
    }

    @Test
    void theThroughputChartFollowsTheSupervisorsRate(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> chart = robot.lookup("#druidThroughput").queryAs(LineChart.class);
        waitUntil(robot, () -> chart.getData().get(0).getData().size() >= 2);
        client.setDruidSupervisors(List.of(supervisor(10.0)));
        waitUntil(robot, () -> {
            var points = chart.getData().get(0).getData();
            return points.get(points.size() - 1).getYValue().doubleValue() == 10.0;
        });
        var points = chart.getData().get(0).getData();
        assertThat(points.get(0).getYValue().doubleValue()).isEqualTo(250.0);
        assertThat(points.get(points.size() - 1).getXValue().doubleValue()).as("the newest sample is 'now'").isZero();
        assertThat(points.get(0).getXValue().doubleValue()).isNegative();
    }
}

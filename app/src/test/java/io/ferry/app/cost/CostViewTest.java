package io.ferry.app.cost;

import io.ferry.cost.PriceCatalogue;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.chart.LineChart;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The real Cost view, headless (Monocle), driven through TestFX's robot. */
@ExtendWith(ApplicationExtension.class)
class CostViewTest {
    private CostView view;

    @Start
    void start(Stage stage) {
        // within Monocle's headless screen (1280 x 800): a larger window overflows its framebuffer
        view = (CostView) CostView.create(PriceCatalogue.shipped());
        stage.setScene(new Scene(view, 1240, 780));
        stage.show();
    }

    private static int month(String breakEvenText) {
        Matcher m = Pattern.compile("month (\\d+)").matcher(breakEvenText);
        return m.find() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }

    @Test
    void draggingTheGrowthSliderMovesTheBreakEven(FxRobot robot) {
        Label breakEven = robot.lookup("#breakEvenLabel").queryAs(Label.class);
        Slider growth = robot.lookup("#growthSlider").queryAs(Slider.class);
        String before = breakEven.getText();
        assertThat(before).matches("Break-even: month \\d+.*");
        assertThat(growth.getValue()).isEqualTo(2.0);

        // drag the thumb to the right: faster growth, the owned side pays off sooner
        robot.drag("#growthSlider .thumb").moveBy(90, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(growth.getValue()).isGreaterThan(4.0);
        String after = breakEven.getText();
        assertThat(after).isNotEqualTo(before);
        assertThat(month(after)).isLessThan(month(before));

        // the chart marks the new break-even month
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> chart = robot.lookup("#cumulativeChart").queryAs(LineChart.class);
        assertThat(chart.getData()).anyMatch(s -> s.getName().equals("break-even: month " + month(after)));
    }

    @Test
    void aScenarioValueOutsideASlidersRangeIsKeptNotClamped(FxRobot robot) {
        robot.interact(() -> view.viewModel().load(
                io.ferry.cost.ScenarioLoader.preset("druid-adtech").withGrowthPercent(-1)));
        Slider growth = robot.lookup("#growthSlider").queryAs(Slider.class);
        assertThat(growth.getValue()).isEqualTo(-1.0);
        assertThat(view.viewModel().growthPercentProperty().get()).isEqualTo(-1.0);
        assertThat(view.viewModel().currentScenario().monthlyGrowthPercent()).isEqualTo(-1.0);
    }

    @Test
    void anInstanceTypeIsEditedInTheTable(FxRobot robot) {
        Label totals = robot.lookup("#totalsLabel").queryAs(Label.class);
        String before = totals.getText();
        robot.doubleClickOn("c4.4xlarge");
        robot.push(KeyCode.CONTROL, KeyCode.A).write("c6i.4xlarge").push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        @SuppressWarnings("unchecked")
        TableView<NodeGroupRow> table = robot.lookup("#nodeGroupTable").queryAs(TableView.class);
        assertThat(table.getItems()).anyMatch(r -> r.roleProperty().get().equals("middle-manager")
                && r.instanceTypeProperty().get().equals("c6i.4xlarge"));
        assertThat(totals.getText()).isNotEqualTo(before); // cheaper middle managers, a smaller cloud total
        assertThat(robot.lookup("#costError").queryAs(Label.class).getText()).isEmpty();
    }

    @Test
    void theChartsExportAsPng(FxRobot robot, @TempDir Path dir) throws Exception {
        Path png = dir.resolve("cost.png");
        robot.interact(() -> {
            try {
                view.writePng(png);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(300);
        assertThat(image.getHeight()).isGreaterThan(300);

        // the whole view, for a person to look at (target/cost-view.png)
        robot.interact(() -> {
            try {
                ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(view.snapshot(null, null), null), "png",
                        Path.of("target", "cost-view.png").toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}

package io.ferry.app;

import io.ferry.app.task.BackgroundTask;
import io.ferry.app.task.TaskExecutor;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The hidden {@code --screenshot} option: after a delay, saves the scene as a PNG and exits. */
final class SceneScreenshot {

    private SceneScreenshot() {
    }

    private static Logger log() {
        return LoggerFactory.getLogger(SceneScreenshot.class);
    }

    static void saveAfter(Scene scene, Path file, java.time.Duration delay, TaskExecutor tasks) {
        PauseTransition wait = new PauseTransition(Duration.millis(delay.toMillis()));
        wait.setOnFinished(event -> {
            BufferedImage image = SwingFXUtils.fromFXImage(scene.snapshot(null), null);
            tasks.execute(BackgroundTask.of("Saving the screenshot", progress -> write(image, file))
                    .onSuccess(path -> log().info("Screenshot saved to {}", path.toAbsolutePath()))
                    .onFailure(error -> log().error("Could not save the screenshot to {}: {}", file, error.toString()))
                    .onFinished(Platform::exit));
        });
        wait.play();
    }

    private static Path write(BufferedImage image, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
        return file;
    }
}

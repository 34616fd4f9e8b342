package io.ferry.app;

import io.ferry.client.InProcessEngineClient;
import io.ferry.client.genlog.RotationRecord;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The General log page for real: the console starts the sandbox (whose MariaDB keeps the general log as a table),
 * the page shows the live table's rows, and a rotation confirmed in the dialog archives every rotated row and
 * appears in the history.
 */
class GenlogConsoleIT {

    @Test
    void theGeneralLogPageIsLiveOnFirstLaunchAndAConfirmedRotationIsInTheHistory() throws Exception {
        Path sandboxRoot = Path.of("target", "genlog-console-sandbox").toAbsolutePath();
        try (ConsoleDriver console = ConsoleDriver.launch(config -> new InProcessEngineClient(config, sandboxRoot))) {
            console.awaitTrue(Duration.ofMinutes(3), () -> console.healthByConnection().values().stream().anyMatch("Up"::equals));
            console.openSection("General log");
            assertThat(console.shownPageId()).isEqualTo("page-general-log");

            console.awaitTrue(Duration.ofMinutes(1), () -> rows(console) > 0);
            assertThat(console.text("#genlog-heading")).startsWith("sandbox-mariadb - mysql.general_log");
            assertThat(onFx(() -> console.lookup(".accuracy-exact").queryAll().size())).isPositive();

            console.clickOn("#genlog-rotate");
            console.awaitTrue(Duration.ofSeconds(30), () -> onFx(() -> console.lookup("#confirm-rotation").tryQuery().isPresent()));
            assertThat(onFx(() -> console.lookup("#rotation-what").queryTextInputControl().getText()))
                    .contains("atomic RENAME", "genlog-archive");
            console.clickOn("#confirm-rotation");

            console.awaitTrue(Duration.ofMinutes(1), () -> !history(console).isEmpty());
            RotationRecord r = history(console).get(0);
            assertThat(r.status()).isEqualTo("OK");
            assertThat(r.rowsRotated()).isPositive();
            assertThat(r.rowsArchived()).isEqualTo(r.rowsRotated());
            assertThat(r.triggeredBy()).endsWith("(console)");
            assertThat(Path.of(r.archivePath().orElseThrow())).exists().startsWith(sandboxRoot);
            assertThat(Files.size(Path.of(r.archivePath().orElseThrow()))).isPositive();
            console.awaitTrue(Duration.ofSeconds(30), () -> console.text("#genlog-notice").startsWith("Rotated "));
        }
    }

    private static long rows(ConsoleDriver console) {
        return onFx(() -> console.lookup("#figure-rows").tryQuery()
                .map(n -> Long.parseLong(((Label) n).getText().replace(",", ""))).orElse(0L));
    }

    @SuppressWarnings("unchecked")
    private static List<RotationRecord> history(ConsoleDriver console) {
        return onFx(() -> List.copyOf(console.lookup("#genlog-history").<RotationRecord>queryTableView().getItems()));
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("reading the console on the FX thread failed", e);
        }
    }
}

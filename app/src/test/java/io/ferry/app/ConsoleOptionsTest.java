package io.ferry.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsoleOptionsTest {

    @Test
    void noArgumentsMeansNoConfigAndNoScreenshot() {
        ConsoleOptions options = ConsoleOptions.parse(List.of());
        assertThat(options.config()).isEmpty();
        assertThat(options.screenshot()).isEmpty();
    }

    @Test
    void namesThePageToOpenFirst() {
        assertThat(ConsoleOptions.parse(List.of("--section", "Cost")).section()).contains("Cost");
        assertThatThrownBy(() -> ConsoleOptions.parse(List.of("--section")))
                .hasMessageContaining("--section needs the name of a page");
    }

    @Test
    void readsAnExistingConfigFile(@TempDir Path dir) throws IOException {
        Path yaml = Files.writeString(dir.resolve("ferry.yaml"), "connections: {}\n");
        assertThat(ConsoleOptions.parse(List.of("--config", yaml.toString())).config()).contains(yaml);
    }

    @Test
    void aMissingConfigFileSaysWhichAndWhatToDo(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> ConsoleOptions.parse(List.of("--config", missing.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope.yaml: no such file")
                .hasMessageContaining("leave --config out to start the local sandbox");
    }

    @Test
    void anOptionWithoutItsValueIsNamed() {
        assertThatThrownBy(() -> ConsoleOptions.parse(List.of("--config")))
                .hasMessageContaining("--config needs a ferry.yaml file");
    }

    @Test
    void anUnknownOptionShowsTheUsage() {
        assertThatThrownBy(() -> ConsoleOptions.parse(List.of("--confg", "x")))
                .hasMessageContaining("Unknown option '--confg'")
                .hasMessageContaining(ConsoleOptions.USAGE);
    }

    @Test
    void readsTheHiddenScreenshotOptions() {
        ConsoleOptions options = ConsoleOptions.parse(
                List.of("--screenshot", "docs/images/console.png", "--screenshot-delay-ms", "1500"));
        assertThat(options.screenshot()).isEqualTo(Optional.of(Path.of("docs/images/console.png")));
        assertThat(options.screenshotDelay()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void aDelayThatIsNotANumberIsRefused() {
        assertThatThrownBy(() -> ConsoleOptions.parse(List.of("--screenshot-delay-ms", "soon")))
                .hasMessageContaining("soon: not a number of milliseconds");
    }
}

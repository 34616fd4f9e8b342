package io.ferry.app;

import io.ferry.client.InProcessEngineClient;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newcomer's first run, for real: the console starts with no configuration, starts the sandbox (a real
 * MariaDB, PostgreSQL 17 and S3Proxy) through the in-process engine, and shows the sandbox's connections healthy.
 */
class FerryConsoleIT {

    @Test
    void unconfiguredConsoleStartsTheSandboxAndShowsItsConnectionsUp() throws Exception {
        Path sandboxRoot = Path.of("target", "console-sandbox").toAbsolutePath();
        try (ConsoleDriver console = ConsoleDriver.launch(config -> new InProcessEngineClient(config, sandboxRoot))) {
            console.awaitTrue(Duration.ofMinutes(3), () -> console.healthByConnection().size() == 3);
            console.awaitTrue(Duration.ofSeconds(30), () -> console.healthByConnection().values().stream().allMatch("Up"::equals));

            Map<String, String> health = console.healthByConnection();
            assertThat(health).containsOnlyKeys("sandbox-mariadb", "sandbox-postgres", "sandbox-s3");
            assertThat(health).containsValues("Up");
            assertThat(console.sandboxMessages()).anyMatch(m -> m.startsWith("Sandbox ready"));
        }
    }
}

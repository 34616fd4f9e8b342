package io.ferry.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The console's engine, unconfigured: it starts a real sandbox, adopts its connections, and finds them healthy. */
class InProcessEngineClientIT {

    @Test
    void unconfiguredClientStartsTheSandboxAndReportsItsConnectionsUp(@TempDir Path dir) {
        List<String> progress = new ArrayList<>();
        Path root = dir.resolve("sandbox");
        try (InProcessEngineClient client = new InProcessEngineClient(Optional.empty(), root)) {
            assertThat(client.isConfigured()).isFalse();
            assertThat(client.checkConnections()).isEmpty();

            client.startSandbox(progress::add);

            assertThat(client.isConfigured()).isTrue();
            assertThat(client.info().configSource()).isEqualTo("sandbox");
            assertThat(progress).anyMatch(m -> m.startsWith("Sandbox ready"));
            List<ConnectionStatus> statuses = client.checkConnections();
            assertThat(statuses).extracting(ConnectionStatus::type).containsExactlyInAnyOrder("mysql", "postgresql", "s3");
            assertThat(statuses).allSatisfy(s -> assertThat(s.health())
                    .as("%s: %s", s.name(), s.detail()).isEqualTo(ConnectionHealth.UP));
            assertThat(statuses).filteredOn(s -> s.type().equals("mysql"))
                    .singleElement().extracting(ConnectionStatus::detail).asString().contains("MariaDB", "binlog ROW");
        }
        assertThat(root.resolve("ferry.yaml")).exists();
    }

    @Test
    void anInvalidConfigFileIsRefusedWithItsLineAndKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ferry.yaml");
        Files.writeString(file, """
                connections:
                  shop:
                    type: mysql
                    host: 127.0.0.1
                    prot: 3306
                """);
        assertThatThrownBy(() -> new InProcessEngineClient(Optional.of(file), dir.resolve("sandbox")))
                .hasMessageContaining("ferry.yaml:5")
                .hasMessageContaining("connections.shop.prot");
    }
}

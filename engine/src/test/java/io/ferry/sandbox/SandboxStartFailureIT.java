package io.ferry.sandbox;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * When one server cannot start, the sandbox says which one and why, and stops the others it did start.
 * MariaDB and S3 are real here; PostgreSQL is replaced by a stand-in that fails, because a real start-up
 * failure cannot be provoked on demand (the test says so instead of mocking anything else).
 */
class SandboxStartFailureIT {

    @Test
    void aServerThatFailsToStartIsNamedAndTheOthersAreStoppedAgain() {
        Path root = Path.of("target", "ferry-sandbox-failure").toAbsolutePath();
        SandboxOptions options = SandboxOptions.in(root);
        SandboxServers real = SandboxServers.real(options);
        List<Integer> startedPorts = new CopyOnWriteArrayList<>();
        SandboxServers withBrokenPostgres = new SandboxServers(
                dir -> {
                    MariaDbServer server = real.mariadb().start(dir);
                    startedPorts.add(server.endpoint().port());
                    return server;
                },
                dir -> {
                    throw new IOException("simulated: initdb failed (stand-in for a PostgreSQL that cannot start)");
                },
                dir -> {
                    S3Server server = real.s3().start(dir);
                    startedPorts.add(server.endpoint().endpoint().getPort());
                    return server;
                });
        List<String> progress = new ArrayList<>();

        assertThatThrownBy(() -> Sandbox.start(options, withBrokenPostgres, progress::add))
                .isInstanceOf(SandboxStartException.class)
                .hasMessageContaining("PostgreSQL failed: simulated: initdb failed")
                .hasMessageContaining(root.toString());

        assertThat(startedPorts).as("MariaDB and S3 did start").hasSize(2);
        assertThat(startedPorts).allSatisfy(port -> assertThat(FreePorts.isListening(port)).as("port %d", port).isFalse());
        assertThat(ServerProcesses.runningWith(root)).as("server processes left behind").isEmpty();
        assertThat(progress).last().isEqualTo("Sandbox stopped");
    }
}

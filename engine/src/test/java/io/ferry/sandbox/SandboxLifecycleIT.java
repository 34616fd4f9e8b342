package io.ferry.sandbox;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts and stops a sandbox of its own (not the shared one of {@link SandboxExtension}, which must stay up
 * for the other tests), to measure the start-up and to check that stopping leaves nothing behind.
 */
class SandboxLifecycleIT {

    @Test
    void startsInUnder30SecondsAndLeavesNoPortOrProcessBehind() throws Exception {
        Path root = Path.of("target", "ferry-sandbox-lifecycle").toAbsolutePath();
        List<String> progress = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        Duration startup;
        String mariadbPassword;
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.in(root), progress::add)) {
            startup = sandbox.startupTime();
            System.out.println("Sandbox start-up (MariaDB bundled + PostgreSQL 17 + S3Proxy, in parallel): "
                    + Sandbox.seconds(startup));
            SandboxEndpoints endpoints = sandbox.endpoints();
            ports.add(endpoints.mariadb().port());
            ports.add(endpoints.postgres().port());
            ports.add(endpoints.s3().endpoint().getPort());
            assertThat(ports).allSatisfy(port -> assertThat(FreePorts.isListening(port)).as("port %d while running", port).isTrue());
            assertThat(ServerProcesses.runningWith(root)).as("server processes while running").isNotEmpty();
            mariadbPassword = endpoints.mariadb().password().reveal();

            String yaml = Files.readString(endpoints.configFile());
            assertThat(yaml).contains("sandbox-mariadb:", "sandbox-postgres:", "sandbox-s3:")
                    .doesNotContain(mariadbPassword, endpoints.postgres().password().reveal(), endpoints.s3().secretKey().reveal());
        }

        assertThat(startup).isLessThan(Duration.ofSeconds(30));
        assertThat(progress).anyMatch(m -> m.startsWith("MariaDB")).anyMatch(m -> m.startsWith("PostgreSQL 17"))
                .anyMatch(m -> m.startsWith("S3")).last().isEqualTo("Sandbox stopped");
        assertThat(ports).allSatisfy(port -> assertThat(FreePorts.isListening(port)).as("port %d after stop", port).isFalse());
        assertThat(ServerProcesses.runningWith(root)).as("server processes after stop").isEmpty();
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains(root.toString())))
                .as("child processes after stop").isEmpty();
        try (var files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".yaml") || f.toString().contains("/secrets/"))
                    .map(SandboxLifecycleIT::contentOf))
                    .as("no saved file holds the MariaDB password except its own 0600 file")
                    .filteredOn(content -> content.contains(mariadbPassword)).hasSize(1);
        }
    }

    private static String contentOf(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}

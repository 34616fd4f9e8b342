package io.ferry.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class SandboxDirectoryTest {

    @Test
    void refusesToWipeADirectoryThatIsNotASandbox(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("thesis.tex"), "precious");

        assertThatThrownBy(() -> SandboxDirectory.prepareClean(tmp))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("is not empty and is not a Ferry sandbox");
        assertThat(Files.readString(tmp.resolve("thesis.tex"))).isEqualTo("precious");
    }

    @Test
    void wipesAPreviousSandbox(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("sbx");
        SandboxDirectory.prepareClean(root);
        Files.createDirectories(root.resolve("mariadb/data"));
        Files.writeString(root.resolve("mariadb/data/ibdata1"), "old");

        SandboxDirectory.prepareClean(root);

        assertThat(root.resolve("mariadb")).doesNotExist();
        assertThat(root.resolve(SandboxDirectory.MARKER)).exists();
    }

    @Test
    void refusesToWipeASandboxWhoseServerIsStillRunning(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("sbx");
        SandboxDirectory.prepareClean(root);
        Path dataDir = Files.createDirectories(root.resolve("mariadb/data"));
        // A stand-in for a mariadbd still running on this data directory: any process naming it will do.
        Process server = new ProcessBuilder("sh", "-c", "sleep 30", dataDir.toString()).start();
        try {
            // Java launches through a helper that then execs sh: wait until the command line is the shell's.
            await().atMost(java.time.Duration.ofSeconds(5)).until(() ->
                    server.info().commandLine().orElse("").contains(dataDir.toString()));
            assertThatThrownBy(() -> SandboxDirectory.prepareClean(root))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("A sandbox is already running in " + root)
                    .hasMessageContaining("pid " + server.pid());
            assertThat(dataDir).exists();
        } finally {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            server.waitFor();
        }
    }
}

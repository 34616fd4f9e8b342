package io.ferry.genlog;

import io.ferry.config.ConnectionConfig;
import io.ferry.config.FerryConfig;
import io.ferry.config.MySqlConnectionConfig;
import io.ferry.config.SecretResolver;
import io.ferry.state.StateStore;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The general-log job for one configuration, in one place: what an engine client (the console, the HTTP API)
 * calls. Each method opens what it needs and closes it again; all block.
 */
public final class GenlogService {
    private static final Set<String> LOCAL_HOSTS = Set.of("127.0.0.1", "localhost", "::1");

    private final FerryConfig config;
    private final GenlogStore store;
    private final Clock clock;
    private final Path archiveRoot;
    private final SecretResolver secrets;

    /** Archives go to {@code <dataDir>/genlog-archive}. */
    public GenlogService(FerryConfig config, StateStore state, Clock clock) {
        this.config = config;
        this.store = new GenlogStore(state);
        this.clock = clock;
        this.archiveRoot = RotationService.defaultArchiveRoot(config.dataDir());
        this.secrets = SecretResolver.forConfig(config);
    }

    /** The mysql connections of the configuration, in file order. */
    public List<String> connections() {
        return config.connections(MySqlConnectionConfig.class).stream().map(MySqlConnectionConfig::name).toList();
    }

    public GenlogStatus status(String connection, LogKind kind, Optional<StatusReader.RdsStorage> storage) throws SQLException {
        MySqlConnectionConfig c = mysql(connection);
        return new StatusReader(store, clock, LOCAL_HOSTS.contains(c.host())).read(c.name(), server(c), kind, c.rds(), storage);
    }

    public RotationResult rotate(String connection, LogKind kind, String triggeredBy) throws SQLException, IOException {
        MySqlConnectionConfig c = mysql(connection);
        return new RotationService(store, clock, archiveRoot).rotate(c.name(), server(c), kind, c.rds(), triggeredBy);
    }

    public List<Rotation> history(String connection) {
        return store.history(mysql(connection).name());
    }

    /** A digest of the live table. */
    public List<DigestGroup> digest(String connection, LogKind kind, DigestKey by, LogFilter filter) throws SQLException {
        DigestAggregator digest = new DigestAggregator(by, filter);
        try (Connection c = server(mysql(connection)).open()) {
            LiveLogReader.read(c, kind, kind.qualifiedTable(), by == DigestKey.DATABASE ? LogFilter.ALL : filter, digest);
        }
        return digest.groups();
    }

    /** A digest of archive files. */
    public List<DigestGroup> digest(List<Path> archives, DigestKey by, LogFilter filter) throws IOException {
        DigestAggregator digest = new DigestAggregator(by, filter);
        for (Path p : archives) {
            ArchiveReader.read(p, digest);
        }
        return digest.groups();
    }

    public Optional<ScheduledRotation> schedule(String connection, LogKind kind) throws SQLException {
        try (Connection c = server(mysql(connection)).open()) {
            return RotationScheduler.show(c, kind);
        }
    }

    public ScheduledRotation schedule(String connection, LogKind kind, ScheduleInterval every) throws SQLException {
        MySqlConnectionConfig cfg = mysql(connection);
        try (Connection c = server(cfg).open()) {
            return RotationScheduler.install(c, kind, FlavourDetector.detect(c, kind, cfg.rds()), every);
        }
    }

    public boolean unschedule(String connection, LogKind kind) throws SQLException {
        try (Connection c = server(mysql(connection)).open()) {
            return RotationScheduler.remove(c, kind);
        }
    }

    private MySqlConnectionConfig mysql(String name) {
        ConnectionConfig c = config.connection(name).orElseThrow(() -> new GenlogException("no connection '" + name
                + "' in " + config.source() + "; it has " + config.connections().keySet()));
        if (!(c instanceof MySqlConnectionConfig m)) {
            throw new GenlogException("connection '" + name + "' is not a mysql connection; the general log needs one");
        }
        return m;
    }

    private ServerConnections server(MySqlConnectionConfig c) {
        return MySqlConnections.of(c, secrets);
    }
}

package io.ferry.genlog;

import io.ferry.config.ConnectionConfig;
import io.ferry.config.FerryConfig;
import io.ferry.config.MySqlConnectionConfig;
import io.ferry.config.SecretResolver;
import io.ferry.state.StateStore;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

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
        return rotate(connection, kind, triggeredBy, message -> { });
    }

    /** Rotates now, telling {@code progress} each step. */
    public RotationResult rotate(String connection, LogKind kind, String triggeredBy, Consumer<String> progress)
            throws SQLException, IOException {
        MySqlConnectionConfig c = mysql(connection);
        return new RotationService(store, clock, archiveRoot).rotate(c.name(), server(c), kind, c.rds(), triggeredBy, progress);
    }

    /** What {@link #rotate} would do now, changing nothing on the server (the row count is remembered, as status does). */
    public RotationPreview preview(String connection, LogKind kind) throws SQLException {
        MySqlConnectionConfig cfg = mysql(connection);
        try (Connection c = server(cfg).open()) {
            LogSettings.read(c).requireTableLog(kind);
            RowCount count = new RowCounter().count(c, kind, store.checkpoint(cfg.name(), kind));
            store.saveCheckpoint(cfg.name(), kind, count.checkpoint());
            return RotationPreviewer.preview(c, kind, cfg.rds(), count.rows(), archiveFolder(cfg.name()));
        }
    }

    /** Where this connection's archives go: {@code <dataDir>/genlog-archive/<connection>}. */
    public Path archiveFolder(String connection) {
        return archiveRoot.resolve(mysql(connection).name());
    }

    /** The archives Ferry wrote for this connection, newest first. */
    public List<ArchiveFiles.Entry> archives(String connection) throws IOException {
        return ArchiveFiles.list(archiveFolder(connection));
    }

    /** The size samples {@code status} recorded since {@code since}, oldest first: {@code rows} and {@code bytes}. */
    public List<GrowthEstimator.Sample> samples(String connection, LogKind kind, String what, Instant since) {
        return store.samples(mysql(connection).name(), kind, what, since);
    }

    /** How a rotation of this connection's log would run. */
    public RotationFlavour flavour(String connection, LogKind kind) throws SQLException {
        MySqlConnectionConfig cfg = mysql(connection);
        try (Connection c = server(cfg).open()) {
            return FlavourDetector.detect(c, kind, cfg.rds());
        }
    }

    /** The server's log settings (general_log, log_output, event_scheduler, version). */
    public LogSettings settings(String connection) throws SQLException {
        try (Connection c = server(mysql(connection)).open()) {
            return LogSettings.read(c);
        }
    }

    /** The first {@code limit} rows of the live table that match, and whether more do. */
    public LogSearch.Hits search(String connection, LogKind kind, LogFilter filter, int limit) throws SQLException {
        LogSearch search = new LogSearch(filter, limit);
        try (Connection c = server(mysql(connection)).open()) {
            LiveLogReader.read(c, kind, kind.qualifiedTable(), filter, search);
        }
        return search.hits();
    }

    /** The first {@code limit} rows of the archives that match, and whether more do. */
    public LogSearch.Hits search(List<Path> archives, LogFilter filter, int limit) throws IOException {
        LogSearch search = new LogSearch(filter, limit);
        ArchiveFiles.read(ArchiveFiles.expand(archives), search);
        return search.hits();
    }

    /** Writes every matching row of the live table to {@code csv}; returns how many. */
    public long searchCsv(String connection, LogKind kind, LogFilter filter, Writer csv) throws SQLException, IOException {
        LogSearch.CsvExport export = new LogSearch.CsvExport(filter, csv);
        try (Connection c = server(mysql(connection)).open()) {
            LiveLogReader.read(c, kind, kind.qualifiedTable(), filter, export);
        }
        return export.written();
    }

    /** Writes every matching row of the archives to {@code csv}; returns how many. */
    public long searchCsv(List<Path> archives, LogFilter filter, Writer csv) throws IOException {
        LogSearch.CsvExport export = new LogSearch.CsvExport(filter, csv);
        ArchiveFiles.read(ArchiveFiles.expand(archives), export);
        return export.written();
    }

    public List<Rotation> history(String connection) {
        return store.history(mysql(connection).name());
    }

    /** A digest of the live table. */
    public List<DigestGroup> digest(String connection, LogKind kind, DigestKey by, LogFilter filter) throws SQLException {
        return digestReport(connection, kind, by, filter).groups();
    }

    /** A digest of archive files (folders: every archive in them). */
    public List<DigestGroup> digest(List<Path> archives, DigestKey by, LogFilter filter) throws IOException {
        return digestReport(archives, by, filter).groups();
    }

    /** A digest of the live table, with how many rows were read and matched. */
    public DigestReport digestReport(String connection, LogKind kind, DigestKey by, LogFilter filter) throws SQLException {
        DigestAggregator digest = new DigestAggregator(by, filter);
        try (Connection c = server(mysql(connection)).open()) {
            // grouping by database needs every Connect/Init DB row: the aggregator filters then, not the server
            LiveLogReader.read(c, kind, kind.qualifiedTable(), by == DigestKey.DATABASE ? LogFilter.ALL : filter, digest);
        }
        return new DigestReport(digest.groups(), digest.rows(), digest.matched());
    }

    /** A digest of archive files, with how many rows were read and matched. */
    public DigestReport digestReport(List<Path> archives, DigestKey by, LogFilter filter) throws IOException {
        DigestAggregator digest = new DigestAggregator(by, filter);
        ArchiveFiles.read(ArchiveFiles.expand(archives), digest);
        return new DigestReport(digest.groups(), digest.rows(), digest.matched());
    }

    /** Groups, most rows first, and the rows read and matched to make them. */
    public record DigestReport(List<DigestGroup> groups, long rowsRead, long rowsMatched) {
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

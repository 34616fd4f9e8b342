package io.ferry.client;

import io.ferry.FerryVersion;
import io.ferry.client.druid.DruidClientSupport;
import io.ferry.client.druid.DruidReindexJobRow;
import io.ferry.client.druid.DruidReindexRunRow;
import io.ferry.client.druid.DruidReindexSupport;
import io.ferry.client.druid.DruidSupervisorRow;
import io.ferry.client.druid.DruidTaskRow;
import io.ferry.client.druid.DruidTimelineRow;
import io.ferry.client.genlog.AllocatedStorage;
import io.ferry.client.genlog.ArchiveFile;
import io.ferry.client.genlog.DigestGrouping;
import io.ferry.client.genlog.DigestPage;
import io.ferry.client.genlog.GenlogStatusView;
import io.ferry.client.genlog.LogQuery;
import io.ferry.client.genlog.LogSource;
import io.ferry.client.genlog.RotationOutcome;
import io.ferry.client.genlog.RotationPlan;
import io.ferry.client.genlog.RotationRecord;
import io.ferry.client.genlog.ScheduleEvery;
import io.ferry.client.genlog.ScheduleState;
import io.ferry.client.genlog.SearchPage;
import io.ferry.config.ConfigLoader;
import io.ferry.config.FerryConfig;
import io.ferry.connection.CheckResult;
import io.ferry.connection.ConnectionChecker;
import io.ferry.genlog.LogKind;
import io.ferry.genlog.LogSettings;
import io.ferry.sandbox.DatabaseEndpoint;
import io.ferry.sandbox.OltpWorkload;
import io.ferry.sandbox.Sandbox;
import io.ferry.sandbox.SandboxConfigFile;
import io.ferry.sandbox.SandboxOptions;
import io.ferry.state.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The engine running in the client's own JVM: it loads ferry.yaml, checks connections and, when nothing is
 * configured, runs the local sandbox (with its synthetic workload) and adopts the sandbox's configuration.
 * Thread-safe: the console calls it from worker threads, and {@link #close()} may arrive while the sandbox is
 * still starting.
 */
public final class InProcessEngineClient implements EngineClient {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessEngineClient.class);
    /** Rows per second of the sandbox's synthetic OLTP workload when the console starts it. */
    static final double CONSOLE_WORKLOAD_RATE = 50;
    private static final long WORKLOAD_SEED = 7;

    private final Path sandboxRoot;
    private volatile FerryConfig config;
    private volatile String configSource;
    private Sandbox sandbox;
    private OltpWorkload workload;
    private boolean closed;
    private final ReplicationClientSupport replication = new ReplicationClientSupport();
    private final DruidReindexSupport reindex = new DruidReindexSupport(() -> config, this::stateStore, Clock.systemUTC());
    private final DruidClientSupport druid = new DruidClientSupport(() -> config, reindex::batchVersions);
    /** The one state store of the data directory (one process at a time holds it): opened on first use. */
    private StateStore state;
    private final GenlogClientSupport genlog = new GenlogClientSupport(() -> config, this::stateStore, Clock.systemUTC());

    /**
     * @param configFile a ferry.yaml to load; empty means "none given": the client then loads ./ferry.yaml if
     *                   there is one and otherwise stays unconfigured (the console then starts the sandbox)
     * @throws io.ferry.config.ConfigException when the file is invalid (every problem with file:line:key)
     */
    public InProcessEngineClient(Optional<Path> configFile) {
        this(configFile, Path.of(System.getProperty("user.home"), ".ferry", "console-sandbox"));
    }

    /** @param sandboxRoot where {@link #startSandbox} keeps its servers (a folder of its own: it is wiped at start) */
    public InProcessEngineClient(Optional<Path> configFile, Path sandboxRoot) {
        this.sandboxRoot = sandboxRoot;
        Optional<Path> file = configFile.or(() -> Optional.of(Path.of("ferry.yaml")).filter(Files::isRegularFile));
        if (file.isPresent()) {
            this.config = ConfigLoader.load(file.get());
            this.configSource = file.get().toAbsolutePath().toString();
            replication.startConfigured(config);
        } else {
            this.configSource = "none";
        }
    }

    @Override
    public EngineInfo info() {
        FerryConfig current = config;
        String dataDir = current == null ? Path.of(System.getProperty("user.home"), ".ferry").toString()
                : current.dataDir().toString();
        return new EngineInfo(FerryVersion.get(), dataDir, configSource);
    }

    @Override
    public boolean isConfigured() {
        FerryConfig current = config;
        return current != null && !current.connections().isEmpty();
    }

    @Override
    public void startSandbox(Consumer<String> progress) {
        Sandbox started;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("The engine client is closed");
            }
            if (sandbox != null) {
                return;
            }
        }
        try {
            started = Sandbox.start(SandboxOptions.in(sandboxRoot), progress);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the sandbox: " + e.getMessage(), e);
        }
        synchronized (this) {
            if (closed) {
                started.close();
                throw new IllegalStateException("The engine client was closed while the sandbox started");
            }
            sandbox = started;
            FerryConfig loaded = ConfigLoader.load(started.endpoints().configFile());
            // The console's sandbox is wiped at every start: its state (history, counters) lives and goes with it.
            config = new FerryConfig(loaded.source(), sandboxRoot.resolve("data"), loaded.connections(), loaded.jobs());
            configSource = "sandbox";
            workload = new OltpWorkload(started.endpoints().mariadb(), CONSOLE_WORKLOAD_RATE, WORKLOAD_SEED);
        }
        turnOnGeneralLog(started.endpoints().mariadb(), progress);
        try {
            workload.start();
            progress.accept("Synthetic OLTP workload running at " + (int) CONSOLE_WORKLOAD_RATE + " rows/s");
        } catch (Exception e) {
            LOG.warn("The sandbox is up but its workload did not start: {}", e.getMessage());
            progress.accept("The sandbox is up but its workload did not start: " + e.getMessage());
        }
        replication.startConfigured(config);
        progress.accept("Replication job " + SandboxConfigFile.REPLICATION_JOB + " started (shop tables to PostgreSQL)");
    }

    @Override
    public List<ConnectionStatus> checkConnections() {
        FerryConfig current = config;
        if (current == null) {
            return List.of();
        }
        return ConnectionChecker.forConfig(current).checkAll(current.connections().values()).stream()
                .map(CheckResult::toStatus)
                .toList();
    }

    // ---- Replication ------------------------------------------------------------------------------------------

    @Override
    public List<ReplicationJobStatus> replicationJobs() {
        return replication.jobs();
    }

    @Override
    public List<ReplicationSample> replicationHistory(String job, Instant since) {
        return replication.history(job, since);
    }

    @Override
    public List<ReplicationTableStatus> replicationTables(String job) {
        return replication.tables(job);
    }

    @Override
    public void startReplication(String job) {
        replication.start(job);
    }

    @Override
    public void stopReplication(String job) {
        replication.stop(job);
    }

    @Override
    public String reloadReplicationTable(String job, String table) {
        return replication.reload(job, table);
    }

    // -------------------------------------------------------------------------------------------------------------
    // --- Druid (druid-status, druid-reindex) ---

    @Override
    public List<String> druidDatasources() {
        return druid.datasources();
    }

    @Override
    public List<DruidTimelineRow> druidTimeline(String dataSource) {
        return druid.timeline(dataSource);
    }

    @Override
    public List<DruidSupervisorRow> druidSupervisors() {
        return druid.supervisors();
    }

    @Override
    public List<DruidTaskRow> druidRunningTasks() {
        return druid.runningTasks();
    }

    @Override
    public List<DruidReindexJobRow> druidReindexJobs() {
        return reindex.jobs();
    }

    @Override
    public List<DruidReindexRunRow> druidReindexRuns(String job) {
        return reindex.runs(job);
    }

    @Override
    public DruidReindexRunRow druidReindex(String job, Instant start, Instant end, Consumer<String> progress) {
        return reindex.reindex(job, start, end, progress);
    }

    // --- end of Druid ---
    /**
     * The General log page is live on first launch: the sandbox's MariaDB keeps its general log as a table. Set
     * here rather than in the server's options, so the tests and benchmarks that share the sandbox's server do
     * not pay for logging every statement.
     */
    private static void turnOnGeneralLog(DatabaseEndpoint mariadb, Consumer<String> progress) {
        try (Connection c = mariadb.connect()) {
            LogSettings.turnOnTableLog(c, LogKind.GENERAL);
            progress.accept("General log on, kept as a table (mysql.general_log)");
        } catch (SQLException e) {
            LOG.warn("Could not turn the sandbox's general log on: {}", e.getMessage());
            progress.accept("The general log could not be turned on: " + e.getMessage());
        }
    }

    private synchronized StateStore stateStore() {
        if (closed) {
            throw new IllegalStateException("The engine client is closed");
        }
        if (state == null) {
            FerryConfig current = config;
            if (current == null) {
                throw new IllegalStateException("nothing is configured yet: no data directory for the state store");
            }
            state = StateStore.open(current.dataDir());
        }
        return state;
    }

    // ---- General log (issue 4)

    @Override
    public List<String> genlogConnections() {
        return genlog.connections();
    }

    @Override
    public GenlogStatusView genlogStatus(String connection, Optional<AllocatedStorage> storage) {
        return genlog.status(connection, storage);
    }

    @Override
    public RotationPlan genlogRotationPlan(String connection) {
        return genlog.plan(connection);
    }

    @Override
    public RotationOutcome genlogRotate(String connection, Consumer<String> progress) {
        return genlog.rotate(connection, progress);
    }

    @Override
    public List<RotationRecord> genlogHistory(String connection) {
        return genlog.history(connection);
    }

    @Override
    public ScheduleState genlogSchedule(String connection) {
        return genlog.schedule(connection);
    }

    @Override
    public ScheduleState genlogInstallSchedule(String connection, ScheduleEvery every) {
        return genlog.installSchedule(connection, every);
    }

    @Override
    public ScheduleState genlogRemoveSchedule(String connection) {
        return genlog.removeSchedule(connection);
    }

    @Override
    public List<ArchiveFile> genlogArchives(String connection) {
        return genlog.archives(connection);
    }

    @Override
    public SearchPage genlogSearch(LogSource source, LogQuery query, int limit) {
        return genlog.search(source, query, limit);
    }

    @Override
    public DigestPage genlogDigest(LogSource source, LogQuery query, DigestGrouping by, int top) {
        return genlog.digest(source, query, by, top);
    }

    @Override
    public long genlogExportSearchCsv(LogSource source, LogQuery query, Path file) {
        return genlog.exportSearchCsv(source, query, file);
    }

    @Override
    public int genlogExportDigestCsv(LogSource source, LogQuery query, DigestGrouping by, Path file) {
        return genlog.exportDigestCsv(source, query, by, file);
    }

    // ---- end of General log

    @Override
    public void close() {
        // the jobs first: they write to the sandbox's servers
        replication.close();
        Sandbox toStop;
        OltpWorkload toStopWorkload;
        StateStore toClose;
        synchronized (this) {
            closed = true;
            toStop = sandbox;
            toStopWorkload = workload;
            toClose = state;
            sandbox = null;
            workload = null;
            state = null;
        }
        if (toClose != null) {
            toClose.close();
        }
        if (toStopWorkload != null) {
            try {
                toStopWorkload.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (toStop != null) {
            toStop.close();
        }
    }
}

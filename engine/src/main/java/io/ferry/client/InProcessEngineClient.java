package io.ferry.client;

import io.ferry.FerryVersion;
import io.ferry.config.ConfigLoader;
import io.ferry.config.FerryConfig;
import io.ferry.connection.CheckResult;
import io.ferry.connection.ConnectionChecker;
import io.ferry.sandbox.OltpWorkload;
import io.ferry.sandbox.Sandbox;
import io.ferry.sandbox.SandboxConfigFile;
import io.ferry.sandbox.SandboxOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
            config = ConfigLoader.load(started.endpoints().configFile());
            configSource = "sandbox";
            workload = new OltpWorkload(started.endpoints().mariadb(), CONSOLE_WORKLOAD_RATE, WORKLOAD_SEED);
        }
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

    @Override
    public void close() {
        // the jobs first: they write to the sandbox's servers
        replication.close();
        Sandbox toStop;
        OltpWorkload toStopWorkload;
        synchronized (this) {
            closed = true;
            toStop = sandbox;
            toStopWorkload = workload;
            sandbox = null;
            workload = null;
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

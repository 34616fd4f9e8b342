package io.ferry.cli;

import io.ferry.config.ConfigLoader;
import io.ferry.config.FerryConfig;
import io.ferry.engine.EngineJobs;
import io.ferry.engine.EngineReplication;
import io.ferry.engine.EngineRunner;
import io.ferry.engine.EngineStatusServer;
import io.ferry.state.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ferry engine run}: the engine in the foreground until Ctrl-C or SIGTERM. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs the jobs of ferry.yaml (replication, genlog and druid-reindex jobs) in the foreground, one line per "
                + "action in the log, until Ctrl-C or SIGTERM; a run in progress finishes first and each replication job "
                + "commits its batch in flight. Holds the state store: one engine per data folder. Its live state is served "
                + "on 127.0.0.1 for `ferry status` and Prometheus (/metrics).")
final class EngineRunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger("io.ferry.engine");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "ferry.yaml",
            description = "The configuration file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--status-port", paramLabel = "PORT", defaultValue = "0",
            description = "Port of the status endpoint (/api/status, /metrics) on --status-bind (default: a free port, "
                    + "written to <dataDir>/engine-status).")
    int statusPort;

    @Option(names = "--status-bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address of the status endpoint (default: ${DEFAULT-VALUE}).")
    String statusBind;

    @Override
    public Integer call() throws Exception {
        FerryConfig cfg = ConfigLoader.load(config);
        StateStore state = StateStore.open(cfg.dataDir());
        List<EngineJobs.Job> jobs;
        EngineReplication replication;
        try {
            jobs = EngineJobs.from(cfg, state, Clock.systemUTC());
            replication = EngineReplication.from(cfg, Clock.systemUTC());
        } catch (RuntimeException e) {
            state.close();
            throw e;
        }
        if (jobs.isEmpty() && replication.isEmpty()) {
            replication.close();
            state.close();
            spec.commandLine().getErr().println(config + " has no jobs the engine runs: add one under jobs:"
                    + " (type: replication, see docs/replication.md; type: genlog, see docs/genlog.md;"
                    + " type: druid-reindex, see docs/druid.md)");
            return 2;
        }
        List<String> scheduled = jobs.stream().map(EngineJobs.Job::description).toList();
        EngineStatusServer status;
        try {
            status = EngineStatusServer.start(statusBind, statusPort, cfg.dataDir(), replication, scheduled);
        } catch (RuntimeException | java.io.IOException e) {
            replication.close();
            state.close();
            throw e;
        }
        EngineRunner runner = new EngineRunner(jobs.stream().map(EngineJobs.Job::work).toList());
        Thread hook = new Thread(() -> {
            LOG.info("stopping: letting runs in progress finish");
            try {
                runner.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                replication.close();
                status.close();
                state.close();
                LOG.info("stopped");
            }
        }, "ferry-engine-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        List<String> descriptions = new ArrayList<>(replication.descriptions());
        descriptions.addAll(scheduled);
        LOG.info("engine started with {} job(s), state in {}; Ctrl-C stops it", descriptions.size(), state.folder());
        descriptions.forEach(d -> LOG.info("  {}", d));
        LOG.info("status on {} (api/status, metrics; bearer token in {})", status.uri(),
                cfg.dataDir().resolve(EngineStatusServer.TOKEN_FILE));
        replication.start();
        runner.start();
        runner.awaitStopped();
        return 0;
    }
}

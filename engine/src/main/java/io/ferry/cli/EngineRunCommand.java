package io.ferry.cli;

import io.ferry.config.ConfigLoader;
import io.ferry.config.FerryConfig;
import io.ferry.engine.EngineJobs;
import io.ferry.engine.EngineRunner;
import io.ferry.state.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ferry engine run}: the engine in the foreground until Ctrl-C or SIGTERM. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs the jobs of ferry.yaml (genlog and druid-reindex jobs) in the foreground, one line per action in the log, "
                + "until Ctrl-C or SIGTERM; a run in progress finishes first. Holds the state store: one engine per data "
                + "folder.")
final class EngineRunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger("io.ferry.engine");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "ferry.yaml",
            description = "The configuration file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Override
    public Integer call() throws InterruptedException {
        FerryConfig cfg = ConfigLoader.load(config);
        StateStore state = StateStore.open(cfg.dataDir());
        List<EngineJobs.Job> jobs;
        try {
            jobs = EngineJobs.from(cfg, state, Clock.systemUTC());
        } catch (RuntimeException e) {
            state.close();
            throw e;
        }
        if (jobs.isEmpty()) {
            state.close();
            spec.commandLine().getErr().println(config + " has no jobs the engine runs: add one under jobs:"
                    + " (type: genlog, see docs/genlog.md; type: druid-reindex, see docs/druid.md)");
            return 2;
        }
        EngineRunner runner = new EngineRunner(jobs.stream().map(EngineJobs.Job::work).toList());
        Thread hook = new Thread(() -> {
            LOG.info("stopping: letting runs in progress finish");
            try {
                runner.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                state.close();
                LOG.info("stopped");
            }
        }, "ferry-engine-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        LOG.info("engine started with {} job(s), state in {}; Ctrl-C stops it", jobs.size(), state.folder());
        jobs.forEach(j -> LOG.info("  {}", j.description()));
        runner.start();
        runner.awaitStopped();
        return 0;
    }
}

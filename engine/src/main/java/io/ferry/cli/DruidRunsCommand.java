package io.ferry.cli;

import io.ferry.druid.reindex.ReindexRuns;
import io.ferry.druid.reindex.RunRecord;
import io.ferry.state.StateStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ferry druid runs}: the re-index run history with real-time versus batch figures. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "Shows the re-index runs, newest first: interval, result, tasks, versions produced, timings, "
                + "and per chunk the events the real-time segments had before the overwrite versus the batch input.")
final class DruidRunsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "ferry.yaml",
            description = "The configuration file (default: ${DEFAULT-VALUE}).")
    java.nio.file.Path config;

    @Option(names = "--job", paramLabel = "NAME", description = "Only this job's runs (default: every job's).")
    String job;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many runs (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--chunks", description = "Also list every chunk of each run.")
    boolean chunks;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ReindexTarget target = new ReindexTarget();
        target.config = config;
        if (job != null) {
            target.job = job;
            target.jobConfig(); // a name that is no druid-reindex job is an error, not an empty history
        }
        try (StateStore state = StateStore.open(target.dataDir())) {
            List<RunRecord> runs = new ReindexRuns(state).history(job, limit);
            out.print(runs.isEmpty() ? "No re-index runs yet" + (job == null ? "" : " for job " + job) + ".\n"
                    : ReindexText.history(runs, chunks));
        }
        out.flush();
        return 0;
    }
}

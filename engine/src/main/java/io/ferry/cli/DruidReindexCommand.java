package io.ferry.cli;

import io.ferry.config.DruidReindexJobConfig;
import io.ferry.config.SecretResolver;
import io.ferry.druid.reindex.ReindexJob;
import io.ferry.druid.reindex.ReindexPlan;
import io.ferry.druid.reindex.ReindexRuns;
import io.ferry.druid.reindex.RunRecord;
import io.ferry.druid.reindex.RunStatus;
import io.ferry.druid.reindex.TimeInterval;
import io.ferry.state.StateStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ferry druid reindex}: re-index closed intervals (or one given interval) from the raw files, or show the plan. */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Re-indexes a druid-reindex job's intervals from its raw hourly files so the batch version "
                + "overshadows the real-time segments: by default every closed interval of the lookback window not yet "
                + "re-indexed, or the --interval given. Partial input is refused. --dry-run prints the plan: intervals, "
                + "files, completeness and the task JSON.")
final class DruidReindexCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ReindexTarget target;

    @Option(names = "--interval", paramLabel = "START/END",
            description = "One interval of whole segment chunks, UTC: 2026-11-28T00/2026-11-28T04.")
    String interval;

    @Option(names = "--dry-run", description = "Print the plan and change nothing.")
    boolean dryRun;

    @Option(names = "--force", description = "Re-index an interval that is not closed yet (real-time tasks may still "
            + "append to it; the verification will say so).")
    boolean force;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        DruidReindexJobConfig config = target.jobConfig();
        try (StateStore state = StateStore.open(target.dataDir());
             ReindexJob job = ReindexJob.open(config, SecretResolver.forConfig(target.ferryConfig()), new ReindexRuns(state),
                     Clock.systemUTC(), target.dataDir().resolve("druid-reindex"), d -> Thread.sleep(d.toMillis()),
                     line -> {
                         out.println("  " + line);
                         out.flush();
                     })) {
            List<TimeInterval> intervals = new ArrayList<>();
            if (interval != null) {
                try {
                    intervals.add(TimeInterval.parse(interval));
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--interval: " + e.getMessage());
                }
            } else {
                intervals.addAll(job.due());
                out.println("Job " + config.name() + ": " + intervals.size() + " closed interval(s) of the last "
                        + config.lookback().toHours() + " h not yet re-indexed (" + job.timing() + ")");
            }
            int failures = 0;
            for (TimeInterval i : intervals) {
                if (dryRun) {
                    ReindexPlan plan = job.plan(i, force);
                    out.print(ReindexText.plan(plan));
                    failures += plan.runnable() ? 0 : 1;
                } else {
                    RunRecord run = job.run(i, "ferry druid reindex", force);
                    out.print(ReindexText.run(run));
                    failures += run.status() == RunStatus.SUCCEEDED ? 0 : 1;
                }
                out.flush();
            }
            return failures == 0 ? 0 : 1;
        }
    }
}

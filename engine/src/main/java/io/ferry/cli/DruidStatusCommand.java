package io.ferry.cli;

import io.ferry.druid.status.DruidStatus;
import io.ferry.druid.status.DruidStatusReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code ferry druid status}: datasources, supervisors, running tasks and load per tier. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows every datasource (load status per tier, load rules, auto-compaction and whether it could "
                + "interfere with the re-index), the supervisors with state and lag, the running tasks and the data servers.")
final class DruidStatusCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DruidTarget target;

    @Option(names = "--reindex-lag", paramLabel = "DURATION", defaultValue = "PT6H",
            description = "How long after an interval ends the re-index overwrites it at the latest (ISO-8601, "
                    + "default: ${DEFAULT-VALUE}); auto-compaction must skip at least that much.")
    Duration reindexLag;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DruidStatus status = new DruidStatusReader(target.client(), reindexLag).read();
        out.print(DruidStatusText.render(status));
        out.flush();
        return 0;
    }
}

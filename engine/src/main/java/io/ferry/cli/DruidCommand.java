package io.ferry.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ferry druid}: the Druid half of the lambda architecture: segment status, re-index and its runs. */
@Command(name = "druid", mixinStandardHelpOptions = true,
        description = "Druid: cluster and datasource status, the segment timeline of a datasource (real-time and batch "
                + "versions, tiers), the batch re-index and its runs.",
        subcommands = {
                DruidStatusCommand.class,
                DruidSegmentsCommand.class,
                DruidReindexCommand.class,
                DruidRunsCommand.class,
        })
public final class DruidCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

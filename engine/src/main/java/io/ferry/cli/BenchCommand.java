package io.ferry.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ferry bench}: benchmarks against the sandbox, each ending with one line of key=value figures. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks against a fresh sandbox; each prints its workload and ends with one key=value line.",
        subcommands = {ReplicationBenchCommand.class, CommandLine.HelpCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

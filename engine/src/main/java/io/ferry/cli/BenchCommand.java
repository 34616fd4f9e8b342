package io.ferry.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ferry bench}: the benchmarks behind the figures in docs/benchmarks.md. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Runs a benchmark and prints its figures; the last line is machine-readable (key=value).",
        subcommands = {BenchGenlogCommand.class, ReplicationBenchCommand.class, BenchFlattenCommand.class, CommandLine.HelpCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

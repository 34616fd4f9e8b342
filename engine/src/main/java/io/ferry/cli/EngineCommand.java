package io.ferry.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ferry engine}: the headless engine. */
@Command(name = "engine", mixinStandardHelpOptions = true,
        description = "The headless engine: runs the jobs of ferry.yaml in the foreground.",
        subcommands = {EngineRunCommand.class})
public final class EngineCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

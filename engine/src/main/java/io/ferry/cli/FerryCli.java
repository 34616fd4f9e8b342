package io.ferry.cli;

import io.ferry.FerryVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ferry} command: the headless engine's front door. */
@Command(name = "ferry",
        mixinStandardHelpOptions = true,
        versionProvider = FerryCli.Version.class,
        description = "Ferry replicates MySQL to Redshift, keeps the MySQL general log rotated and searchable, "
                + "re-indexes Druid from batch files and compares the cost of the cloud with owning hardware.",
        subcommands = {
                SandboxCommand.class,
                CheckCommand.class,
                CostCommand.class,
                GenlogCommand.class,
                EngineCommand.class,
                DruidCommand.class,
                ReportCommand.class,
                ServeCommand.class,
                ReplicateCommand.class,
                StatusCommand.class,
                PlanCommand.class,
                ValidateCommand.class,
                FlattenCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class FerryCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** The configured command line; tests execute it in-process. */
    public static CommandLine newCommandLine() {
        return new CommandLine(new FerryCli())
                .setExecutionExceptionHandler(new FriendlyErrors());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"ferry " + FerryVersion.get(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}

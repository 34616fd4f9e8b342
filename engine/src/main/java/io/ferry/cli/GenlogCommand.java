package io.ferry.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ferry genlog}: the MySQL general (and slow) log kept as a table: size, rotation, history, search, digest. */
@Command(name = "genlog", mixinStandardHelpOptions = true,
        description = "Keeps the MySQL general log (log_output=TABLE) under control: status, rotation with an archive, "
                + "rotation history and schedule, search and digest of the live table and the archives.",
        subcommands = {GenlogStatusCommand.class, GenlogRotateCommand.class, GenlogHistoryCommand.class,
                GenlogSearchCommand.class, GenlogDigestCommand.class, GenlogScheduleCommand.class, GenlogCatchUpCommand.class,
                GenlogRdsParamsCommand.class, GenlogAlarmsCommand.class,
                GenlogConvertCommand.class})
public final class GenlogCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

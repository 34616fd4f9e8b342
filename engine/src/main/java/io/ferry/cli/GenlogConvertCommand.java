package io.ferry.cli;

import io.ferry.config.MySqlConnectionConfig;
import io.ferry.genlog.LogTableConverter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.Console;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ferry genlog convert --engine myisam}: a log table whose metadata is exact. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Converts the log table to MyISAM (exact row count and size in its metadata) or back to CSV. The log "
                + "is switched off for the moment of the ALTER (statements of that moment are not logged) and its previous "
                + "setting restored. Says what it will do first; --yes does it without asking. Refused on RDS.")
final class GenlogConvertCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    GenlogTarget target;

    @Option(names = "--engine", required = true, paramLabel = "myisam|csv", description = "The engine to convert to.")
    String engine;

    @Option(names = "--yes", description = "Do it without asking.")
    boolean yes;

    @Override
    public Integer call() throws SQLException {
        PrintWriter out = spec.commandLine().getOut();
        MySqlConnectionConfig c = target.one();
        try (Connection conn = target.server(c).open()) {
            LogTableConverter.Plan plan = LogTableConverter.plan(conn, target.kind(), c.rds(), engine);
            if (plan.nothingToDo()) {
                out.println(c.name() + ": " + target.kind().qualifiedTable() + " is already " + plan.fromEngine()
                        + "; nothing to do");
                out.flush();
                return 0;
            }
            out.println(c.name() + ": will convert " + target.kind().qualifiedTable() + " from " + plan.fromEngine() + " to "
                    + plan.toEngine() + ":");
            plan.statements().forEach(s -> out.println("  " + s + ";"));
            out.println(plan.logWasOn() ? "  Statements run by anyone while the ALTER runs are NOT logged (it copies the whole"
                    + " table: the bigger the log, the longer)." : "  The log is off now, so nothing is missed.");
            out.flush();
            if (!yes && !confirmed(out)) {
                out.println("Nothing was changed. Add --yes to convert without asking.");
                out.flush();
                return 1;
            }
            long started = System.nanoTime();
            LogTableConverter.Result r = LogTableConverter.convert(conn, plan);
            out.printf(Locale.ROOT, "%s: %s is now %s (%,d rows before, %,d after, %d ms); %s%n", c.name(),
                    target.kind().qualifiedTable(), r.engineAfter(), r.rowsBefore(), r.rowsAfter(),
                    (System.nanoTime() - started) / 1_000_000, plan.logWasOn() ? "logging is on again"
                            : "logging stays off, as it was");
        }
        out.flush();
        return 0;
    }

    private static boolean confirmed(PrintWriter out) {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        String answer = console.readLine("Convert now? [y/N] ");
        return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
    }
}

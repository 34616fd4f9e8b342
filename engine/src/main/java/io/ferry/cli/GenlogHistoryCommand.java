package io.ferry.cli;

import io.ferry.config.MySqlConnectionConfig;
import io.ferry.genlog.GenlogStore;
import io.ferry.genlog.Rotation;
import io.ferry.state.StateStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ferry genlog history}: every rotation Ferry ran or caught up with, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Lists the rotations of a connection's logs: when, flavour, rows rotated and archived, where, by whom, result.")
final class GenlogHistoryCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    GenlogTarget target;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (StateStore state = StateStore.open(target.dataDir())) {
            for (MySqlConnectionConfig c : target.connections()) {
                List<Rotation> history = new GenlogStore(state).history(c.name());
                out.println(c.name() + ": " + (history.isEmpty() ? "no rotation yet" : history.size() + " rotation(s)"));
                out.println(String.format(Locale.ROOT, "  %-20s %-7s %-12s %-14s %12s %12s  %-14s %s", "started (UTC)", "log",
                        "flavour", "by", "rows", "archived", "result", "archive"));
                for (Rotation r : history) {
                    out.println(String.format(Locale.ROOT, "  %-20s %-7s %-12s %-14s %,12d %,12d  %-14s %s",
                            r.startedAt().toString().substring(0, 19).replace('T', ' '), r.kind().word(), r.flavour(),
                            r.triggeredBy(), r.rowsRotated(), r.rowsArchived(), r.status(),
                            r.archivePath().orElse(r.detail())));
                }
            }
        }
        out.flush();
        return 0;
    }
}

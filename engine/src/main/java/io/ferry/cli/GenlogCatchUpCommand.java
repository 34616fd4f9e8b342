package io.ferry.cli;

import io.ferry.config.MySqlConnectionConfig;
import io.ferry.genlog.ArchiveDestination;
import io.ferry.genlog.GenlogStore;
import io.ferry.genlog.Rotation;
import io.ferry.genlog.RotationService;
import io.ferry.state.StateStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ferry genlog catch-up}: archive what scheduled rotations left, without rotating. */
@Command(name = "catch-up", mixinStandardHelpOptions = true,
        description = "Archives (and on self-managed servers then drops) the dated tables the scheduled event made, or on "
                + "RDS a general_log_backup not archived yet. Run it after each scheduled firing (e.g. from cron) when "
                + "no Ferry engine runs. Exit code 1 when something could not be archived: the rows stay where they "
                + "are.")
final class GenlogCatchUpCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    GenlogTarget target;

    @CommandLine.Mixin
    ArchiveDirOption archive;

    @Override
    public Integer call() throws SQLException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        MySqlConnectionConfig c = target.one();
        ArchiveDestination archives = archive.destination(target.ferryConfig());
        try (StateStore state = StateStore.open(target.dataDir())) {
            List<Rotation> done = new RotationService(new GenlogStore(state), Clock.systemUTC(), archives)
                    .catchUp(c.name(), target.server(c), target.kind(), c.rds());
            out.println(c.name() + ": " + (done.isEmpty() ? "nothing to archive" : done.size() + " rotated table(s) archived"));
            done.forEach(r -> out.println("  " + GenlogRotateCommand.describe(r)));
        }
        out.flush();
        return 0;
    }
}

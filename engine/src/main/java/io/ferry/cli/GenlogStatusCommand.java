package io.ferry.cli;

import io.ferry.config.MySqlConnectionConfig;
import io.ferry.genlog.GenlogStatus;
import io.ferry.genlog.GenlogStore;
import io.ferry.genlog.StatusReader;
import io.ferry.state.StateStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code ferry genlog status}: settings, rows, bytes, age, growth and RDS's own rotation threshold. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Shows general_log, log_output, event_scheduler and the log table's rows, bytes, oldest and newest",
                "row, growth per day and when RDS would rotate it on its own. Says which figures are exact."})
final class GenlogStatusCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    GenlogTarget target;

    @Option(names = "--allocated-storage-gb", paramLabel = "GB",
            description = "The RDS instance's allocated storage, to project when RDS rotates the log on its own.")
    Double allocatedGb;

    @Option(names = "--storage-used-percent", paramLabel = "PCT", defaultValue = "50",
            description = "How full the instance's storage is (above 90 %, RDS rotates earlier). Default: ${DEFAULT-VALUE}.")
    double usedPercent;

    @Override
    public Integer call() throws SQLException {
        PrintWriter out = spec.commandLine().getOut();
        if (allocatedGb != null && allocatedGb <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--allocated-storage-gb must be positive");
        }
        Optional<StatusReader.RdsStorage> storage = Optional.ofNullable(allocatedGb)
                .map(gb -> new StatusReader.RdsStorage(gb, usedPercent));
        try (StateStore state = StateStore.open(target.dataDir())) {
            GenlogStore store = new GenlogStore(state);
            for (MySqlConnectionConfig c : target.connections()) {
                StatusReader reader = new StatusReader(store, Clock.systemUTC(), GenlogTarget.onThisMachine(c));
                GenlogStatus status = reader.read(c.name(), target.server(c), target.kind(), c.rds(), storage);
                out.print(StatusReport.render(status, storage));
                out.println();
            }
        }
        out.flush();
        return 0;
    }
}

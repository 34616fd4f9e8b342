package io.ferry.cli;

import io.ferry.config.MySqlConnectionConfig;
import io.ferry.genlog.GenlogAlarm;
import io.ferry.genlog.GenlogAlarms;
import io.ferry.genlog.GenlogStatus;
import io.ferry.genlog.GenlogStore;
import io.ferry.genlog.RdsLogParameters;
import io.ferry.genlog.StatusReader;
import io.ferry.state.StateStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.rds.RdsClient;

import java.io.PrintWriter;
import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code ferry genlog status}: settings, rows, bytes, age, growth and RDS's own rotation threshold. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows general_log, log_output, event_scheduler and the log table's rows, bytes, oldest and newest "
                + "row, growth per day and when RDS would rotate it on its own. Says which figures are exact.")
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

    @Option(names = "--rds-instance", paramLabel = "ID",
            description = "Read the allocated storage from the RDS API for this DB instance (needs an AWS account).")
    String rdsInstance;

    @Option(names = "--region", defaultValue = "us-east-1", description = "AWS region for --rds-instance (default: ${DEFAULT-VALUE}).")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "RDS API endpoint for --rds-instance (default: AWS's).")
    URI endpoint;

    @Override
    public Integer call() throws SQLException {
        PrintWriter out = spec.commandLine().getOut();
        if (allocatedGb != null && allocatedGb <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--allocated-storage-gb must be positive");
        }
        if (rdsInstance != null && allocatedGb == null) {
            try (RdsClient rds = RdsClients.create(region, endpoint)) {
                allocatedGb = (double) new RdsLogParameters(rds).describe(rdsInstance).allocatedStorageGb();
                out.println("Allocated storage of " + rdsInstance + " from the RDS API: " + allocatedGb.intValue() + " GB");
            } catch (SdkClientException e) {
                throw new IllegalStateException("cannot reach the RDS API: " + e.getMessage() + " (configure an AWS account"
                        + " with AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or give --allocated-storage-gb)", e);
            }
        }
        Optional<StatusReader.RdsStorage> storage = Optional.ofNullable(allocatedGb)
                .map(gb -> new StatusReader.RdsStorage(gb, usedPercent));
        try (StateStore state = StateStore.open(target.dataDir())) {
            GenlogStore store = new GenlogStore(state);
            for (MySqlConnectionConfig c : target.connections()) {
                StatusReader reader = new StatusReader(store, Clock.systemUTC(), GenlogTarget.onThisMachine(c));
                GenlogStatus status = reader.read(c.name(), target.server(c), target.kind(), c.rds(), storage);
                out.print(StatusReport.render(status, storage));
                List<GenlogAlarm> alarms = new GenlogAlarms(state).open(c.name());
                if (!alarms.isEmpty()) {
                    out.println("  ALARMS           " + alarms.size() + " open (ferry genlog alarms --ack ID)");
                    alarms.forEach(a -> out.println(GenlogAlarmsCommand.render(a)));
                }
                out.println();
            }
        }
        out.flush();
        return 0;
    }
}

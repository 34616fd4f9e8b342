package io.ferry.cli;

import io.ferry.config.MySqlConnectionConfig;
import io.ferry.genlog.FlavourDetector;
import io.ferry.genlog.RotationFlavour;
import io.ferry.genlog.RotationScheduler;
import io.ferry.genlog.ScheduleInterval;
import io.ferry.genlog.ScheduledRotation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code ferry genlog schedule}: install, change, show or remove the recurring rotation event. */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "Shows the rotation event Ferry installed; with --every installs or changes it, with --remove removes"
                + " it. The event lives in ferry_admin and needs event_scheduler=ON. Self-managed servers rotate into "
                + "dated tables that Ferry archives (ferry genlog catch-up, or the next rotate); RDS calls "
                + "mysql.rds_rotate_general_log.")
final class GenlogScheduleCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    GenlogTarget target;

    @Option(names = "--every", paramLabel = "INTERVAL", description = "Install or change: rotate every INTERVAL (1d, 12h, 30m).")
    String every;

    @Option(names = "--remove", description = "Remove the event (dated tables already made stay, to be archived).")
    boolean remove;

    @Override
    public Integer call() throws SQLException {
        PrintWriter out = spec.commandLine().getOut();
        if (every != null && remove) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --every or --remove, not both");
        }
        MySqlConnectionConfig c = target.one();
        try (Connection conn = target.server(c).open()) {
            if (remove) {
                boolean existed = RotationScheduler.remove(conn, target.kind());
                out.println(c.name() + ": " + (existed ? "scheduled rotation removed" : "no scheduled rotation was installed"));
            } else if (every != null) {
                ScheduleInterval interval;
                try {
                    interval = ScheduleInterval.parse(every);
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--every: " + e.getMessage());
                }
                RotationFlavour flavour = FlavourDetector.detect(conn, target.kind(), c.rds());
                ScheduledRotation s = RotationScheduler.install(conn, target.kind(), flavour, interval);
                out.println(c.name() + ": scheduled rotation installed (" + flavour.description() + ")");
                print(out, Optional.of(s));
            } else {
                print(out, RotationScheduler.show(conn, target.kind()));
            }
        }
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, Optional<ScheduledRotation> s) {
        if (s.isEmpty()) {
            out.println("  no scheduled rotation (install one with --every 1d)");
            return;
        }
        ScheduledRotation r = s.get();
        out.println("  event          " + r.event());
        out.println("  every          " + r.every());
        out.println("  status         " + r.status());
        out.println("  definer        " + r.definer());
        out.println("  last fired     " + r.lastExecuted().orElse("never"));
        out.println("  runs           " + r.body());
    }
}

package io.ferry.cli;

import io.ferry.genlog.GenlogAlarm;
import io.ferry.genlog.GenlogAlarms;
import io.ferry.state.StateStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code ferry genlog alarms}: what genlog jobs could not archive, until acknowledged. */
@Command(name = "alarms", mixinStandardHelpOptions = true,
        description = "Lists the open alarms of the engine's genlog jobs (rows that could not be archived: a failing archive "
                + "target, an RDS backup replaced before Ferry archived it). --ack ID acknowledges one. Exit code 1 while "
                + "alarms are open.")
final class GenlogAlarmsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    GenlogTarget target;

    @Option(names = "--ack", paramLabel = "ID", description = "Acknowledge this alarm.")
    Long ack;

    @Option(names = "--all", description = "Also list acknowledged alarms.")
    boolean all;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (StateStore state = StateStore.open(target.dataDir())) {
            GenlogAlarms alarms = new GenlogAlarms(state);
            if (ack != null) {
                Optional<GenlogAlarm> a = alarms.acknowledge(ack, "user:" + System.getProperty("user.name"), Instant.now());
                if (a.isEmpty()) {
                    throw new IllegalArgumentException("no alarm #" + ack + "; ferry genlog alarms --all lists them");
                }
                out.println("alarm #" + ack + " acknowledged by " + a.get().ackedBy().orElse("-"));
                out.flush();
                return 0;
            }
            List<GenlogAlarm> list = alarms.list(!all).stream()
                    .filter(a -> target.connection == null || a.connection().equals(target.connection)).toList();
            long open = list.stream().filter(GenlogAlarm::open).count();
            out.println(open == 0 ? "no open alarm" : open + " open alarm(s); acknowledge with ferry genlog alarms --ack ID");
            list.forEach(a -> out.println(render(a)));
            out.flush();
            return open == 0 ? 0 : 1;
        }
    }

    static String render(GenlogAlarm a) {
        return String.format(Locale.ROOT, "  #%d %s job %s (%s, %s log), raised %s UTC%s%s%n      %s", a.id(),
                a.open() ? "OPEN" : "acknowledged", a.job(), a.connection(), a.kind().word(),
                a.raisedAt().toString().substring(0, 19).replace('T', ' '),
                a.occurrences() > 1 ? ", seen " + a.occurrences() + " times, last " + a.lastSeenAt().toString()
                        .substring(0, 19).replace('T', ' ') : "",
                a.ackedAt().map(t -> ", acknowledged by " + a.ackedBy().orElse("-")).orElse(""), a.message());
    }
}

package io.ferry.cli;

import io.ferry.genlog.RdsLogParameters;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.rds.RdsClient;

import java.io.PrintWriter;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ferry genlog rds-params}: the RDS parameter group's log settings, shown and changed (dry run first). */
@Command(name = "rds-params", mixinStandardHelpOptions = true,
        description = "Shows an RDS instance's allocated storage and its DB parameter group's general_log, slow_query_log, "
                + "log_output and event_scheduler; with --set shows the change (dry run), with --apply also makes it. "
                + "Needs an AWS account: AWS_PROFILE, or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.")
final class GenlogRdsParamsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--instance", required = true, paramLabel = "ID", description = "The DB instance identifier.")
    String instance;

    @Option(names = "--region", defaultValue = "us-east-1", description = "AWS region (default: ${DEFAULT-VALUE}).")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "RDS API endpoint (default: AWS's for the region).")
    URI endpoint;

    @Option(names = "--set", paramLabel = "NAME=VALUE", split = ",",
            description = "Wanted values, e.g. general_log=1,log_output=TABLE,event_scheduler=ON.")
    List<String> set = List.of();

    @Option(names = "--apply", description = "Make the change (without it, only show what would change).")
    boolean apply;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> wanted = new LinkedHashMap<>();
        for (String s : set) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--set " + s + ": use NAME=VALUE");
            }
            wanted.put(s.substring(0, eq).trim(), s.substring(eq + 1).trim());
        }
        try (RdsClient rds = RdsClients.create(region, endpoint)) {
            RdsLogParameters params = new RdsLogParameters(rds);
            RdsLogParameters.InstanceView view = params.describe(instance);
            out.println(instance + ": " + view.allocatedStorageGb() + " GB allocated, parameter group " + view.parameterGroup()
                    + (view.defaultGroup() ? " (a default group: RDS does not let it be modified)" : ""));
            view.values().forEach((k, v) -> out.printf("  %-16s %s%n", k, v.orElse("(engine default)")));
            List<RdsLogParameters.Change> changes;
            try {
                changes = RdsLogParameters.plan(view, wanted);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            if (wanted.isEmpty()) {
                out.flush();
                return 0;
            }
            if (changes.isEmpty()) {
                out.println("Nothing to change.");
            } else {
                out.println(apply ? "Changing (applied immediately: these parameters are dynamic):" : "Would change (dry run; add --apply):");
                changes.forEach(c -> out.printf("  %-16s %s -> %s%n", c.name(), c.from().orElse("(engine default)"), c.to()));
                if (view.defaultGroup()) {
                    out.println("  warning: " + view.parameterGroup() + " is a default group and cannot be modified; attach a custom group first.");
                }
                if (apply) {
                    params.apply(view, changes);
                    out.println("Done.");
                }
            }
        } catch (SdkClientException e) {
            throw new IllegalStateException("cannot reach the RDS API: " + e.getMessage() + " (configure an AWS account with"
                    + " AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, and --region)", e);
        }
        out.flush();
        return 0;
    }
}

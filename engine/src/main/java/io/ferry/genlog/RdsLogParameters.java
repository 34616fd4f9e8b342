package io.ferry.genlog;

import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.ApplyMethod;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;
import software.amazon.awssdk.services.rds.model.Parameter;
import software.amazon.awssdk.services.rds.model.RdsException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The RDS side of the general log, through the RDS API (AWS SDK v2): an instance's allocated storage, and its DB
 * parameter group's {@code general_log}, {@code log_output} and {@code event_scheduler}, shown and changed with a
 * dry run first. All three are dynamic parameters: a change applies without a reboot.
 */
public final class RdsLogParameters {
    public static final List<String> NAMES = List.of("general_log", "slow_query_log", "log_output", "event_scheduler");

    private final RdsClient rds;

    public RdsLogParameters(RdsClient rds) {
        this.rds = rds;
    }

    /** What RDS says about the instance and its log parameters. */
    public record InstanceView(String instance, int allocatedStorageGb, String parameterGroup, Map<String, Optional<String>> values) {
        /** Default groups ({@code default.mysql8.0}) cannot be modified. */
        public boolean defaultGroup() {
            return parameterGroup.startsWith("default.");
        }
    }

    /** One parameter to change. */
    public record Change(String name, Optional<String> from, String to) {
    }

    public InstanceView describe(String instance) {
        try {
            DescribeDbInstancesResponse r = rds.describeDBInstances(b -> b.dbInstanceIdentifier(instance));
            if (r.dbInstances().isEmpty()) {
                throw new GenlogException("RDS has no DB instance '" + instance + "' in this region");
            }
            DBInstance db = r.dbInstances().get(0);
            if (db.dbParameterGroups().isEmpty()) {
                throw new GenlogException("RDS instance '" + instance + "' has no DB parameter group");
            }
            String group = db.dbParameterGroups().get(0).dbParameterGroupName();
            Map<String, Optional<String>> values = new LinkedHashMap<>();
            NAMES.forEach(n -> values.put(n, Optional.empty()));
            for (Parameter p : rds.describeDBParametersPaginator(b -> b.dbParameterGroupName(group)).parameters()) {
                if (values.containsKey(p.parameterName())) {
                    values.put(p.parameterName(), Optional.ofNullable(p.parameterValue()));
                }
            }
            return new InstanceView(instance, db.allocatedStorage() == null ? 0 : db.allocatedStorage(), group, values);
        } catch (RdsException e) {
            throw new GenlogException("the RDS API refused: " + e.awsErrorDetails().errorMessage() + " ("
                    + e.awsErrorDetails().errorCode() + ")", e);
        }
    }

    /** The changes that would bring the group to {@code wanted}; nothing for parameters already so. */
    public static List<Change> plan(InstanceView view, Map<String, String> wanted) {
        List<Change> out = new ArrayList<>();
        wanted.forEach((name, to) -> {
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("Ferry changes only " + NAMES + ", not " + name);
            }
            Optional<String> from = view.values().getOrDefault(name, Optional.empty());
            if (from.isEmpty() || !from.get().equalsIgnoreCase(to)) {
                out.add(new Change(name, from, to));
            }
        });
        return out;
    }

    /** Applies the changes immediately. A default group is refused with what to do instead; nothing is changed. */
    public void apply(InstanceView view, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        if (view.defaultGroup()) {
            throw new GenlogException("the instance uses the default parameter group " + view.parameterGroup() + ", which RDS"
                    + " does not let anyone modify. Fix: create a custom DB parameter group of the same family, attach it"
                    + " to " + view.instance() + " (a reboot applies the attachment), then run this again. Nothing was changed.");
        }
        try {
            rds.modifyDBParameterGroup(b -> b.dbParameterGroupName(view.parameterGroup()).parameters(changes.stream()
                    .map(c -> Parameter.builder().parameterName(c.name()).parameterValue(c.to())
                            .applyMethod(ApplyMethod.IMMEDIATE).build()).toList()));
        } catch (RdsException e) {
            throw new GenlogException("the RDS API refused the change to " + view.parameterGroup() + ": "
                    + e.awsErrorDetails().errorMessage() + " (" + e.awsErrorDetails().errorCode() + "). Nothing was changed.", e);
        }
    }
}

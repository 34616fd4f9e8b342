package io.ferry.replication;

import java.util.List;
import java.util.Objects;

/**
 * A job's error policy and its per-table overrides: {@code onError} for every table, except those matching a
 * pattern of {@code onErrorTables} (a table matching patterns of both policies is stopped on: the safe side).
 *
 * @param suspendTables {@code schema.table} patterns whose tables are suspended on a data error
 * @param stopTables    patterns whose tables stop the job on a data error
 */
public record ErrorPolicies(ErrorPolicy byDefault, List<String> suspendTables, List<String> stopTables) {
    public static final ErrorPolicies STOP = of(ErrorPolicy.STOP);

    public ErrorPolicies {
        Objects.requireNonNull(byDefault, "byDefault");
        suspendTables = List.copyOf(suspendTables);
        stopTables = List.copyOf(stopTables);
        // checks the patterns (schema.table) now, with their message
        matches(suspendTables, new TableId("x", "x"));
        matches(stopTables, new TableId("x", "x"));
    }

    public static ErrorPolicies of(ErrorPolicy policy) {
        return new ErrorPolicies(policy, List.of(), List.of());
    }

    public ErrorPolicies withDefault(ErrorPolicy policy) {
        return new ErrorPolicies(policy, suspendTables, stopTables);
    }

    public ErrorPolicy forTable(TableId table) {
        if (matches(stopTables, table)) {
            return ErrorPolicy.STOP;
        }
        return matches(suspendTables, table) ? ErrorPolicy.SUSPEND_TABLE : byDefault;
    }

    /** Whether any table can be suspended. */
    public boolean suspends() {
        return byDefault == ErrorPolicy.SUSPEND_TABLE || !suspendTables.isEmpty();
    }

    private static boolean matches(List<String> patterns, TableId table) {
        return !patterns.isEmpty() && new TableFilter(patterns, List.of()).matches(table);
    }

    @Override
    public String toString() {
        String s = byDefault.yamlName();
        if (!suspendTables.isEmpty()) {
            s += ", suspend-table for " + String.join(",", suspendTables);
        }
        if (!stopTables.isEmpty()) {
            s += ", stop for " + String.join(",", stopTables);
        }
        return s;
    }
}

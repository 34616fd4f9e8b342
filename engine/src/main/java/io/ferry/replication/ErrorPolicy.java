package io.ferry.replication;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a replication job does when applying a table's changes fails with an error a retry cannot cure (bad data, a
 * constraint or type the warehouse table refuses): {@code stop} the job (default), or {@code suspend-table}: set that
 * table aside, keep the others going, and wait for a reload of the table. Transient failures (see
 * {@link TransientFailures}) are retried either way.
 */
public enum ErrorPolicy {
    STOP, SUSPEND_TABLE;

    /** The ferry.yaml word: {@code stop}, {@code suspend-table}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ErrorPolicy parse(String text) {
        for (ErrorPolicy p : values()) {
            if (p.yamlName().equals(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException("Unknown error policy '" + text + "': expected one of "
                + Arrays.stream(values()).map(ErrorPolicy::yamlName).toList());
    }
}

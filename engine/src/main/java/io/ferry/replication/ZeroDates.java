package io.ferry.replication;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code zeroDates} setting of a replication job: what a zero or invalid date ({@code 0000-00-00},
 * {@code 2024-00-15}, which MySQL accepts without {@code NO_ZERO_DATE}/{@code NO_ZERO_IN_DATE}) becomes.
 * {@code FAIL} stops the job naming the table and column; {@code NULL} writes NULL and counts it.
 */
public enum ZeroDates {
    FAIL, NULL;

    /** The key in a ferry.yaml replication job. */
    public static final String KEY = "zeroDates";

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The words of ferry.yaml, in the order to list them. */
    public static Map<String, ZeroDates> choices() {
        Map<String, ZeroDates> out = new LinkedHashMap<>();
        for (ZeroDates z : values()) {
            out.put(z.yamlName(), z);
        }
        return out;
    }
}

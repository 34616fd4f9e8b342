package io.ferry.warehouse;

import java.util.Locale;

/** What a job does to a target table before its full load, as in DMS. */
public enum TargetPreparation {
    /** Drop the table if it exists and create it from the mapped source schema. */
    DROP_AND_CREATE,
    /** Keep the table, delete its rows (created if missing). */
    TRUNCATE,
    /** Keep the table and its rows as they are (created if missing). */
    DO_NOTHING;

    /** As written in ferry.yaml: drop-and-create, truncate, do-nothing. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static TargetPreparation parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Target preparation is drop-and-create, truncate or do-nothing, not '" + text + "'");
        }
    }
}

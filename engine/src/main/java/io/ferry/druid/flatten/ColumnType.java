package io.ferry.druid.flatten;

import java.util.Locale;

/** The type of an output column, as written in a spec. */
public enum ColumnType {
    STRING, LONG, DOUBLE, BOOLEAN,
    /** Any JSON value, written as its compact JSON text in a string column. */
    JSON;

    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean isNumeric() {
        return this == LONG || this == DOUBLE;
    }
}

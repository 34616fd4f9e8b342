package io.ferry.warehouse.redshift;

import io.ferry.replication.ColumnSchema;
import io.ferry.replication.ValueKind;

/**
 * One source column as Redshift holds it: its Redshift type, how its values are written, and (for VARCHAR) the byte
 * length of the column and whether a source value can be longer than that.
 *
 * @param type        the Redshift type, e.g. {@code VARCHAR(1020)}
 * @param form        how a value is rendered into the staging rows
 * @param maxBytes    the VARCHAR length in bytes, or -1 for other types
 * @param mayOverflow a source value can exceed {@code maxBytes} (then the oversize policy applies)
 */
public record RedshiftColumn(ColumnSchema source, ValueKind kind, String type, Form form, long maxBytes, boolean mayOverflow) {
    /** How a value is rendered; every form is also what Redshift's COPY reads for the type. */
    public enum Form {
        /** Integers, decimals, floats: plain digits. */
        NUMBER,
        /** A DECIMAL wider than 38 digits kept as its exact text. */
        DECIMAL_TEXT,
        /** Text (VARCHAR), checked against the byte length. */
        TEXT,
        /** Bytes as lower-case hex text in a VARCHAR. */
        HEX,
        /** JSON text, parsed into SUPER with JSON_PARSE. */
        JSON,
        DATE,
        /** DATETIME: wall-clock TIMESTAMP, microseconds. */
        TIMESTAMP,
        /** TIMESTAMP: TIMESTAMPTZ, in UTC. */
        TIMESTAMPTZ,
        /** TIME as MySQL writes it, [-]H:MM:SS.ffffff, in a VARCHAR. */
        TIME_TEXT,
        /** BIT(n) as n characters '0'/'1'. */
        BITS,
        /** Ferry's own flags: true / false. */
        BOOLEAN
    }

    /** The SQL expression that turns a bound text parameter into this column's value in a multi-row INSERT. */
    public String parameter() {
        return switch (form) {
            case JSON -> "JSON_PARSE(?)";
            case TEXT, HEX, DECIMAL_TEXT, TIME_TEXT, BITS -> "?";
            default -> "CAST(? AS " + type + ")";
        };
    }
}

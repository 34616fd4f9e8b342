package io.ferry.replication;

import java.util.Locale;

/**
 * The canonical Java representation Ferry uses for a source column's values, whichever way they were read (binlog
 * or snapshot): both paths must give equal values so that a snapshot row and a replayed change converge.
 */
public enum ValueKind {
    /** {@link Long}: every signed integer type, unsigned ones that fit, YEAR. */
    INTEGER,
    /** {@link java.math.BigInteger}: BIGINT UNSIGNED. */
    UNSIGNED_BIGINT,
    /** {@link java.math.BigDecimal}. */
    DECIMAL,
    /** {@link Float}. */
    FLOAT,
    /** {@link Double}. */
    DOUBLE,
    /** {@link String}: CHAR/VARCHAR/TEXT in any character set, ENUM and SET (as their labels). */
    TEXT,
    /** {@link String}: JSON text (MySQL JSON, MariaDB's JSON alias). */
    JSON,
    /** {@code byte[]}: BINARY/VARBINARY/BLOB. */
    BYTES,
    /** {@link java.time.LocalDate}. */
    DATE,
    /** {@link java.time.LocalDateTime}: DATETIME, a wall-clock time without zone. */
    DATETIME,
    /** {@link java.time.Instant}: TIMESTAMP, a point in time (MySQL stores it in UTC). */
    TIMESTAMP,
    /** {@link java.time.Duration}: TIME, which spans -838:59:59 to 838:59:59. */
    TIME,
    /** {@link String} of '0'/'1', most significant bit first, exactly the declared width: BIT(n). */
    BITS,
    /** {@link Boolean}: never a source column; Ferry's own flags (the soft-delete column). */
    BOOLEAN;

    /** The kind of a column, or an {@link UnsupportedTypeException} naming it. */
    public static ValueKind of(TableId table, ColumnSchema column) {
        String t = column.dataType().toLowerCase(Locale.ROOT);
        if (column.json()) {
            return JSON;
        }
        return switch (t) {
            case "tinyint", "smallint", "mediumint", "int", "integer", "year" -> INTEGER;
            case "bigint" -> column.unsigned() ? UNSIGNED_BIGINT : INTEGER;
            case "decimal", "numeric" -> DECIMAL;
            case "float" -> FLOAT;
            case "double", "real" -> DOUBLE;
            case "char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set" -> TEXT;
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> BYTES;
            case "date" -> DATE;
            case "datetime" -> DATETIME;
            case "timestamp" -> TIMESTAMP;
            case "time" -> TIME;
            case "bit" -> BITS;
            case "boolean" -> BOOLEAN; // Ferry's own columns only: MySQL reports BOOLEAN as tinyint
            default -> throw new UnsupportedTypeException(table, column);
        };
    }
}

package io.ferry.replication;

import com.github.shyiko.mysql.binlog.event.deserialization.json.JsonBinary;

import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Turns one value as the binlog client deserialised it (with {@code DATE_AND_TIME_AS_LONG_MICRO} and
 * {@code CHAR_AND_BINARY_AS_BYTE_ARRAY}) into Ferry's canonical value for the column ({@link ValueKind}).
 * The client gives integers signed whatever the column, temporal values as epoch microseconds, strings as bytes
 * in the column's character set, ENUM as a 1-based index and SET as a bit mask.
 */
public final class BinlogValueDecoder {
    private final TableId table;
    private final TableSchema schema;
    private final ColumnSchema column;
    private final ZeroDatePolicy zeroDates;
    private final ValueKind kind;
    private final Charset charset;
    private final List<String> labels;

    public BinlogValueDecoder(TableId table, ColumnSchema column) {
        this(new TableSchema(table, java.util.List.of(column), java.util.List.of()), column, ZeroDatePolicy.FAIL);
    }

    public BinlogValueDecoder(TableSchema schema, ColumnSchema column, ZeroDatePolicy zeroDates) {
        this.table = schema.id();
        this.schema = schema;
        this.column = column;
        this.zeroDates = zeroDates;
        this.kind = ValueKind.of(table, column);
        this.charset = column.charset() == null ? StandardCharsets.UTF_8 : javaCharset(column.charset());
        String t = column.dataType();
        this.labels = t.equals("enum") || t.equals("set") ? column.enumValues() : List.of();
    }

    public Object decode(Serializable raw) {
        return decode(raw, true);
    }

    /** @param written whether the value is written to the warehouse (a before image is not), for the zero-date count */
    public Object decode(Serializable raw, boolean written) {
        if (raw == null) {
            return null;
        }
        if (isZeroDate(raw)) {
            return zeroDates.zeroDate(schema, column, column.columnType(), written);
        }
        try {
            return switch (kind) {
                case INTEGER -> integer(raw);
                case UNSIGNED_BIGINT -> new BigInteger(Long.toUnsignedString(((Number) raw).longValue()));
                case DECIMAL -> (BigDecimal) raw;
                case FLOAT -> ((Number) raw).floatValue();
                case DOUBLE -> ((Number) raw).doubleValue();
                case TEXT -> text(raw);
                case JSON -> json(raw);
                case BYTES -> bytes(raw);
                case DATE -> LocalDate.ofEpochDay(Math.floorDiv(micros(raw), 86_400_000_000L));
                case DATETIME -> LocalDateTime.ofEpochSecond(Math.floorDiv(micros(raw), 1_000_000L),
                        (int) Math.floorMod(micros(raw), 1_000_000L) * 1000, ZoneOffset.UTC);
                case TIMESTAMP -> Instant.EPOCH.plusSeconds(Math.floorDiv(micros(raw), 1_000_000L))
                        .plusNanos(Math.floorMod(micros(raw), 1_000_000L) * 1000);
                case TIME -> Duration.ofNanos(micros(raw) * 1000);
                case BITS -> bits((BitSet) raw, column.declaredLength());
                case BOOLEAN -> ((Number) raw).longValue() != 0;
            };
        } catch (ClassCastException e) {
            throw new IllegalStateException("Cannot decode a " + raw.getClass().getSimpleName() + " from the binlog as "
                    + table + "." + column.name() + " (" + column.columnType() + "): the binlog does not match the "
                    + "table's schema", e);
        }
    }

    private Object integer(Serializable raw) {
        long v = ((Number) raw).longValue();
        if (!column.unsigned() || v >= 0 || column.dataType().equals("year")) {
            return v;
        }
        return switch (column.dataType()) {
            case "tinyint" -> v & 0xFFL;
            case "smallint" -> v & 0xFFFFL;
            case "mediumint" -> v & 0xFFFFFFL;
            default -> v & 0xFFFFFFFFL;
        };
    }

    private String text(Serializable raw) {
        String t = column.dataType();
        if (t.equals("enum")) {
            int index = ((Number) raw).intValue();
            return index == 0 ? "" : labels.get(index - 1);
        }
        if (t.equals("set")) {
            long mask = ((Number) raw).longValue();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < labels.size(); i++) {
                if ((mask & (1L << i)) != 0) {
                    if (!sb.isEmpty()) {
                        sb.append(',');
                    }
                    sb.append(labels.get(i));
                }
            }
            return sb.toString();
        }
        if (raw instanceof String s) {
            return s;
        }
        return new String((byte[]) raw, charset);
    }

    private String json(Serializable raw) {
        byte[] bytes = (byte[]) raw;
        if (column.dataType().equals("json")) {
            try {
                return JsonBinary.parseAsString(bytes); // MySQL's binary JSON
            } catch (IOException e) {
                throw new IllegalStateException("Cannot decode the binary JSON of " + table + "." + column.name(), e);
            }
        }
        return new String(bytes, charset); // MariaDB stores JSON as text
    }

    private byte[] bytes(Serializable raw) {
        byte[] bytes = (byte[]) raw;
        int width = column.declaredLength();
        if (column.dataType().equals("binary") && width > bytes.length) {
            return Arrays.copyOf(bytes, width); // the binlog drops BINARY(n)'s trailing zero padding; reads keep it
        }
        return bytes;
    }

    /**
     * The client gives Long.MIN_VALUE for a DATE/DATETIME with a zero year, month or day. A zero TIMESTAMP is stored
     * as second 0, which no valid TIMESTAMP is (the range starts at 1970-01-01 00:00:01 UTC), so 0 means zero there.
     */
    private boolean isZeroDate(Serializable raw) {
        if (!(raw instanceof Number n)) {
            return false;
        }
        return switch (kind) {
            case DATE, DATETIME -> n.longValue() == Long.MIN_VALUE;
            case TIMESTAMP -> n.longValue() == Long.MIN_VALUE || n.longValue() == 0;
            default -> false;
        };
    }

    private long micros(Serializable raw) {
        if (raw instanceof java.util.Date d) {
            return d.getTime() * 1000;
        }
        return ((Number) raw).longValue();
    }

    static String bits(BitSet set, int width) {
        int n = width > 0 ? width : Math.max(1, set.length());
        StringBuilder sb = new StringBuilder(n);
        for (int i = n - 1; i >= 0; i--) {
            sb.append(set.get(i) ? '1' : '0');
        }
        return sb.toString();
    }

    /** The Java charset of a MySQL character set name; MySQL's latin1 is really cp1252. */
    static Charset javaCharset(String mysqlCharset) {
        return switch (mysqlCharset.toLowerCase(Locale.ROOT)) {
            case "utf8mb4", "utf8mb3", "utf8" -> StandardCharsets.UTF_8;
            case "latin1" -> Charset.forName("windows-1252");
            case "ascii" -> StandardCharsets.US_ASCII;
            case "ucs2", "utf16" -> StandardCharsets.UTF_16BE;
            case "utf16le" -> StandardCharsets.UTF_16LE;
            case "utf32" -> Charset.forName("UTF-32BE");
            case "binary" -> StandardCharsets.ISO_8859_1;
            case "cp1250" -> Charset.forName("windows-1250");
            case "cp1251" -> Charset.forName("windows-1251");
            case "sjis" -> Charset.forName("Shift_JIS");
            case "ujis" -> Charset.forName("EUC-JP");
            case "gbk" -> Charset.forName("GBK");
            case "big5" -> Charset.forName("Big5");
            case "euckr" -> Charset.forName("EUC-KR");
            case "greek" -> Charset.forName("ISO-8859-7");
            case "hebrew" -> Charset.forName("ISO-8859-8");
            case "latin2" -> Charset.forName("ISO-8859-2");
            case "koi8r" -> Charset.forName("KOI8-R");
            default -> throw new IllegalArgumentException("Character set " + mysqlCharset + " is not supported yet");
        };
    }
}

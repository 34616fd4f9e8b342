package io.ferry.warehouse.redshift;

import io.ferry.replication.MySqlTime;
import io.ferry.replication.TableSchema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;

/**
 * Ferry's canonical values as the text Redshift reads for each column: the same text goes into a multi-row INSERT
 * (bound as a parameter, cast to the column type) and into the staging files COPY loads from S3. Enforces the byte
 * length of every VARCHAR: a longer value is refused (naming table, column and size) or, under the TRUNCATE policy,
 * cut on a character boundary with the row flagged.
 */
public final class RedshiftValues {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final DateTimeFormatter DATETIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss").appendFraction(ChronoField.NANO_OF_SECOND, 0, 6, true).toFormatter();

    private final TableSchema table;
    private final List<RedshiftColumn> columns;
    private final RedshiftOptions.Oversize oversize;
    private final boolean flagged;

    public RedshiftValues(RedshiftDialect dialect, TableSchema table) {
        this.table = table;
        this.columns = dialect.columns(table);
        this.oversize = dialect.options().oversize();
        this.flagged = dialect.flagsTruncation(table);
    }

    public List<RedshiftColumn> columns() {
        return columns;
    }

    /** Whether rows carry the _ferry_truncated flag after the source columns. */
    public boolean flagged() {
        return flagged;
    }

    /**
     * The row's values as text (null for SQL NULL), in column order, followed by the _ferry_truncated flag ("true" /
     * "false") when the table has it.
     */
    public String[] render(Object[] values) {
        String[] out = new String[columns.size() + (flagged ? 1 : 0)];
        boolean truncated = false;
        for (int i = 0; i < columns.size(); i++) {
            RedshiftColumn c = columns.get(i);
            String text = text(c, values[i]);
            if (text != null && c.maxBytes() >= 0) {
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                if (utf8.length > c.maxBytes()) {
                    if (oversize == RedshiftOptions.Oversize.REJECT || !c.mayOverflow()) {
                        throw new OversizeValueException(table.id() + "." + c.source().name() + " has a value of "
                                + utf8.length + " bytes; its Redshift column " + c.type() + " holds " + c.maxBytes()
                                + " bytes. Ferry does not cut values silently: choose the oversize policy truncate "
                                + "(the row is flagged in _ferry_truncated) or exclude the column.");
                    }
                    text = cut(text, c.form() == RedshiftColumn.Form.HEX, (int) c.maxBytes());
                    truncated = true;
                }
            }
            out[i] = text;
        }
        if (flagged) {
            out[columns.size()] = Boolean.toString(truncated);
        }
        return out;
    }

    /** The longest prefix of at most {@code maxBytes} UTF-8 bytes that ends on a character (hex: a whole byte). */
    static String cut(String text, boolean hex, int maxBytes) {
        if (hex) {
            return text.substring(0, maxBytes - maxBytes % 2);
        }
        int bytes = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + n > maxBytes) {
                break;
            }
            bytes += n;
            i += Character.charCount(cp);
        }
        return text.substring(0, i);
    }

    private String text(RedshiftColumn c, Object value) {
        if (value == null) {
            return null;
        }
        return switch (c.form()) {
            case NUMBER -> number(value);
            case DECIMAL_TEXT -> ((BigDecimal) value).toPlainString();
            case TEXT, JSON, BITS -> noNul(c, (String) value);
            case HEX -> hex((byte[]) value);
            case DATE -> ((LocalDate) value).toString();
            case TIMESTAMP -> DATETIME.format((LocalDateTime) value);
            case TIMESTAMPTZ -> DATETIME.format(LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC)) + "+00";
            case TIME_TEXT -> MySqlTime.format((Duration) value);
            case BOOLEAN -> value.toString();
        };
    }

    private String noNul(RedshiftColumn c, String s) {
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("A value of " + table.id() + "." + c.source().name()
                    + " contains a NUL character, which Redshift text cannot store; Ferry will not drop it silently");
        }
        return s;
    }

    private static String number(Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Long || value instanceof Integer || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof Float f && !f.isNaN() && !f.isInfinite()) {
            return f.toString();
        }
        if (value instanceof Double d && !d.isNaN() && !d.isInfinite()) {
            return d.toString();
        }
        throw new IllegalArgumentException("No Redshift number for " + value);
    }

    static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(out);
    }
}

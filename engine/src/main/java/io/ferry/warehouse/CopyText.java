package io.ferry.warehouse;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * PostgreSQL's {@code COPY ... FROM STDIN} text format for Ferry's canonical values: tab-separated, {@code \N} for
 * NULL, backslash escapes, bytea as {@code \\x} hex. A NUL character cannot be stored in PostgreSQL text: it is an
 * error, not a silent change.
 */
public final class CopyText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CopyText() {
    }

    /** Appends one row (values in column order) and the line end. */
    public static void appendRow(StringBuilder out, Object[] values, String context) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            append(out, values[i], context);
        }
        out.append('\n');
    }

    public static void append(StringBuilder out, Object value, String context) {
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof String s) {
            escape(out, s, context);
        } else if (value instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (value instanceof Long l) {
            out.append(l.longValue()); // not append(Object): that allocates a String per value
        } else if (value instanceof Integer i) {
            out.append(i.intValue());
        } else if (value instanceof java.math.BigInteger) {
            out.append(value);
        } else if (value instanceof Float f) {
            out.append(special(f.isNaN(), f.isInfinite(), f > 0, f.toString()));
        } else if (value instanceof Double d) {
            out.append(special(d.isNaN(), d.isInfinite(), d > 0, d.toString()));
        } else if (value instanceof byte[] bytes) {
            out.append("\\\\x");
            for (byte b : bytes) {
                out.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        } else if (value instanceof LocalDateTime t) {
            io.ferry.replication.DateTimeText.append(out, t);
        } else if (value instanceof LocalDate d) {
            out.append(d);
        } else if (value instanceof Instant i) {
            io.ferry.replication.DateTimeText.append(out, LocalDateTime.ofEpochSecond(i.getEpochSecond(), i.getNano(), java.time.ZoneOffset.UTC));
            out.append("+00");
        } else if (value instanceof Duration d) {
            out.append(io.ferry.replication.MySqlTime.format(d));
        } else if (value instanceof Boolean b) {
            out.append(b ? 't' : 'f');
        } else {
            throw new IllegalArgumentException("No COPY text form for a " + value.getClass().getName() + " in " + context);
        }
    }

    private static String special(boolean nan, boolean infinite, boolean positive, String plain) {
        if (nan) {
            return "NaN";
        }
        if (infinite) {
            return positive ? "Infinity" : "-Infinity";
        }
        return plain;
    }

    private static void escape(StringBuilder out, String s, String context) {
        int n = s.length();
        int plain = 0;
        while (plain < n && !special(s.charAt(plain))) {
            plain++;
        }
        out.append(s, 0, plain); // most values need no escape: one copy instead of one append per character
        for (int i = plain; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\0' -> throw new IllegalArgumentException("A value of " + context + " contains a NUL character, "
                        + "which PostgreSQL text cannot store; Ferry will not drop it silently");
                default -> out.append(c);
            }
        }
    }

    private static boolean special(char c) {
        return c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\0';
    }
}

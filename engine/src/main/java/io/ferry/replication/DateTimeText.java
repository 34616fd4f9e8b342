package io.ferry.replication;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * {@code uuuu-MM-dd HH:mm:ss[.fraction]}, the text form of a DATETIME on both sides (MySQL's CAST AS CHAR, PostgreSQL's
 * COPY text), parsed and written by hand for four-digit years: the full load reads and writes one per row and column,
 * and {@link DateTimeFormatter} took a large share of the JVM's time there. Anything else goes through the formatter.
 */
public final class DateTimeText {
    static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd().toFormatter();

    private DateTimeText() {
    }

    /** Appends {@code t}: the fraction with as many digits as it needs (none when zero), as the formatter does. */
    public static void append(StringBuilder out, LocalDateTime t) {
        int year = t.getYear();
        if (year < 1000 || year > 9999) {
            out.append(FORMAT.format(t));
            return;
        }
        out.append(year).append('-');
        two(out, t.getMonthValue()).append('-');
        two(out, t.getDayOfMonth()).append(' ');
        two(out, t.getHour()).append(':');
        two(out, t.getMinute()).append(':');
        two(out, t.getSecond());
        int nano = t.getNano();
        if (nano != 0) {
            int digits = 9;
            while (nano % 10 == 0) {
                nano /= 10;
                digits--;
            }
            out.append('.');
            String n = Integer.toString(nano);
            for (int i = n.length(); i < digits; i++) {
                out.append('0');
            }
            out.append(n);
        }
    }

    public static String format(LocalDateTime t) {
        StringBuilder s = new StringBuilder(26);
        append(s, t);
        return s.toString();
    }

    /** Parses {@code yyyy-MM-dd HH:mm:ss} with an optional fraction of up to 9 digits; throws on anything invalid. */
    public static LocalDateTime parse(CharSequence s) {
        int n = s.length();
        if (n < 19 || n == 20 || n > 29 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != ' ' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || (n > 19 && s.charAt(19) != '.')) {
            return LocalDateTime.parse(s, FORMAT);
        }
        int nano = 0;
        for (int i = 20; i < 29; i++) {
            nano = nano * 10 + (i < n ? digit(s, i) : 0);
        }
        // LocalDateTime.of checks the ranges (month 13, February 30 ...) and throws DateTimeException
        return LocalDateTime.of(number(s, 0, 4), number(s, 5, 7), number(s, 8, 10), number(s, 11, 13), number(s, 14, 16),
                number(s, 17, 19), nano);
    }

    private static int number(CharSequence s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + digit(s, i);
        }
        return v;
    }

    private static int digit(CharSequence s, int i) {
        char c = s.charAt(i);
        if (c < '0' || c > '9') {
            throw new java.time.format.DateTimeParseException("Not a digit at " + i, s, i);
        }
        return c - '0';
    }

    private static StringBuilder two(StringBuilder out, int v) {
        return out.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }
}

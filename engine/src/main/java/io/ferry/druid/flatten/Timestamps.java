package io.ferry.druid.flatten;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 timestamps read and written without allocating, for the common shapes
 * ({@code 2026-11-28T04:12:33.123Z}, {@code +02:00} offsets); anything else goes through java.time.
 */
final class Timestamps {
    static final long INVALID = Long.MIN_VALUE;
    private static final char[] TENS = new char[100];
    private static final char[] ONES = new char[100];

    static {
        for (int i = 0; i < 100; i++) {
            TENS[i] = (char) ('0' + i / 10);
            ONES[i] = (char) ('0' + i % 10);
        }
    }

    private Timestamps() {
    }

    /** Epoch millis, or {@link #INVALID}. */
    static long parseIso(char[] c, int off, int len) {
        long fast = parseFast(c, off, len);
        return fast != INVALID ? fast : parseSlow(new String(c, off, len).trim());
    }

    private static long parseFast(char[] c, int off, int len) {
        if (len < 19 || c[off + 4] != '-' || c[off + 7] != '-' || (c[off + 10] != 'T' && c[off + 10] != ' ')
                || c[off + 13] != ':' || c[off + 16] != ':') {
            return INVALID;
        }
        int year = digits(c, off, 4);
        int month = digits(c, off + 5, 2);
        int day = digits(c, off + 8, 2);
        int hour = digits(c, off + 11, 2);
        int minute = digits(c, off + 14, 2);
        int second = digits(c, off + 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1
                || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
            return INVALID;
        }
        int i = off + 19;
        int end = off + len;
        long millis = 0;
        if (i < end && c[i] == '.') {
            i++;
            int start = i;
            int scale = 100;
            while (i < end && c[i] >= '0' && c[i] <= '9') {
                millis += (c[i] - '0') * scale;
                scale /= 10;
                i++;
            }
            if (i == start || i - start > 9) {
                return INVALID;
            }
        }
        int offsetSeconds;
        if (i == end) {
            offsetSeconds = 0; // no zone: UTC, as Druid reads it
        } else if (c[i] == 'Z' && i + 1 == end) {
            offsetSeconds = 0;
        } else if ((c[i] == '+' || c[i] == '-') && (end - i == 6 && c[i + 3] == ':' || end - i == 5)) {
            int oh = digits(c, i + 1, 2);
            int om = digits(c, end - 2, 2);
            if (oh < 0 || om < 0 || oh > 18 || om > 59) {
                return INVALID;
            }
            offsetSeconds = (oh * 3600 + om * 60) * (c[i] == '-' ? -1 : 1);
        } else {
            return INVALID;
        }
        long days = epochDay(year, month, day);
        long seconds = days * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        return seconds * 1000L + millis;
    }

    private static long parseSlow(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            // try the shapes without an offset (read as UTC)
        }
        try {
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            // next
        }
        try {
            return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return INVALID;
        }
    }

    /** Writes {@code 2026-11-28T04:12:33.123Z} (24 chars) into {@code out}; returns the length. */
    static int formatIso(long epochMillis, char[] out) {
        long days = Math.floorDiv(epochMillis, 86_400_000L);
        int msOfDay = (int) Math.floorMod(epochMillis, 86_400_000L);
        // civil-from-days (H. Hinnant)
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int d = (int) (doy - (153 * mp + 2) / 5 + 1);
        int m = (int) (mp < 10 ? mp + 3 : mp - 9);
        if (m <= 2) {
            y++;
        }
        if (y < 0 || y > 9999) {
            String s = Instant.ofEpochMilli(epochMillis).toString();
            s.getChars(0, s.length(), out, 0);
            return s.length();
        }
        put(out, 0, (int) y, 4);
        out[4] = '-';
        put(out, 5, m, 2);
        out[7] = '-';
        put(out, 8, d, 2);
        out[10] = 'T';
        put(out, 11, msOfDay / 3_600_000, 2);
        out[13] = ':';
        put(out, 14, msOfDay / 60_000 % 60, 2);
        out[16] = ':';
        put(out, 17, msOfDay / 1000 % 60, 2);
        out[19] = '.';
        put(out, 20, msOfDay % 1000, 3);
        out[23] = 'Z';
        return 24;
    }

    static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static int digits(char[] c, int at, int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            int d = c[at + i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static void put(char[] out, int at, int value, int width) {
        switch (width) {
            case 2 -> put2(out, at, value);
            case 3 -> {
                out[at] = (char) ('0' + value / 100);
                put2(out, at + 1, value % 100);
            }
            default -> {
                put2(out, at, value / 100);
                put2(out, at + 2, value % 100);
            }
        }
    }

    private static void put2(char[] out, int at, int value) {
        out[at] = TENS[value];
        out[at + 1] = ONES[value];
    }
}

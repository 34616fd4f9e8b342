package io.ferry.druid.reindex;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** A half-open UTC interval {@code [start, end)}, written as Druid writes intervals ({@code start/end}, ISO). */
public record TimeInterval(Instant start, Instant end) implements Comparable<TimeInterval> {

    public TimeInterval {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("an interval must end after it starts: " + start + "/" + end);
        }
    }

    /**
     * Parses {@code 2026-11-28T00/2026-11-28T04}, {@code 2026-11-28T00:00:00Z/2026-11-28T04:00:00Z} or
     * {@code 2026-11-28/2026-11-29} (UTC when no offset is written).
     */
    public static TimeInterval parse(String text) {
        String[] parts = text.trim().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected an interval START/END such as 2026-11-28T00/2026-11-28T04, found '"
                    + text + "'");
        }
        return new TimeInterval(instant(parts[0]), instant(parts[1]));
    }

    static Instant instant(String text) {
        String t = text.trim();
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return OffsetDateTime.parse(t).toInstant();
            }
            if (t.length() == 13) {
                t = t + ":00";
            }
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a UTC time: '" + text + "' (write 2026-11-28T04 or 2026-11-28T04:00:00Z)");
        }
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    public boolean contains(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    public boolean overlaps(TimeInterval other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /** The consecutive pieces of {@code step} this interval is made of (it must be a whole number of them). */
    public List<TimeInterval> split(Duration step) {
        List<TimeInterval> out = new ArrayList<>();
        for (Instant t = start; t.isBefore(end); t = t.plus(step)) {
            out.add(new TimeInterval(t, t.plus(step)));
        }
        return out;
    }

    @Override
    public int compareTo(TimeInterval o) {
        int c = start.compareTo(o.start);
        return c != 0 ? c : end.compareTo(o.end);
    }

    /** {@code 2026-11-28T00:00:00Z/2026-11-28T04:00:00Z}, as Druid's task specs take it. */
    @Override
    public String toString() {
        return start + "/" + end;
    }
}

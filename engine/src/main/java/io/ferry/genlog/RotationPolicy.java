package io.ferry.genlog;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * When a rotation is due: the log has more rows, more bytes or an older first row than the policy allows.
 * Ferry enforces it itself ({@code ferry genlog rotate --if-...}), e.g. from cron.
 */
public record RotationPolicy(Optional<Long> maxRows, Optional<Long> maxBytes, Optional<Duration> maxAge) {

    public boolean isEmpty() {
        return maxRows.isEmpty() && maxBytes.isEmpty() && maxAge.isEmpty();
    }

    /** Why the log must be rotated now, or empty when it need not be. */
    public Optional<String> reason(GenlogStatus status, Instant now) {
        List<String> reasons = new ArrayList<>();
        maxRows.filter(max -> status.count().rows() > max)
                .ifPresent(max -> reasons.add("rows " + status.count().rows() + " > " + max));
        maxBytes.filter(max -> status.size().bytes() > max)
                .ifPresent(max -> reasons.add("bytes " + status.size().bytes() + " > " + max));
        if (maxAge.isPresent() && status.count().oldest().isPresent()) {
            Duration age = Duration.between(StatusReader.parse(status.count().oldest().get()), now);
            if (age.compareTo(maxAge.get()) > 0) {
                reasons.add("oldest row " + age.toHours() + " h old > " + maxAge.get().toHours() + " h");
            }
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", reasons));
    }

    /** For people: {@code rows > 1000 or bytes > 5.0 GB or oldest row older than 168 h}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        maxRows.ifPresent(m -> parts.add("rows > " + m));
        maxBytes.ifPresent(m -> parts.add(String.format(Locale.ROOT, "bytes > %d (%.1f GB)", m, m / 1073741824.0)));
        maxAge.ifPresent(m -> parts.add("oldest row older than " + m.toHours() + " h"));
        return String.join(" or ", parts);
    }

    /** {@code 500MB}, {@code 10GB}, {@code 1024} (bytes). */
    public static long parseBytes(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        long unit = 1;
        for (String[] u : new String[][]{{"TB", "1099511627776"}, {"GB", "1073741824"}, {"MB", "1048576"}, {"KB", "1024"}, {"B", "1"}}) {
            if (t.endsWith(u[0])) {
                unit = Long.parseLong(u[1]);
                t = t.substring(0, t.length() - u[0].length());
                break;
            }
        }
        try {
            return (long) (Double.parseDouble(t) * unit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("size '" + text + "': use a number with KB, MB, GB or TB (e.g. 5GB)");
        }
    }

    /** {@code 7d}, {@code 12h}, {@code 30m}. */
    public static Duration parseAge(String text) {
        ScheduleInterval i = ScheduleInterval.parse(text);
        return switch (i.unit()) {
            case DAY -> Duration.ofDays(i.amount());
            case HOUR -> Duration.ofHours(i.amount());
            case MINUTE -> Duration.ofMinutes(i.amount());
            case SECOND -> Duration.ofSeconds(i.amount());
        };
    }
}

package io.ferry.genlog;

import java.util.Locale;
import java.util.Optional;

/**
 * Which rows a search or digest looks at. Times are UTC in the server's format ({@code 2026-11-28 04:00:00},
 * a prefix such as {@code 2026-11-28} also works); {@code from} is inclusive, {@code to} exclusive. Text matches
 * are case-insensitive substrings.
 */
public record LogFilter(Optional<String> from, Optional<String> to, Optional<String> userHost,
                        Optional<String> commandType, Optional<String> text) {
    public static final LogFilter ALL = new LogFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    public LogFilter {
        userHost = userHost.map(s -> s.toLowerCase(Locale.ROOT));
        text = text.map(s -> s.toLowerCase(Locale.ROOT));
    }

    public boolean matches(LogRow row) {
        if (from.isPresent() && row.eventTime().compareTo(from.get()) < 0) {
            return false;
        }
        if (to.isPresent() && row.eventTime().compareTo(to.get()) >= 0) {
            return false;
        }
        if (commandType.isPresent() && !row.commandType().equalsIgnoreCase(commandType.get())) {
            return false;
        }
        if (userHost.isPresent() && !containsIgnoreCase(row.userHost(), userHost.get())) {
            return false;
        }
        return text.isEmpty() || containsIgnoreCase(row.argument(), text.get());
    }

    /** {@code haystack} contains {@code lowerNeedle} (already lower-case), ignoring ASCII case, without copying. */
    static boolean containsIgnoreCase(String haystack, String lowerNeedle) {
        int m = lowerNeedle.length();
        for (int i = 0, last = haystack.length() - m; i <= last; i++) {
            if (haystack.regionMatches(true, i, lowerNeedle, 0, m)) {
                return true;
            }
        }
        return false;
    }

    public boolean isAll() {
        return from.isEmpty() && to.isEmpty() && userHost.isEmpty() && commandType.isEmpty() && text.isEmpty();
    }
}

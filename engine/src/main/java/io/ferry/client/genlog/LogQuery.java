package io.ferry.client.genlog;

import java.util.Optional;

/**
 * Which rows a search or digest keeps. Times UTC ({@code 2026-11-28} or {@code 2026-11-28 04:00}), from inclusive,
 * to exclusive; user/host and text are case-insensitive substrings; command type exact (Query, Connect...).
 */
public record LogQuery(Optional<String> from, Optional<String> to, Optional<String> userHost,
                       Optional<String> commandType, Optional<String> text) {
    public static final LogQuery ALL = new LogQuery(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    /** Blank strings mean "no filter". */
    public static LogQuery of(String from, String to, String userHost, String commandType, String text) {
        return new LogQuery(given(from), given(to), given(userHost), given(commandType), given(text));
    }

    private static Optional<String> given(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }
}

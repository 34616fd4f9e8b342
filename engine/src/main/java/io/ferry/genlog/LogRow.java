package io.ferry.genlog;

/**
 * One row of the general log (or of the slow log, read the same way: its {@code start_time} as the time and its
 * {@code sql_text} as the argument, command type "Query").
 *
 * @param eventTime UTC, {@code yyyy-MM-dd HH:mm:ss.ffffff}: compares as a string
 * @param userHost  {@code user[user] @ host [ip]}, as the server writes it
 */
public record LogRow(String eventTime, String userHost, long threadId, long serverId, String commandType,
                     String argument) {

    /** The user part of {@link #userHost()}: {@code shop} in {@code shop[shop] @ localhost [127.0.0.1]} or {@code [shop] @ ...}. */
    public String user() {
        int bracket = userHost.indexOf('[');
        int end = bracket >= 0 ? bracket : userHost.indexOf(" @");
        String name = (end >= 0 ? userHost.substring(0, end) : userHost).trim();
        if (name.isEmpty() && bracket >= 0) { // Connect rows: "[ferry] @  [127.0.0.1]"
            int close = userHost.indexOf(']', bracket);
            return close > bracket ? userHost.substring(bracket + 1, close) : "";
        }
        return name;
    }

    /** The host part of {@link #userHost()}: {@code localhost [127.0.0.1]} reads as {@code localhost}, else the IP. */
    public String host() {
        int at = userHost.indexOf('@');
        if (at < 0) {
            return "";
        }
        String rest = userHost.substring(at + 1).trim();
        int bracket = rest.indexOf('[');
        String name = (bracket >= 0 ? rest.substring(0, bracket) : rest).trim();
        if (!name.isEmpty()) {
            return name;
        }
        int close = rest.indexOf(']');
        return bracket >= 0 && close > bracket ? rest.substring(bracket + 1, close) : rest;
    }
}

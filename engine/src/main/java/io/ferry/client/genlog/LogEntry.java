package io.ferry.client.genlog;

/** One row of the general log; {@code eventTime} is UTC, {@code yyyy-MM-dd HH:mm:ss.ffffff}. */
public record LogEntry(String eventTime, String userHost, long threadId, String commandType, String argument) {
}

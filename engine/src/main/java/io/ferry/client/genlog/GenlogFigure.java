package io.ferry.client.genlog;

/**
 * One figure of a log's status.
 *
 * @param name     {@code rows}, {@code bytes}, {@code general_log}...
 * @param value    formatted for people
 * @param accuracy exact, estimate, or a setting
 * @param note     how it was found, or what to do about it; may be empty
 */
public record GenlogFigure(String name, String value, Accuracy accuracy, String note) {
    /** How far the figure can be trusted. */
    public enum Accuracy { SETTING, EXACT, ESTIMATE }
}

package io.ferry.genlog;

/**
 * One line of a log's status as {@code ferry genlog status} and the console show it.
 *
 * @param name     {@code rows}, {@code bytes}, {@code general_log}...
 * @param value    the figure, formatted
 * @param accuracy whether the figure is exact, an estimate, or a server setting
 * @param note     how it was found, or what to do about it; may be empty
 */
public record StatusFigure(String name, String value, Accuracy accuracy, String note) {
    /** How far a figure can be trusted. */
    public enum Accuracy {
        /** A server setting or a fact read as is. */
        SETTING,
        /** Counted or read exactly. */
        EXACT,
        /** Estimated (sampled rows, growth, a projected date). */
        ESTIMATE
    }
}

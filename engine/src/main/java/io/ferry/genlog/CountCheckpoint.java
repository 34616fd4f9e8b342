package io.ferry.genlog;

/**
 * How far a log table has been counted: {@code rows} rows with a time up to and including {@code countedThrough},
 * in a table whose first (oldest) row has the time {@code oldest}. A different oldest row means the table was
 * rotated or emptied since, and the count starts again. Times are UTC, formatted as the server prints them
 * ({@code 2026-11-28 04:00:00.123456}), so they compare as strings.
 */
public record CountCheckpoint(long rows, String countedThrough, String oldest) {

    String encode() {
        return rows + "|" + countedThrough + "|" + oldest;
    }

    static CountCheckpoint decode(String text) {
        String[] parts = text.split("\\|", 3);
        return new CountCheckpoint(Long.parseLong(parts[0]), parts[1], parts[2]);
    }
}

package io.ferry.genlog;

import java.util.Optional;

/**
 * The rows of a log table.
 *
 * @param rows        all rows at the time of counting
 * @param checkpoint  what to remember for the next count
 * @param incremental true when only rows newer than the previous checkpoint were scanned
 * @param oldest      the oldest row's time, if any
 * @param newest      the newest row's time, if any
 */
public record RowCount(long rows, CountCheckpoint checkpoint, boolean incremental, Optional<String> oldest,
                       Optional<String> newest) {
}

package io.ferry.client.genlog;

import java.util.List;

/**
 * What "Rotate now" will do, for the confirmation.
 *
 * @param flavour        e.g. {@code self-managed: atomic double RENAME into a dated table}
 * @param rowsToMove     rows in the log table now
 * @param archiveFolder  where the archive goes
 * @param leftoverTables rotated tables archived first
 * @param whatWillHappen plain sentences
 */
public record RotationPlan(String connection, String flavour, long rowsToMove, String archiveFolder,
                           List<String> leftoverTables, String whatWillHappen) {
}

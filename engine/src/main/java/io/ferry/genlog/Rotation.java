package io.ferry.genlog;

import java.time.Instant;
import java.util.Optional;

/**
 * One rotation in the history.
 *
 * @param rotatedTable the table the rows were rotated into ({@code ferry_admin.general_log_20261128_0400},
 *                     {@code mysql.general_log_backup})
 * @param rowsRotated  rows in that table
 * @param rowsArchived rows written to the archive (equal to rowsRotated when verified)
 * @param oldestEvent  the oldest row's time in the rotated table (UTC)
 * @param newestEvent  the newest row's time: every row up to it is in the archive
 * @param triggeredBy  {@code user:<name>}, {@code schedule}, {@code policy}
 * @param status       OK, FAILED, ARCHIVE_FAILED
 */
public record Rotation(long id, String connection, LogKind kind, RotationFlavour flavour, String triggeredBy,
                       Instant startedAt, Optional<Instant> finishedAt, String rotatedTable, long rowsRotated,
                       long rowsArchived, Optional<String> oldestEvent, Optional<String> newestEvent,
                       Optional<String> archivePath, String status, String detail) {
}

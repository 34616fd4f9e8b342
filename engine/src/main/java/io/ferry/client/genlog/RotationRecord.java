package io.ferry.client.genlog;

import java.time.Instant;
import java.util.Optional;

/**
 * One row of the rotation history.
 *
 * @param triggeredBy {@code user:<name> (console)}, {@code user:<name>}, {@code schedule}, {@code policy: ...}
 * @param status      OK, RUNNING, ARCHIVE_FAILED
 */
public record RotationRecord(long id, String log, String flavour, String triggeredBy, Instant startedAt,
                             Optional<Instant> finishedAt, String rotatedTable, long rowsRotated, long rowsArchived,
                             Optional<String> oldestEvent, Optional<String> newestEvent, Optional<String> archivePath,
                             String status, String detail) {
}

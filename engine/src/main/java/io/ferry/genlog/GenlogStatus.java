package io.ferry.genlog;

import java.time.Instant;
import java.util.Optional;

/**
 * What {@code ferry genlog status} shows for one log of one connection.
 *
 * @param rowsPerDay        growth from Ferry's samples, else from the span between the oldest and newest rows
 * @param growthFromSamples true when rowsPerDay/bytesPerDay come from Ferry's own samples
 * @param rdsThresholdBytes the size at which RDS rotates on its own, when the allocated storage is known
 * @param rdsCrossing       when the log reaches that size at the current growth
 */
public record GenlogStatus(String connection, LogKind kind, LogSettings settings, RotationFlavour flavour,
                           RowCount count, LogSize size, Optional<Double> rowsPerDay, Optional<Double> bytesPerDay,
                           boolean growthFromSamples, Optional<Long> rdsThresholdBytes, Optional<Instant> rdsCrossing) {
}

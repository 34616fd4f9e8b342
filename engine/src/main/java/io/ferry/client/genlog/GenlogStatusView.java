package io.ferry.client.genlog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A connection's general log as {@code ferry genlog status} shows it, plus the samples for a growth chart.
 *
 * @param heading           e.g. {@code shop-db - mysql.general_log (11.4.5-MariaDB-log)}
 * @param tableLog          true when the log is on and kept as a table (rotation and counting make sense)
 * @param problem           when not, what is wrong and the fix
 * @param flavour           how a rotation would run
 * @param rdsThresholdBytes the size at which RDS rotates on its own, when the allocated storage was given
 * @param rdsCrossing       when the log reaches it at the current growth
 * @param samples           Ferry's size samples of the last 7 days, oldest first
 * @param costNote          what logging to a table costs the server
 */
public record GenlogStatusView(String connection, String heading, boolean tableLog, Optional<String> problem,
                               String flavour, long rows, long bytes, List<GenlogFigure> figures,
                               Optional<Long> rdsThresholdBytes, Optional<Instant> rdsCrossing, List<GrowthSample> samples,
                               String costNote) {
}

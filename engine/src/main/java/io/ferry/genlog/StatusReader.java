package io.ferry.genlog;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Reads a log's status from the server, counting incrementally and recording a size sample. */
public final class StatusReader {
    private static final DateTimeFormatter SERVER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");

    private final GenlogStore store;
    private final Clock clock;
    private final SizeReader sizes;

    public StatusReader(GenlogStore store, Clock clock, boolean serverOnThisMachine) {
        this.store = store;
        this.clock = clock;
        this.sizes = new SizeReader(serverOnThisMachine);
    }

    /**
     * @param rdsStorage the instance's allocated storage (GB) and used share (%), when known
     */
    public GenlogStatus read(String connection, ServerConnections server, LogKind kind, boolean rdsConfigured,
                             Optional<RdsStorage> rdsStorage) throws SQLException {
        try (Connection c = server.open()) {
            LogSettings settings = LogSettings.read(c);
            RotationFlavour flavour = FlavourDetector.detect(c, kind, rdsConfigured);
            if (!settings.toTable()) {
                RowCount none = new RowCount(0, new CountCheckpoint(0, "", ""), false, Optional.empty(), Optional.empty());
                return new GenlogStatus(connection, kind, settings, flavour, none, new LogSize(0, false, "not a table log", "-"),
                        Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty());
            }
            RowCount count = new RowCounter().count(c, kind, store.checkpoint(connection, kind));
            store.saveCheckpoint(connection, kind, count.checkpoint());
            LogSize size = sizes.size(c, kind, settings, count.rows());
            Instant now = clock.instant();
            store.sample(connection, kind, now, count.rows(), size.bytes());
            Instant since = now.minus(Duration.ofDays(7));
            Optional<Double> rowsPerDay = GrowthEstimator.perDay(store.samples(connection, kind, "rows", since));
            Optional<Double> bytesPerDay = GrowthEstimator.perDay(store.samples(connection, kind, "bytes", since));
            boolean fromSamples = rowsPerDay.isPresent();
            if (!fromSamples) {
                rowsPerDay = fromSpan(count, count.rows());
                bytesPerDay = fromSpan(count, size.bytes());
            }
            Optional<Double> bytesGrowth = bytesPerDay;
            Optional<Long> threshold = rdsStorage.map(s -> RdsThreshold.bytes(s.allocatedGb(), s.usedPercent()));
            Optional<Instant> crossing = threshold.flatMap(t -> RdsThreshold.crossing(size.bytes(), t,
                    bytesGrowth, now));
            return new GenlogStatus(connection, kind, settings, flavour, count, size, rowsPerDay, bytesPerDay, fromSamples,
                    threshold, crossing);
        }
    }

    /** Growth per day assuming the table filled evenly between its oldest and newest rows. */
    static Optional<Double> fromSpan(RowCount count, long amount) {
        if (count.oldest().isEmpty() || count.newest().isEmpty()) {
            return Optional.empty();
        }
        Instant oldest = parse(count.oldest().get());
        Instant newest = parse(count.newest().get());
        long millis = Duration.between(oldest, newest).toMillis();
        if (millis < 60_000) {
            return Optional.empty();
        }
        return Optional.of(amount / (millis / 86_400_000.0));
    }

    static Instant parse(String serverTime) {
        return LocalDateTime.parse(serverTime, SERVER_TIME).toInstant(ZoneOffset.UTC);
    }

    /** The instance's allocated storage and how full it is, for RDS's own rotation threshold. */
    public record RdsStorage(double allocatedGb, double usedPercent) {
    }
}

package io.ferry.genlog;

import io.ferry.state.StateStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * On RDS the scheduled event's procedure keeps one backup, so a firing Ferry did not follow with an archive drops
 * the previous backup's rows. The engine remembers the event's LAST_EXECUTED after each archive; when it has since
 * advanced by two intervals or more, backups were replaced unarchived.
 */
final class RdsFiringWatch {

    private final StateStore state;
    private final String job;

    RdsFiringWatch(StateStore state, String jobName) {
        this.state = state;
        this.job = "genlog-job:" + jobName;
    }

    /** The alarm text when firings were missed since the last remembered one; empty otherwise (or when unknown). */
    Optional<String> missedFirings(ServerConnections server, LogKind kind) throws SQLException {
        Optional<ScheduledRotation> event;
        try (Connection c = server.open()) {
            event = RotationScheduler.show(c, kind);
        }
        Optional<String> before = load(kind);
        if (event.isEmpty() || event.get().lastExecuted().isEmpty() || before.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> every = interval(event.get().every());
        if (every.isEmpty()) {
            return Optional.empty();
        }
        String now = event.get().lastExecuted().get();
        long firings = Math.round((double) Duration.between(parse(before.get()), parse(now)).toSeconds()
                / every.get().toSeconds());
        if (firings < 2) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "the scheduled event %s (every %s) fired %d times between %s and %s"
                + " but Ferry archived mysql.%s only after the last: RDS dropped %d backup(s) and their rows unarchived."
                + " Keep the engine running with checkEvery shorter than the schedule", event.get().event(),
                event.get().every(), firings, before.get(), now, kind.backupTable(), firings - 1));
    }

    /** Remembers the event's current LAST_EXECUTED (after its backup was archived). */
    void remember(ServerConnections server, LogKind kind) throws SQLException {
        Optional<ScheduledRotation> event;
        try (Connection c = server.open()) {
            event = RotationScheduler.show(c, kind);
        }
        if (event.isEmpty() || event.get().lastExecuted().isEmpty()) {
            return;
        }
        try (Connection c = state.connection();
             PreparedStatement ps = c.prepareStatement("MERGE INTO job_state (job, key, value, updated_at) KEY (job, key)"
                     + " VALUES (?, ?, ?, ?)")) {
            ps.setString(1, job);
            ps.setString(2, key(kind));
            ps.setString(3, event.get().lastExecuted().get());
            ps.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    private Optional<String> load(LogKind kind) throws SQLException {
        try (Connection c = state.connection();
             PreparedStatement ps = c.prepareStatement("SELECT value FROM job_state WHERE job = ? AND key = ?")) {
            ps.setString(1, job);
            ps.setString(2, key(kind));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static String key(LogKind kind) {
        return "rds-event-last-executed:" + kind.word();
    }

    /** {@code 1 DAY}, {@code 30 MINUTE}... as information_schema.EVENTS reports it. */
    static Optional<Duration> interval(String every) {
        String[] p = every.trim().split("\\s+");
        if (p.length != 2) {
            return Optional.empty();
        }
        long n;
        try {
            n = Long.parseLong(p[0]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return switch (p[1].toUpperCase(Locale.ROOT)) {
            case "SECOND" -> Optional.of(Duration.ofSeconds(n));
            case "MINUTE" -> Optional.of(Duration.ofMinutes(n));
            case "HOUR" -> Optional.of(Duration.ofHours(n));
            case "DAY" -> Optional.of(Duration.ofDays(n));
            case "WEEK" -> Optional.of(Duration.ofDays(7 * n));
            default -> Optional.empty();
        };
    }

    static LocalDateTime parse(String serverTime) {
        return LocalDateTime.parse(serverTime.length() > 19 ? serverTime.substring(0, 19) : serverTime,
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    }
}

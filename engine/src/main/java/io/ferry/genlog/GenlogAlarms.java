package io.ferry.genlog;

import io.ferry.state.StateStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The alarms of genlog jobs, in the state store (table {@code genlog_alarm}). */
public final class GenlogAlarms {
    private static final String COLUMNS = "id, connection, log_kind, job, raised_at, last_seen_at, occurrences, message,"
            + " acked_at, acked_by";
    private static final int MAX_MESSAGE = 4000;

    private final StateStore store;

    public GenlogAlarms(StateStore store) {
        this.store = store;
    }

    /**
     * Raises an alarm, or, when the same one is open already, counts it again: a target that stays broken is one
     * alarm, not one per check. Returns the alarm as stored.
     */
    public GenlogAlarm raise(String connection, LogKind kind, String job, String message, Instant at) {
        String text = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE - 3) + "..." : message;
        try (Connection c = store.connection()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE genlog_alarm SET last_seen_at = ?,"
                    + " occurrences = occurrences + 1 WHERE connection = ? AND log_kind = ? AND job = ? AND message = ?"
                    + " AND acked_at IS NULL")) {
                ps.setObject(1, at.atOffset(ZoneOffset.UTC));
                ps.setString(2, connection);
                ps.setString(3, kind.word());
                ps.setString(4, job);
                ps.setString(5, text);
                if (ps.executeUpdate() > 0) {
                    return find(c, "connection = ? AND log_kind = ? AND job = ? AND message = ? AND acked_at IS NULL",
                            connection, kind.word(), job, text).get(0);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO genlog_alarm (connection, log_kind, job, raised_at,"
                    + " last_seen_at, occurrences, message) VALUES (?, ?, ?, ?, ?, 1, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, connection);
                ps.setString(2, kind.word());
                ps.setString(3, job);
                ps.setObject(4, at.atOffset(ZoneOffset.UTC));
                ps.setObject(5, at.atOffset(ZoneOffset.UTC));
                ps.setString(6, text);
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    return find(c, "id = ?", rs.getLong(1)).get(0);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the state store: " + e.getMessage(), e);
        }
    }

    /** Every alarm, newest first; only the open ones when {@code openOnly}. */
    public List<GenlogAlarm> list(boolean openOnly) {
        try (Connection c = store.connection()) {
            return find(c, openOnly ? "acked_at IS NULL" : "1 = 1");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the state store: " + e.getMessage(), e);
        }
    }

    /** The open alarms of one connection, newest first. */
    public List<GenlogAlarm> open(String connection) {
        try (Connection c = store.connection()) {
            return find(c, "connection = ? AND acked_at IS NULL", connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the state store: " + e.getMessage(), e);
        }
    }

    /** Acknowledges an alarm; empty when there is no alarm with this id. */
    public Optional<GenlogAlarm> acknowledge(long id, String by, Instant at) {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("UPDATE genlog_alarm SET acked_at = COALESCE(acked_at, ?),"
                     + " acked_by = COALESCE(acked_by, ?) WHERE id = ?")) {
            ps.setObject(1, at.atOffset(ZoneOffset.UTC));
            ps.setString(2, by);
            ps.setLong(3, id);
            if (ps.executeUpdate() == 0) {
                return Optional.empty();
            }
            return Optional.of(find(c, "id = ?", id).get(0));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the state store: " + e.getMessage(), e);
        }
    }

    private static List<GenlogAlarm> find(Connection c, String where, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM genlog_alarm WHERE " + where
                + " ORDER BY raised_at DESC, id DESC")) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<GenlogAlarm> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new GenlogAlarm(rs.getLong(1), rs.getString(2), LogKind.fromWord(rs.getString(3)),
                            rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant(),
                            rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getLong(7), rs.getString(8),
                            Optional.ofNullable(rs.getObject(9, OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                            Optional.ofNullable(rs.getString(10))));
                }
            }
            return out;
        }
    }
}

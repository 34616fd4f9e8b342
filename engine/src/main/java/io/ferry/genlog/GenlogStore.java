package io.ferry.genlog;

import io.ferry.state.StateStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What Ferry remembers about each server's logs, in the {@link StateStore}: the incremental row count, size
 * samples for the growth figure, and the rotation history.
 */
public final class GenlogStore {
    private final StateStore store;

    public GenlogStore(StateStore store) {
        this.store = store;
    }

    private static String job(String connection, LogKind kind) {
        return "genlog:" + connection + ":" + kind.word();
    }

    public Optional<CountCheckpoint> checkpoint(String connection, LogKind kind) {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("SELECT value FROM job_state WHERE job = ? AND key = 'count'")) {
            ps.setString(1, job(connection, kind));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(CountCheckpoint.decode(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the state store: " + e.getMessage(), e);
        }
    }

    public void saveCheckpoint(String connection, LogKind kind, CountCheckpoint checkpoint) {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("MERGE INTO job_state (job, key, value, updated_at) KEY (job, key)"
                     + " VALUES (?, 'count', ?, ?)")) {
            ps.setString(1, job(connection, kind));
            ps.setString(2, checkpoint.encode());
            ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the state store: " + e.getMessage(), e);
        }
    }

    /** Records a size sample ({@code rows} and {@code bytes}) for the growth figure. */
    public void sample(String connection, LogKind kind, Instant at, long rows, long bytes) {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("MERGE INTO metric_sample (series, at, value) KEY (series, at) VALUES (?, ?, ?)")) {
            OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
            for (var s : List.of(new Object[]{".rows", rows}, new Object[]{".bytes", bytes})) {
                ps.setString(1, job(connection, kind) + s[0]);
                ps.setObject(2, when);
                ps.setDouble(3, ((Long) s[1]).doubleValue());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the state store: " + e.getMessage(), e);
        }
    }

    /** Size samples of one series ("rows" or "bytes") since {@code since}, oldest first. */
    public List<GrowthEstimator.Sample> samples(String connection, LogKind kind, String what, Instant since) {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("SELECT at, value FROM metric_sample WHERE series = ? AND at >= ? ORDER BY at")) {
            ps.setString(1, job(connection, kind) + "." + what);
            ps.setObject(2, since.atOffset(ZoneOffset.UTC));
            List<GrowthEstimator.Sample> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new GrowthEstimator.Sample(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getDouble(2)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the state store: " + e.getMessage(), e);
        }
    }

    /** Starts a history row (status RUNNING) and returns its id. */
    public long startRotation(String connection, LogKind kind, RotationFlavour flavour, String triggeredBy,
                              String rotatedTable, Instant at) {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO genlog_rotation (connection, log_kind, flavour,"
                     + " triggered_by, started_at, rotated_table, status) VALUES (?, ?, ?, ?, ?, ?, 'RUNNING')",
                     Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, connection);
            ps.setString(2, kind.word());
            ps.setString(3, flavour.name());
            ps.setString(4, triggeredBy);
            ps.setObject(5, at.atOffset(ZoneOffset.UTC));
            ps.setString(6, rotatedTable);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the state store: " + e.getMessage(), e);
        }
    }

    /** Completes a history row. */
    public void finishRotation(long id, Instant at, long rowsRotated, long rowsArchived, Optional<String> oldest,
                               Optional<String> newest, Optional<String> archivePath, String status, String detail) {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("UPDATE genlog_rotation SET finished_at = ?, rows_rotated = ?,"
                     + " rows_archived = ?, oldest_event = ?, newest_event = ?, archive_path = ?, status = ?, detail = ?"
                     + " WHERE id = ?")) {
            ps.setObject(1, at.atOffset(ZoneOffset.UTC));
            ps.setLong(2, rowsRotated);
            ps.setLong(3, rowsArchived);
            setOptional(ps, 4, oldest);
            setOptional(ps, 5, newest);
            setOptional(ps, 6, archivePath);
            ps.setString(7, status);
            ps.setString(8, detail);
            ps.setLong(9, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the state store: " + e.getMessage(), e);
        }
    }

    /** The history of one connection (all logs), newest first. */
    public List<Rotation> history(String connection) {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("SELECT id, connection, log_kind, flavour, triggered_by, started_at,"
                     + " finished_at, rotated_table, rows_rotated, rows_archived, oldest_event, newest_event, archive_path,"
                     + " status, detail FROM genlog_rotation WHERE connection = ? ORDER BY started_at DESC, id DESC")) {
            ps.setString(1, connection);
            List<Rotation> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Rotation(rs.getLong(1), rs.getString(2), LogKind.fromWord(rs.getString(3)),
                            RotationFlavour.valueOf(rs.getString(4)), rs.getString(5),
                            rs.getObject(6, OffsetDateTime.class).toInstant(),
                            Optional.ofNullable(rs.getObject(7, OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                            rs.getString(8), rs.getLong(9), rs.getLong(10), Optional.ofNullable(rs.getString(11)),
                            Optional.ofNullable(rs.getString(12)), Optional.ofNullable(rs.getString(13)),
                            rs.getString(14), Optional.ofNullable(rs.getString(15)).orElse("")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the state store: " + e.getMessage(), e);
        }
    }

    /**
     * Whether a table with exactly these rows (count and newest time) was already archived for this connection:
     * RDS keeps {@code general_log_backup} until the next rotation, so Ferry may see the same backup twice.
     */
    public boolean alreadyArchived(String connection, LogKind kind, String rotatedTable, long rows, Optional<String> newest) {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM genlog_rotation WHERE connection = ? AND"
                     + " log_kind = ? AND rotated_table = ? AND rows_archived = ? AND status = 'OK' AND"
                     + " COALESCE(newest_event, '') = ?")) {
            ps.setString(1, connection);
            ps.setString(2, kind.word());
            ps.setString(3, rotatedTable);
            ps.setLong(4, rows);
            ps.setString(5, newest.orElse(""));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the state store: " + e.getMessage(), e);
        }
    }

    private static void setOptional(PreparedStatement ps, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            ps.setString(index, value.get());
        } else {
            ps.setNull(index, Types.VARCHAR);
        }
    }

}

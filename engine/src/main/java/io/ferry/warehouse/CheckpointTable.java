package io.ferry.warehouse;

import io.ferry.replication.BinlogPosition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code ferry_replication.checkpoint} in the warehouse: one row per job with the source position the warehouse
 * reflects. Written in the same transaction as the data it describes, as a compare-and-set on the previous value,
 * so that a second engine on the same job fails instead of interleaving.
 */
public final class CheckpointTable {
    public static final String SCHEMA = "ferry_replication";
    public static final String TABLE = "checkpoint";

    private final WarehouseDialect dialect;
    private final Clock clock;

    public CheckpointTable(WarehouseDialect dialect, Clock clock) {
        this.dialect = dialect;
        this.clock = clock;
    }

    private CheckpointSql sql() {
        return dialect.checkpointSql();
    }

    private String name() {
        return dialect.qualified(SCHEMA, TABLE);
    }

    public void create(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS " + dialect.quote(SCHEMA));
            st.execute(sql().create(dialect, name()));
        }
    }

    public Optional<Checkpoint> read(Connection c, String job) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql().read(dialect, name()))) {
            st.setString(1, job);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Checkpoint(job, BinlogPosition.parse(rs.getString(1)),
                        Checkpoint.Phase.valueOf(rs.getString(2)), rs.getString(3)));
            }
        }
    }

    /** The job's checkpoint without creating anything (for {@code ferry plan}); empty if there is no table yet. */
    public Optional<Checkpoint> peek(Connection c, String job) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql().exists())) {
            st.setString(1, SCHEMA);
            st.setString(2, TABLE);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next() || rs.getString(1) == null) {
                    return Optional.empty();
                }
            }
        }
        return read(c, job);
    }

    /** The statement that moves a checkpoint (shown by {@code ferry plan}). */
    public String advanceStatement() {
        return sql().advance(dialect, name());
    }

    /** Writes the first checkpoint of a job; a conflict if the job already has one. */
    public void insert(Connection c, Checkpoint first) throws SQLException {
        if (!sql().enforcesKey()) {
            try (PreparedStatement st = c.prepareStatement(sql().count(dialect, name()))) {
                st.setString(1, first.job());
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next() && rs.getLong(1) > 0) {
                        throw new CheckpointConflictException(first.job());
                    }
                }
            }
        }
        try (PreparedStatement st = c.prepareStatement(sql().insert(dialect, name()))) {
            st.setString(1, first.job());
            st.setString(2, first.position().serialize());
            st.setString(3, first.phase().name());
            st.setString(4, first.snapshotProgress());
            st.setTimestamp(5, Timestamp.from(clock.instant()));
            if (st.executeUpdate() != 1) {
                throw new CheckpointConflictException(first.job());
            }
        }
    }

    /** Moves the checkpoint from {@code previous} to {@code next}; a conflict if it is no longer {@code previous}. */
    public void advance(Connection c, Checkpoint previous, Checkpoint next) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(advanceStatement())) {
            st.setString(1, next.position().serialize());
            st.setString(2, next.phase().name());
            st.setString(3, next.snapshotProgress());
            st.setTimestamp(4, Timestamp.from(clock.instant()));
            st.setString(5, previous.job());
            st.setString(6, previous.position().serialize());
            st.setString(7, previous.phase().name());
            st.setString(8, previous.snapshotProgress());
            if (st.executeUpdate() != 1) {
                throw new CheckpointConflictException(previous.job());
            }
        }
    }

    public void delete(Connection c, String job) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql().delete(dialect, name()))) {
            st.setString(1, job);
            st.executeUpdate();
        }
    }
}

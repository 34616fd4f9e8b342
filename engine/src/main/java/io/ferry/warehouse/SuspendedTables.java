package io.ferry.warehouse;

import io.ferry.replication.TableId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ferry_replication.suspended_table} in the warehouse, next to the checkpoint: the tables a job's error policy
 * set aside, with the reason. Kept in the warehouse (not the engine's state store) so that it travels with the
 * checkpoint: a job resumed by another engine, or after a crash, still skips them. A reload of the table removes its
 * row in the transaction that restarts its load.
 */
public final class SuspendedTables {
    public static final String TABLE = "suspended_table";
    private static final int MAX_REASON = 4000;

    private final WarehouseDialect dialect;
    private final Clock clock;

    public SuspendedTables(WarehouseDialect dialect, Clock clock) {
        this.dialect = dialect;
        this.clock = clock;
    }

    private String name() {
        return dialect.qualified(CheckpointTable.SCHEMA, TABLE);
    }

    /** Creates the table if needed (the schema exists: {@link CheckpointTable#create} made it). */
    public void create(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + name() + " (" + dialect.quote("job") + " VARCHAR(256) NOT NULL, "
                    + dialect.quote("source_table") + " VARCHAR(512) NOT NULL, " + dialect.quote("reason") + " VARCHAR("
                    + MAX_REASON + ") NOT NULL, " + dialect.quote("suspended_at") + " TIMESTAMPTZ NOT NULL, PRIMARY KEY ("
                    + dialect.quote("job") + ", " + dialect.quote("source_table") + "))");
        }
    }

    /** The job's suspended tables and why, in table order. */
    public Map<TableId, String> read(Connection c, String job) throws SQLException {
        Map<TableId, String> out = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT " + dialect.quote("source_table") + ", " + dialect.quote("reason")
                + " FROM " + name() + " WHERE " + dialect.quote("job") + " = ? ORDER BY 1")) {
            st.setString(1, job);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(TableId.parse(rs.getString(1)), rs.getString(2));
                }
            }
        }
        return out;
    }

    public void insert(Connection c, String job, TableId table, String reason) throws SQLException {
        delete(c, job, table);
        try (PreparedStatement st = c.prepareStatement("INSERT INTO " + name() + " VALUES (?, ?, ?, ?)")) {
            st.setString(1, job);
            st.setString(2, table.toString());
            st.setString(3, reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON - 1) + "…" : reason);
            st.setTimestamp(4, Timestamp.from(clock.instant()));
            st.executeUpdate();
        }
    }

    public void delete(Connection c, String job, TableId table) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("DELETE FROM " + name() + " WHERE " + dialect.quote("job") + " = ? AND "
                + dialect.quote("source_table") + " = ?")) {
            st.setString(1, job);
            st.setString(2, table.toString());
            st.executeUpdate();
        }
    }
}

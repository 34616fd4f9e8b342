package io.ferry.warehouse;

import io.ferry.replication.BinlogPosition;
import io.ferry.replication.TableId;
import io.ferry.replication.schema.SchemaHistory;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ferry_replication.schema_history} in the warehouse: one row per version of a replicated table's schema (job,
 * version number, table, the binlog position it holds from, the table definition as JSON, the DDL). Rows are written
 * in the transaction that moves the checkpoint past them, so the stored history always ends at the checkpoint. A
 * sibling of the checkpoint table rather than a column of it: a whole history in one Redshift VARCHAR would hit its
 * 65535 bytes, one version per row does not (and a new table needs no ALTER of existing checkpoint tables).
 */
public final class SchemaHistoryTable {
    public static final String TABLE = "schema_history";
    private static final int MAX_REDSHIFT_BYTES = 65_535;

    private final WarehouseDialect dialect;
    private final Clock clock;

    public SchemaHistoryTable(WarehouseDialect dialect, Clock clock) {
        this.dialect = dialect;
        this.clock = clock;
    }

    private boolean redshift() {
        return dialect.checkpointSql() == CheckpointSql.REDSHIFT;
    }

    private String name() {
        return dialect.qualified(CheckpointTable.SCHEMA, TABLE);
    }

    private String q(String identifier) {
        return dialect.quote(identifier);
    }

    /** Every statement by name ("schema-history-create", ...), for docs and rule checks. */
    public Map<String, String> statements() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("schema-history-create", create());
        out.put("schema-history-read", read());
        out.put("schema-history-insert", insert());
        out.put("schema-history-delete", delete());
        return out;
    }

    String create() {
        String text = redshift() ? "VARCHAR(65535)" : "TEXT";
        String shortText = redshift() ? "VARCHAR(1024)" : "TEXT";
        return "CREATE TABLE IF NOT EXISTS " + name() + " (" + q("job") + " " + (redshift() ? "VARCHAR(256)" : "TEXT") + " NOT NULL, "
                + q("version") + " BIGINT NOT NULL, " + q("table_schema") + " " + shortText + " NOT NULL, " + q("table_name") + " "
                + shortText + " NOT NULL, " + q("position") + " " + text + " NOT NULL, " + q("table_def") + " " + text + ", "
                + q("ddl") + " " + text + ", " + q("recorded_at") + " TIMESTAMPTZ NOT NULL, PRIMARY KEY (" + q("job") + ", "
                + q("version") + "))";
    }

    String read() {
        return "SELECT " + q("version") + ", " + q("table_schema") + ", " + q("table_name") + ", " + q("position") + ", "
                + q("table_def") + ", " + q("ddl") + " FROM " + name() + " WHERE " + q("job") + " = ? ORDER BY " + q("version");
    }

    String insert() {
        return "INSERT INTO " + name() + " (" + q("job") + ", " + q("version") + ", " + q("table_schema") + ", " + q("table_name")
                + ", " + q("position") + ", " + q("table_def") + ", " + q("ddl") + ", " + q("recorded_at")
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    }

    String delete() {
        return "DELETE FROM " + name() + " WHERE " + q("job") + " = ?";
    }

    /** Creates the table if missing (autocommit, like the checkpoint table). */
    public void create(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS " + q(CheckpointTable.SCHEMA));
            st.execute(create());
        }
    }

    /** The job's stored history (empty if none: a first run, or a job from before schema history). */
    public SchemaHistory read(Connection c, String job) throws SQLException {
        List<SchemaHistory.Version> versions = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(read())) {
            st.setString(1, job);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    versions.add(new SchemaHistory.Version(rs.getLong(1), new TableId(rs.getString(2), rs.getString(3)),
                            BinlogPosition.parse(rs.getString(4)), SchemaHistory.fromJson(rs.getString(5)), rs.getString(6)));
                }
            }
        }
        return new SchemaHistory(versions);
    }

    /** Writes versions, inside the caller's transaction. */
    public void insert(Connection c, String job, Collection<SchemaHistory.Version> versions) throws SQLException {
        if (versions.isEmpty()) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement(insert())) {
            for (SchemaHistory.Version v : versions) {
                String def = SchemaHistory.toJson(v.schema());
                String ddl = v.ddl();
                if (redshift()) {
                    if (def != null && def.getBytes(StandardCharsets.UTF_8).length > MAX_REDSHIFT_BYTES) {
                        throw new IllegalStateException("The schema of " + v.table() + " takes more than " + MAX_REDSHIFT_BYTES
                                + " bytes as JSON, more than Redshift's VARCHAR holds: Ferry cannot keep its history there");
                    }
                    ddl = ddl == null ? null : cut(ddl);
                }
                st.setString(1, job);
                st.setLong(2, v.seq());
                st.setString(3, v.table().schema());
                st.setString(4, v.table().table());
                st.setString(5, v.from().serialize());
                st.setString(6, def);
                st.setString(7, ddl);
                st.setTimestamp(8, Timestamp.from(clock.instant()));
                // one statement per version, not a JDBC batch: they are few, and pgjdbc's batch handler fails an
                // assertion instead of an SQLException (not retried) when the connection drops mid-batch
                st.executeUpdate();
            }
        }
    }

    /** The DDL text is kept for people reading the history; Redshift's VARCHAR bounds it. */
    private static String cut(String ddl) {
        byte[] bytes = ddl.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_REDSHIFT_BYTES) {
            return ddl;
        }
        return new String(bytes, 0, MAX_REDSHIFT_BYTES - 8, StandardCharsets.UTF_8).replace("\uFFFD", "") + " ...";
    }

    public void delete(Connection c, String job) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(delete())) {
            st.setString(1, job);
            st.executeUpdate();
        }
    }
}

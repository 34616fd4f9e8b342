package io.ferry.replication;

import io.ferry.genlog.FerrySchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Watermarks as rows of {@code ferry_admin.replication_watermarks(job, kind, chunk, ts)} on the source (DBLog): one
 * row per job and kind (low, high), overwritten for each chunk, so the table stays tiny. The stream recognises a mark
 * by its job, kind and chunk id; the chunk id is unique per run, so marks left by an earlier run are ignored.
 */
final class TableWatermarks implements Watermarks {
    static final TableId TABLE = new TableId(FerrySchema.NAME, "replication_watermarks");
    static final String CREATE_TABLE = "CREATE TABLE IF NOT EXISTS " + FerrySchema.quoted() + ".`replication_watermarks` ("
            + "job VARCHAR(100) NOT NULL, kind VARCHAR(4) NOT NULL, chunk VARCHAR(64) NOT NULL, ts DATETIME(6) NOT NULL, "
            + "PRIMARY KEY (job, kind)) ENGINE=InnoDB";

    private record Mark(String job, String kind, String chunk) {
    }

    private final Connection source;
    private final String job;
    private final TableSchema schema;
    private final int jobIndex;
    private final int kindIndex;
    private final int chunkIndex;

    private TableWatermarks(Connection source, String job, TableSchema schema) {
        this.source = source;
        this.job = job;
        this.schema = schema;
        this.jobIndex = schema.indexOf("job");
        this.kindIndex = schema.indexOf("kind");
        this.chunkIndex = schema.indexOf("chunk");
    }

    /** Creates the watermark table if missing (the pre-flight checked the grants) and reads its schema. */
    static TableWatermarks open(Connection source, String job) throws SQLException {
        try (Statement st = source.createStatement()) {
            if (!exists(source)) { // CREATE ... IF NOT EXISTS needs the CREATE grant even when the table is there
                st.execute("CREATE DATABASE IF NOT EXISTS " + FerrySchema.quoted());
                st.execute(CREATE_TABLE);
            }
        } catch (SQLException e) {
            throw new SQLException("Could not create the watermark table " + TABLE + " on the source (" + e.getMessage()
                    + "): grant CREATE and INSERT on " + FerrySchema.NAME + ".* to the replication user, or set "
                    + "watermarks: gtid on the job", e.getSQLState(), e);
        }
        return new TableWatermarks(source, job, SchemaReader.read(source, TABLE));
    }

    static boolean exists(Connection source) throws SQLException {
        try (PreparedStatement st = source.prepareStatement(
                "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            st.setString(1, TABLE.schema());
            st.setString(2, TABLE.table());
            try (var rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public Object mark(String chunkId, boolean low) throws SQLException {
        String kind = low ? "low" : "high";
        try (PreparedStatement st = source.prepareStatement("INSERT INTO " + FerrySchema.quoted() + ".`replication_watermarks`"
                + " (job, kind, chunk, ts) VALUES (?, ?, ?, NOW(6)) ON DUPLICATE KEY UPDATE chunk = VALUES(chunk), ts = VALUES(ts)")) {
            st.setString(1, job);
            st.setString(2, kind);
            st.setString(3, chunkId);
            st.executeUpdate();
        }
        return new Mark(job, kind, chunkId);
    }

    @Override
    public boolean passed(Object mark, Transaction txn) {
        Mark m = (Mark) mark;
        for (RowChange c : txn.changes()) {
            if (c.table().equals(TABLE) && c.after() != null && m.job().equals(c.after()[jobIndex])
                    && m.kind().equals(c.after()[kindIndex]) && m.chunk().equals(c.after()[chunkIndex])) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean passed(Object mark, BinlogPosition consumed) {
        return false; // the row is always still ahead in the stream when it was just written
    }

    @Override
    public Transaction strip(Transaction txn) {
        List<RowChange> changes = txn.changes();
        int n = changes.size();
        boolean any = false;
        for (int i = 0; i < n && !any; i++) {
            any = changes.get(i).table().equals(TABLE);
        }
        if (!any) {
            return txn;
        }
        List<RowChange> data = new ArrayList<>(n);
        for (RowChange c : changes) {
            if (!c.table().equals(TABLE)) {
                data.add(c);
            }
        }
        return new Transaction(data, txn.end(), txn.commitTime());
    }

    @Override
    public TableSchema schemaOf(TableId table) {
        return TABLE.equals(table) ? schema : null;
    }

    @Override
    public String describe() {
        return "rows of " + TABLE;
    }
}

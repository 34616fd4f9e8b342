package io.ferry.warehouse;

import io.ferry.replication.RowChange;
import io.ferry.replication.TableId;
import io.ferry.replication.TableSchema;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Stages a replayed batch in PostgreSQL without holding it in memory: every change goes, in order and with its
 * sequence number, by COPY into a temporary "raw" table per target table (a COPY per megabyte of text, all in the
 * batch's transaction); then SQL collapses each raw table to the last change per primary key — the same rows and
 * sequence numbers {@link CollapsedTable} computes — into the usual staging table, and the usual MERGE applies it.
 */
final class ReplayedStaging {
    private static final int FLUSH_CHARS = 1 << 20;
    private static final String DELETE_EVENT = "_ferry_delete_event";

    private final Connection connection;
    private final PostgresDialect dialect;
    private final Map<TableId, TableSchema> schemas;
    private final Map<TableId, Raw> raws = new LinkedHashMap<>();
    private long seq;

    ReplayedStaging(Connection connection, PostgresDialect dialect, Map<TableId, TableSchema> schemas) {
        this.connection = connection;
        this.dialect = dialect;
        this.schemas = schemas;
    }

    /** Stages and merges every table of the batch; returns each table's staging table (for the cascades). */
    Map<TableId, String> apply(ChangeReplay changes) throws SQLException, IOException {
        changes.replay(this::add);
        Map<TableId, String> stages = new LinkedHashMap<>();
        for (Raw raw : raws.values()) {
            raw.flush();
            String stage = "ferry_stage_" + stages.size();
            try (Statement st = connection.createStatement()) {
                st.execute(collapseSql(raw.schema, raw.name, stage));
                st.execute("DROP TABLE " + dialect.quote(raw.name));
                TargetTable target = dialect.target(raw.schema);
                String targetName = dialect.qualified(target.schema(), target.table());
                if ("upsert".equals(System.getProperty("ferry.apply"))) {
                    for (String sql : MergeStatement.upsertSql(dialect, raw.schema, targetName, dialect.quote(stage)).split(";\n")) {
                        st.execute(sql);
                    }
                } else {
                    st.execute(MergeStatement.sql(dialect, raw.schema, targetName, dialect.quote(stage)));
                }
            }
            stages.put(raw.schema.id(), stage);
        }
        return stages;
    }

    private void add(RowChange change) throws SQLException {
        Raw raw = raws.get(change.table());
        if (raw == null) {
            TableSchema schema = schemas.get(change.table());
            if (schema == null) {
                throw new IllegalStateException("A replayed change of " + change.table() + ", which the job does not replicate");
            }
            raw = new Raw(schema, "ferry_raw_" + raws.size());
            raw.create();
            raws.put(change.table(), raw);
        }
        seq++;
        switch (change.operation()) {
            case INSERT -> raw.row(change.after(), false, seq, false);
            case DELETE -> raw.row(change.before(), true, seq, true);
            case UPDATE -> {
                if (!RowKey.of(change.before(), raw.keys).equals(RowKey.of(change.after(), raw.keys))) {
                    raw.row(change.before(), true, seq, false); // a key change deletes the old key
                }
                raw.row(change.after(), false, seq, false);
            }
        }
        if (raw.text.length() >= FLUSH_CHARS) {
            raw.flush();
        }
    }

    /**
     * The last change per key (highest sequence number), with the sequence number of the key's last DELETE event (0:
     * none), as {@link CollapsedTable} keeps them. DISTINCT ON keeps the first row per key in the ORDER BY, after the
     * window function has seen them all.
     */
    String collapseSql(TableSchema schema, String raw, String stage) {
        StringJoiner keys = new StringJoiner(", ");
        schema.primaryKey().forEach(k -> keys.add(dialect.quote(k)));
        StringJoiner columns = new StringJoiner(", ");
        schema.columns().forEach(c -> columns.add(dialect.quote(c.name())));
        String seqColumn = dialect.quote(PostgresWarehouse.SEQ);
        return "CREATE TEMPORARY TABLE " + dialect.quote(stage) + " ON COMMIT DROP AS SELECT DISTINCT ON (" + keys + ") "
                + columns + ", " + dialect.quote(PostgresWarehouse.DELETED) + ", " + seqColumn
                + ", COALESCE(MAX(CASE WHEN " + dialect.quote(DELETE_EVENT) + " THEN " + seqColumn + " END) OVER (PARTITION BY "
                + keys + "), 0) AS " + dialect.quote(PostgresWarehouse.DELETE_SEQ)
                + " FROM " + dialect.quote(raw) + " ORDER BY " + keys + ", " + seqColumn + " DESC";
    }

    private final class Raw {
        private final TableSchema schema;
        private final String name;
        private final int[] keys;
        private final StringBuilder text = new StringBuilder(FLUSH_CHARS + 64 * 1024);
        private final String copySql;
        private final String context;

        Raw(TableSchema schema, String name) {
            if (!schema.hasPrimaryKey()) {
                throw new IllegalArgumentException("Table " + schema.id() + " has no primary key: its changes cannot be collapsed");
            }
            this.schema = schema;
            this.name = name;
            this.keys = schema.primaryKeyIndexes();
            this.context = schema.id().toString();
            List<String> columns = new ArrayList<>();
            schema.columns().forEach(c -> columns.add(dialect.quote(c.name())));
            columns.add(dialect.quote(PostgresWarehouse.DELETED));
            columns.add(dialect.quote(PostgresWarehouse.SEQ));
            columns.add(dialect.quote(DELETE_EVENT));
            this.copySql = "COPY " + dialect.quote(name) + " (" + String.join(", ", columns) + ") FROM STDIN";
        }

        void create() throws SQLException {
            TargetTable target = dialect.target(schema);
            try (Statement st = connection.createStatement()) {
                st.execute("CREATE TEMPORARY TABLE " + dialect.quote(name) + " (LIKE "
                        + dialect.qualified(target.schema(), target.table()) + ") ON COMMIT DROP");
                st.execute("ALTER TABLE " + dialect.quote(name) + " ADD COLUMN " + dialect.quote(PostgresWarehouse.DELETED)
                        + " BOOLEAN NOT NULL, ADD COLUMN " + dialect.quote(PostgresWarehouse.SEQ) + " BIGINT NOT NULL, ADD COLUMN "
                        + dialect.quote(DELETE_EVENT) + " BOOLEAN NOT NULL");
            }
        }

        void row(Object[] values, boolean deleted, long seq, boolean deleteEvent) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                CopyText.append(text, values[i], context);
            }
            text.append('\t').append(deleted ? 't' : 'f').append('\t').append(seq).append('\t').append(deleteEvent ? 't' : 'f')
                    .append('\n');
        }

        void flush() throws SQLException {
            if (text.isEmpty()) {
                return;
            }
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
            try {
                byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            text.setLength(0);
        }
    }
}

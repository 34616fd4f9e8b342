package io.ferry.replication;

import io.ferry.replication.schema.SchemaChange;
import io.ferry.replication.schema.SchemaHistory;
import io.ferry.replication.schema.SchemaTracker;
import io.ferry.warehouse.SchemaHistoryTable;
import io.ferry.warehouse.TargetAlter;
import io.ferry.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The schemas a streaming job works with, on the apply side: the schema history as of the warehouse's checkpoint
 * (read from {@code ferry_replication.schema_history}; on a job's first stream, today's {@code information_schema}
 * recorded at the checkpoint's position), the live map of table schemas the batches are collapsed with, and, for a
 * batch that ends at a DDL, the warehouse work that repeats it and stores the new versions in the batch's transaction.
 * The binlog reader follows the same history on its own thread through a {@link SchemaTracker} (see {@link #tracker}).
 */
final class StreamSchemas {
    private static final Logger LOG = LoggerFactory.getLogger(StreamSchemas.class);

    private final String job;
    private final SchemaHistory history;
    private final SchemaHistoryTable table;
    private final Map<TableId, TableSchema> current;
    private final boolean mariaDb;
    private final MySqlSource source;
    private List<SchemaHistory.Version> unsaved;

    private StreamSchemas(String job, SchemaHistory history, SchemaHistoryTable table, List<SchemaHistory.Version> unsaved,
                          boolean mariaDb, MySqlSource source) {
        this.job = job;
        this.history = history;
        this.table = table;
        this.unsaved = unsaved;
        this.mariaDb = mariaDb;
        this.source = source;
        this.current = new LinkedHashMap<>(history.current());
    }

    /** The history at {@code checkpoint}: the stored one, or (none stored yet) {@code today} recorded there. */
    static StreamSchemas load(ReplicationJobSpec spec, Warehouse warehouse, Map<TableId, TableSchema> today,
                              BinlogPosition checkpoint, Clock clock) throws SQLException {
        SchemaHistoryTable table = new SchemaHistoryTable(warehouse.dialect(), clock);
        SchemaHistory stored = warehouse.inTransaction(c -> {
            table.create(c);
            return table.read(c, spec.name());
        });
        List<SchemaHistory.Version> unsaved = new ArrayList<>();
        if (stored.isEmpty()) {
            today.values().forEach(s -> unsaved.add(stored.record(s.id(), checkpoint, s, null)));
        } else {
            List<TableId> notFollowed = today.keySet().stream().filter(t -> stored.schemaOf(t) == null).toList();
            if (!notFollowed.isEmpty()) {
                LOG.warn("Job {}: {} match the job's tables but are not in its schema history (they were not created in the "
                        + "binlog the job read): reload the job to replicate them", spec.name(), notFollowed);
            }
            LOG.info("Job {}: schema history of {} version(s), {} table(s) at {}", spec.name(), stored.versions().size(),
                    stored.current().size(), checkpoint);
        }
        boolean mariaDb;
        try (Connection c = spec.source().connect()) {
            mariaDb = c.getMetaData().getDatabaseProductVersion().toLowerCase(Locale.ROOT).contains("mariadb");
        }
        warehouse.knowSchemas(stored.current().values());
        return new StreamSchemas(spec.name(), stored, table, unsaved, mariaDb, spec.source());
    }

    /** The table schemas in force at the last applied batch (a live map: a DDL batch changes it). */
    Map<TableId, TableSchema> current() {
        return current;
    }

    /** A tracker for the binlog reader's thread, on its own copy of the history. */
    SchemaTracker tracker(TableFilter filter) {
        return new SchemaTracker(new SchemaHistory(history.versions()), filter, mariaDb, this::defaultCharset);
    }

    /** Whether the next batch has versions to store even without rows (the first stream after start). */
    boolean hasUnsaved() {
        return !unsaved.isEmpty();
    }

    /**
     * Prepares the batch that ends with {@code change} (null: no DDL): runs what must run before its transaction (a
     * Redshift VARCHAR widening) and returns the work for inside it, or null if there is none.
     */
    Warehouse.SqlWork<?> beforeBatch(Warehouse warehouse, SchemaChange change) throws SQLException {
        if (change == null && unsaved.isEmpty()) {
            return null;
        }
        List<String> statements = new ArrayList<>();
        if (change != null) {
            TargetAlter.Plan plan = TargetAlter.plan(warehouse.dialect(), change);
            if (!plan.beforeTransaction().isEmpty()) {
                warehouse.outsideTransaction(c -> {
                    for (TargetAlter.Widening w : plan.beforeTransaction()) {
                        widen(c, w);
                    }
                    return null;
                });
            }
            statements.addAll(plan.inTransaction());
            List<String> shown = new ArrayList<>(plan.beforeTransaction().stream().map(TargetAlter.Widening::sql).toList());
            shown.addAll(statements);
            LOG.info("Job {}: {} at {} changes {}; in the warehouse: {}", job, oneLine(change.ddl()), change.at(),
                    change.tables().stream().map(t -> t.kind() + " " + (t.before() != null ? t.before().id() : t.after().id())).toList(),
                    shown);
        }
        List<SchemaHistory.Version> versions = new ArrayList<>(unsaved);
        if (change != null) {
            versions.addAll(change.versions());
        }
        return c -> {
            try (var st = c.createStatement()) {
                for (String sql : statements) {
                    st.execute(sql);
                }
            }
            table.insert(c, job, versions);
            return null;
        };
    }

    /** After the batch committed: the new versions are the history, their schemas the ones to collapse with. */
    void applied(Warehouse warehouse, SchemaChange change) {
        unsaved = List.of();
        if (change == null) {
            return;
        }
        for (SchemaHistory.Version v : change.versions()) {
            history.append(v);
        }
        current.clear();
        current.putAll(history.current());
        warehouse.knowSchemas(current.values());
    }

    private static void widen(Connection c, TargetAlter.Widening w) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(TargetAlter.COLUMN_WIDTH)) {
            st.setString(1, w.schema().toLowerCase(Locale.ROOT));
            st.setString(2, w.table().toLowerCase(Locale.ROOT));
            st.setString(3, w.column().toLowerCase(Locale.ROOT));
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next() && rs.getLong(1) >= w.bytes()) {
                    return; // done by an earlier try of the same batch
                }
            }
        }
        try (var st = c.createStatement()) {
            st.execute(w.sql());
        }
    }

    /** The table's default charset (its collation's), else its database's; only for columns whose DDL names none. */
    private String defaultCharset(TableId t) {
        try (Connection c = source.connect();
             PreparedStatement st = c.prepareStatement("SELECT TABLE_COLLATION FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? "
                     + "AND TABLE_NAME = ? UNION ALL SELECT DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            st.setString(1, t.schema());
            st.setString(2, t.table());
            st.setString(3, t.schema());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String collation = rs.getString(1);
                    if (collation != null) {
                        int underscore = collation.indexOf('_');
                        return underscore > 0 ? collation.substring(0, underscore) : collation;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the default character set of " + t + " on the source: " + e.getMessage(), e);
        }
        return "utf8mb4";
    }

    private static String oneLine(String sql) {
        String s = sql.replaceAll("\\s+", " ").trim();
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}

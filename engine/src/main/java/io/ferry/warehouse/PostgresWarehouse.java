package io.ferry.warehouse;

import io.ferry.replication.CascadePlan;
import io.ferry.replication.TableId;
import io.ferry.replication.TableSchema;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Applies batches to PostgreSQL exactly once: in ONE transaction, for every table of the batch, the collapsed rows
 * go by {@code COPY FROM STDIN} into a temporary staging table, then one {@code MERGE} deletes, updates and inserts
 * by primary key; finally the checkpoint moves (compare-and-set). Either all of it commits or none. MERGE is
 * idempotent (the rows carry full images), which is what lets the snapshot and the stream overlap.
 */
public final class PostgresWarehouse implements Warehouse {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PostgresWarehouse.class);
    static final String DELETED = "_ferry_deleted";
    static final String SEQ = "_ferry_seq";
    static final String DELETE_SEQ = "_ferry_delete_seq";
    private static final int COPY_FLUSH_CHARS = 1 << 20;

    private final Connection connection;
    private final PostgresDialect dialect;
    private final CheckpointTable checkpoints;
    private final SuspendedTables suspended;

    public PostgresWarehouse(WarehouseEndpoint endpoint, PostgresDialect dialect, Clock clock) throws SQLException {
        this.connection = endpoint.connect();
        this.dialect = dialect;
        this.checkpoints = new CheckpointTable(dialect, clock);
        connection.setAutoCommit(true);
        checkpoints.create(connection);
        suspended = new SuspendedTables(dialect, clock);
        suspended.create(connection);
        connection.setAutoCommit(false);
    }

    @Override
    public PostgresDialect dialect() {
        return dialect;
    }

    @Override
    public Optional<Checkpoint> checkpoint(String job) throws SQLException {
        try {
            Optional<Checkpoint> cp = checkpoints.read(connection, job);
            connection.commit();
            return cp;
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    @Override
    public void begin(Map<TargetTable, TargetPreparation> tables, Checkpoint first) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (TargetTable t : tables.keySet()) {
                TargetPreparation preparation = tables.get(t);
                String name = dialect.qualified(t.schema(), t.table());
                if (preparation == TargetPreparation.DROP_AND_CREATE) {
                    st.execute("DROP TABLE IF EXISTS " + name);
                }
                if (preparation == TargetPreparation.DROP_AND_CREATE || !exists(t)) {
                    for (String ddl : dialect.createTable(t)) {
                        st.execute(ddl);
                    }
                } else if (preparation == TargetPreparation.TRUNCATE) {
                    st.execute("DELETE FROM " + name);
                }
            }
            checkpoints.insert(connection, first);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    private boolean exists(TargetTable t) throws SQLException {
        try (var st = connection.prepareStatement("SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?")) {
            st.setString(1, t.schema());
            st.setString(2, t.table());
            try (var rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Applies the tables' final rows, repeats the foreign-key actions InnoDB did without logging them, and moves the
     * checkpoint from {@code previous} to {@code next}, atomically.
     */
    @Override
    public void apply(Collection<CollapsedTable> tables, CascadePlan cascades, Checkpoint previous, Checkpoint next) throws SQLException {
        apply(tables, cascades, null, previous, next);
    }

    @Override
    public void apply(Collection<CollapsedTable> tables, CascadePlan cascades, SqlWork<?> alsoInTransaction, Checkpoint previous,
                      Checkpoint next) throws SQLException {
        try {
            Map<TableId, String> stages = new HashMap<>();
            for (CollapsedTable table : tables) {
                if (table.size() > 0) {
                    String stage = "ferry_stage_" + stages.size();
                    try {
                        applyTable(table, stage);
                    } catch (SQLException | RuntimeException e) {
                        throw new TableApplyException(table.schema().id(), e);
                    }
                    stages.put(table.schema().id(), stage);
                }
            }
            if (Cascades.needed(cascades, tables)) {
                new Cascades(connection, dialect, new PostgresCascades(), cascades, stages).run(schemaOf(tables), tables);
            }
            if (alsoInTransaction != null) {
                alsoInTransaction.run(connection);
            }
            checkpoints.advance(connection, previous, next);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** A spilled batch: staged by COPY in order and collapsed by SQL ({@link ReplayedStaging}), never held in memory. */
    @Override
    public void applyReplayed(ChangeReplay changes, Map<TableId, TableSchema> schemas, CascadePlan cascades,
                              SqlWork<?> alsoInTransaction, Checkpoint previous, Checkpoint next)
            throws SQLException, java.io.IOException {
        try {
            Map<TableId, TableSchema> all = new HashMap<>(knownSchemas);
            all.putAll(schemas);
            ReplayedKeyEvents tapped = new ReplayedKeyEvents(changes, cascades, all);
            Map<TableId, String> stages = new ReplayedStaging(connection, dialect, schemas).apply(tapped);
            if (Cascades.needed(cascades, tapped.tables())) {
                new Cascades(connection, dialect, new PostgresCascades(), cascades, stages).run(all, tapped.tables());
            }
            if (alsoInTransaction != null) {
                alsoInTransaction.run(connection);
            }
            checkpoints.advance(connection, previous, next);
            connection.commit();
        } catch (SQLException | java.io.IOException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private Map<TableId, TableSchema> schemaOf(Collection<CollapsedTable> tables) {
        Map<TableId, TableSchema> map = new HashMap<>(knownSchemas);
        tables.forEach(t -> map.put(t.schema().id(), t.schema()));
        return map;
    }

    private final Map<TableId, TableSchema> knownSchemas = new HashMap<>();

    @Override
    public void knowSchemas(Collection<TableSchema> schemas) {
        schemas.forEach(s -> knownSchemas.put(s.id(), s));
    }

    private void applyTable(CollapsedTable table, String stage) throws SQLException {
        TableSchema schema = table.schema();
        TargetTable target = dialect.target(schema);
        String targetName = dialect.qualified(target.schema(), target.table());
        List<String> columns = new ArrayList<>();
        schema.columns().forEach(c -> columns.add(dialect.quote(c.name())));
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TEMPORARY TABLE " + dialect.quote(stage) + " (LIKE " + targetName + ") ON COMMIT DROP");
            st.execute("ALTER TABLE " + dialect.quote(stage) + " ADD COLUMN " + dialect.quote(DELETED) + " BOOLEAN NOT NULL, ADD COLUMN "
                    + dialect.quote(SEQ) + " BIGINT NOT NULL, ADD COLUMN " + dialect.quote(DELETE_SEQ) + " BIGINT NOT NULL");
        }
        long t0 = System.nanoTime();
        copy(table, stage, columns);
        long t1 = System.nanoTime();
        // No ANALYZE of the staging table: it cost a quarter of the apply time in the benchmark, and the planner
        // sizes a never-analysed temporary table from its actual pages, which is enough to join on the primary key.
        try (Statement st = connection.createStatement()) {
            if ("upsert".equals(System.getProperty("ferry.apply"))) {
                for (String sql : MergeStatement.upsertSql(dialect, schema, targetName, dialect.quote(stage)).split(";\n")) {
                    st.execute(sql);
                }
            } else if ("merge-planner".equals(System.getProperty("ferry.apply"))) { // the plan before, for the benchmark's A/B
                st.execute(MergeStatement.sql(dialect, schema, targetName, dialect.quote(stage)));
            } else {
                st.execute(MergeStatement.indexJoined(MergeStatement.sql(dialect, schema, targetName, dialect.quote(stage))));
            }
            LOG.debug("{}: {} rows, copy {} ms, merge {} ms", schema.id(), table.size(), (t1 - t0) / 1_000_000,
                    (System.nanoTime() - t1) / 1_000_000);
        }
    }

    private void copy(CollapsedTable table, String stage, List<String> columns) throws SQLException {
        copyRows(table, dialect.quote(stage), columns, true);
    }

    /**
     * COPYs the rows into {@code into}; with {@code stageColumns} each row also carries its deleted flag and sequence
     * numbers (the staging table's extra columns).
     */
    private void copyRows(CollapsedTable table, String into, List<String> columns, boolean stageColumns) throws SQLException {
        String sql = "COPY " + into + " (" + String.join(", ", columns)
                + (stageColumns ? ", " + dialect.quote(DELETED) + ", " + dialect.quote(SEQ) + ", " + dialect.quote(DELETE_SEQ) : "")
                + ") FROM STDIN";
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            String context = table.schema().id().toString();
            StringBuilder buffer = new StringBuilder(64 * 1024);
            for (CollapsedTable.FinalRow row : table.rows()) {
                Object[] values = row.values();
                for (int i = 0; i < values.length; i++) {
                    if (i > 0) {
                        buffer.append('\t');
                    }
                    CopyText.append(buffer, values[i], context);
                }
                if (stageColumns) {
                    buffer.append('\t').append(row.deleted() ? 't' : 'f').append('\t').append(row.seq()).append('\t')
                            .append(row.deleteSeq());
                }
                buffer.append('\n');
                if (buffer.length() >= COPY_FLUSH_CHARS) {
                    write(copy, buffer);
                }
            }
            write(copy, buffer);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /**
     * A full-load chunk into a target table that was empty when the load began (dropped and created, or truncated):
     * COPY straight into it, no staging and no MERGE, with the checkpoint in the same transaction. Safe because a
     * chunk's rows reach the target only with the progress that moves past them, and the stream starts after the load.
     */
    @Override
    public void load(CollapsedTable chunk, Checkpoint previous, Checkpoint next) throws SQLException {
        try {
            if (chunk.size() > 0) {
                TargetTable target = dialect.target(chunk.schema());
                List<String> columns = new ArrayList<>();
                chunk.schema().columns().forEach(c -> columns.add(dialect.quote(c.name())));
                copyRows(chunk, dialect.qualified(target.schema(), target.table()), columns, false);
            }
            checkpoints.advance(connection, previous, next);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static void write(CopyIn copy, StringBuilder buffer) throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    /**
     * Empties one target table and moves the checkpoint back to a full load of it, in one transaction: the job then
     * loads the table again and streams on from the unchanged position (replaying changes is idempotent).
     */
    @Override
    public void restartLoad(TargetTable table, Checkpoint previous, Checkpoint next) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("DELETE FROM " + dialect.qualified(table.schema(), table.table()));
            suspended.delete(connection, previous.job(), table.source().id());
            checkpoints.advance(connection, previous, next);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) throws SQLException {
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    @Override
    public void outsideTransaction(SqlWork<?> work) throws SQLException {
        connection.setAutoCommit(true);
        try {
            work.run(connection);
        } finally {
            connection.setAutoCommit(false);
        }
    }

    @Override
    public Map<TableId, String> suspendedTables(String job) throws SQLException {
        try {
            Map<TableId, String> tables = suspended.read(connection, job);
            connection.commit();
            return tables;
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    @Override
    public void suspend(String job, TableId table, String reason) throws SQLException {
        try {
            suspended.insert(connection, job, table, reason);
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    @Override
    public boolean suspendsTables() {
        return true;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}

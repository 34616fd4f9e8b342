package io.ferry.warehouse.redshift;

import io.ferry.replication.CascadePlan;
import io.ferry.replication.TableId;
import io.ferry.replication.TableSchema;
import io.ferry.warehouse.Cascades;
import io.ferry.warehouse.Checkpoint;
import io.ferry.warehouse.CheckpointTable;
import io.ferry.warehouse.CollapsedTable;
import io.ferry.warehouse.TargetPreparation;
import io.ferry.warehouse.TargetTable;
import io.ferry.warehouse.Warehouse;
import io.ferry.warehouse.WarehouseEndpoint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * Applies batches to Redshift exactly once, through the Redshift JDBC driver: in ONE transaction, for every table of
 * the batch, the collapsed rows go into a temporary staging table (COPY from S3 files, or multi-row INSERTs), the
 * staged keys are deleted from the target ({@code DELETE ... USING}) and the rows that are not deletions inserted
 * ({@code INSERT ... SELECT}); the checkpoint moves (compare-and-set) and the transaction commits. Batches are large
 * (Redshift's commit queue punishes small commits): the job's batch size decides, one commit per batch.
 */
public final class RedshiftWarehouse implements Warehouse {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RedshiftWarehouse.class);

    static final String EXISTS = "SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?";

    private final Connection connection;
    private final RedshiftDialect dialect;
    private final RedshiftStatements sql;
    private final StagingLoader staging;
    private final CheckpointTable checkpoints;

    public RedshiftWarehouse(WarehouseEndpoint endpoint, RedshiftDialect dialect, StagingLoader staging, Clock clock) throws SQLException {
        this.connection = endpoint.connect();
        this.dialect = dialect;
        this.sql = new RedshiftStatements(dialect);
        this.staging = staging;
        this.checkpoints = new CheckpointTable(dialect, clock);
        try {
            connection.setAutoCommit(true);
            checkpoints.create(connection);
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public RedshiftDialect dialect() {
        return dialect;
    }

    @Override
    public Optional<Checkpoint> checkpoint(String job) throws SQLException {
        return inTransaction(() -> checkpoints.read(connection, job));
    }

    @Override
    public void begin(java.util.Map<TargetTable, TargetPreparation> tables, Checkpoint first) throws SQLException {
        inTransaction(() -> {
            try (Statement st = connection.createStatement()) {
                for (TargetTable t : tables.keySet()) {
                    TargetPreparation preparation = tables.get(t);
                    if (preparation == TargetPreparation.DROP_AND_CREATE) {
                        st.execute(sql.dropTable(t.source()));
                    }
                    if (preparation == TargetPreparation.DROP_AND_CREATE || !exists(t)) {
                        for (String ddl : dialect.createTable(t)) {
                            st.execute(ddl);
                        }
                    } else if (preparation == TargetPreparation.TRUNCATE) {
                        st.execute(sql.deleteAll(t.source()));
                    }
                }
            }
            checkpoints.insert(connection, first);
            return null;
        });
    }

    private boolean exists(TargetTable t) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(EXISTS)) {
            st.setString(1, RedshiftDialect.fold(t.schema()));
            st.setString(2, RedshiftDialect.fold(t.table()));
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public void apply(Collection<CollapsedTable> tables, CascadePlan cascades, Checkpoint previous, Checkpoint next) throws SQLException {
        apply(tables, cascades, null, previous, next);
    }

    @Override
    public void apply(Collection<CollapsedTable> tables, CascadePlan cascades, SqlWork<?> alsoInTransaction, Checkpoint previous,
                      Checkpoint next) throws SQLException {
        inTransaction(() -> {
            Map<TableId, String> stages = new HashMap<>();
            for (CollapsedTable table : tables) {
                if (table.size() > 0) {
                    String stage = "ferry_stage_" + stages.size();
                    applyTable(table, stage);
                    stages.put(table.schema().id(), stage);
                }
            }
            if (Cascades.needed(cascades, tables)) {
                new Cascades(connection, dialect, new RedshiftCascades(dialect, staging), cascades, stages).run(schemaOf(tables), tables);
            }
            try (Statement st = connection.createStatement()) {
                for (String stage : stages.values()) {
                    st.execute(sql.dropStage(stage));
                }
            }
            if (alsoInTransaction != null) {
                alsoInTransaction.run(connection);
            }
            checkpoints.advance(connection, previous, next);
            return null;
        });
    }

    private void applyTable(CollapsedTable table, String stage) throws SQLException {
        TableSchema schema = table.schema();
        RedshiftValues values = new RedshiftValues(dialect, schema);
        List<String[]> rows = new ArrayList<>(table.size());
        for (CollapsedTable.FinalRow row : table.rows()) {
            String[] rendered = values.render(row.values());
            String[] staged = java.util.Arrays.copyOf(rendered, rendered.length + 3);
            staged[rendered.length] = Boolean.toString(row.deleted());
            staged[rendered.length + 1] = Long.toString(row.seq());
            staged[rendered.length + 2] = Long.toString(row.deleteSeq());
            rows.add(staged);
        }
        long t0 = System.nanoTime();
        try (Statement st = connection.createStatement()) {
            st.execute(sql.createStage(schema, stage));
            staging.load(connection, dialect.quote(stage), sql.stageColumns(schema), sql.stageParameters(schema), rows);
            long t1 = System.nanoTime();
            st.executeUpdate(sql.deleteUsingStage(schema, stage));
            st.executeUpdate(sql.insertFromStage(schema, stage));
            LOG.debug("{}: {} rows, staging {} ms, apply {} ms", schema.id(), rows.size(), (t1 - t0) / 1_000_000,
                    (System.nanoTime() - t1) / 1_000_000);
        }
    }

    /** A chunk into a target that started empty: loaded straight into it, with the checkpoint, in one transaction. */
    @Override
    public void load(CollapsedTable chunk, Checkpoint previous, Checkpoint next) throws SQLException {
        inTransaction(() -> {
            if (chunk.size() > 0) {
                TableSchema schema = chunk.schema();
                RedshiftValues values = new RedshiftValues(dialect, schema);
                List<String[]> rows = new ArrayList<>(chunk.size());
                chunk.rows().forEach(r -> rows.add(values.render(r.values())));
                staging.load(connection, sql.target(schema), dialect.targetColumns(schema), sql.targetParameters(schema), rows);
            }
            checkpoints.advance(connection, previous, next);
            return null;
        });
    }

    @Override
    public void restartLoad(TargetTable table, Checkpoint previous, Checkpoint next) throws SQLException {
        inTransaction(() -> {
            try (Statement st = connection.createStatement()) {
                st.execute(sql.deleteAll(table.source()));
            }
            checkpoints.advance(connection, previous, next);
            return null;
        });
    }

    /** Checks every table's mapping before anything is written: a refused type or name stops the job at start. */
    @Override
    public void knowSchemas(Collection<TableSchema> schemas) {
        for (TableSchema schema : schemas) {
            dialect.createTable(dialect.target(schema));
            knownSchemas.put(schema.id(), schema);
        }
    }

    private final Map<TableId, TableSchema> knownSchemas = new HashMap<>();

    private Map<TableId, TableSchema> schemaOf(Collection<CollapsedTable> tables) {
        Map<TableId, TableSchema> map = new HashMap<>(knownSchemas);
        tables.forEach(t -> map.put(t.schema().id(), t.schema()));
        return map;
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) throws SQLException {
        return inTransaction(() -> work.run(connection));
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

    private <T> T inTransaction(Work<T> work) throws SQLException {
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            staging.finished();
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}

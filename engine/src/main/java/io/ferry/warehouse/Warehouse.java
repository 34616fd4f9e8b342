package io.ferry.warehouse;

import io.ferry.replication.CascadePlan;
import io.ferry.replication.TableSchema;

import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A warehouse a replication job writes to, exactly once: every method that changes data moves the job's checkpoint
 * in the same warehouse transaction (compare-and-set), so that the data and the checkpoint commit together or not at
 * all. {@link PostgresWarehouse} and {@link io.ferry.warehouse.redshift.RedshiftWarehouse} implement it.
 */
public interface Warehouse extends AutoCloseable {
    WarehouseDialect dialect();

    /** The job's checkpoint, if it has one. */
    Optional<Checkpoint> checkpoint(String job) throws SQLException;

    /** Prepares the target tables as asked and writes the job's first checkpoint, in one transaction. */
    default void begin(Collection<TargetTable> tables, TargetPreparation preparation, Checkpoint first) throws SQLException {
        Map<TargetTable, TargetPreparation> each = new LinkedHashMap<>();
        tables.forEach(t -> each.put(t, preparation));
        begin(each, first);
    }

    /** Prepares each target table as its entry says and writes the job's first checkpoint, in one transaction. */
    void begin(Map<TargetTable, TargetPreparation> tables, Checkpoint first) throws SQLException;

    /** Applies the tables' final rows (and the foreign-key actions) and moves the checkpoint, atomically. */
    void apply(Collection<CollapsedTable> tables, CascadePlan cascades, Checkpoint previous, Checkpoint next) throws SQLException;

    /** Work on the warehouse's connection (schema history, DDL). */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(java.sql.Connection connection) throws SQLException;
    }

    /**
     * {@link #apply(Collection, CascadePlan, Checkpoint, Checkpoint)} plus {@code alsoInTransaction} (a DDL repeated,
     * schema history written), run after the rows and before the checkpoint moves, in the same transaction.
     */
    default void apply(Collection<CollapsedTable> tables, CascadePlan cascades, SqlWork<?> alsoInTransaction, Checkpoint previous,
                       Checkpoint next) throws SQLException {
        if (alsoInTransaction != null) {
            throw new UnsupportedOperationException(getClass().getSimpleName() + " does not follow schema changes");
        }
        apply(tables, cascades, previous, next);
    }

    /**
     * Applies a batch whose changes are replayed from disk (a spilled source transaction), then
     * {@code alsoInTransaction}, and moves the checkpoint, atomically. This default collapses the changes in memory
     * first, so it holds the batch's final rows in memory (Redshift); PostgreSQL streams them instead.
     */
    default void applyReplayed(ChangeReplay changes, java.util.Map<io.ferry.replication.TableId, TableSchema> schemas,
                               CascadePlan cascades, SqlWork<?> alsoInTransaction, Checkpoint previous, Checkpoint next)
            throws SQLException, java.io.IOException {
        java.util.Map<io.ferry.replication.TableId, CollapsedTable> tables = new java.util.LinkedHashMap<>();
        long[] seq = {0};
        changes.replay(c -> tables.computeIfAbsent(c.table(), t -> new CollapsedTable(schemas.get(t), cascades.referencedKeys(t)))
                .add(c, ++seq[0]));
        apply(tables.values(), cascades, alsoInTransaction, previous, next);
    }

    /** Runs {@code work} in a transaction of its own and commits it. */
    default <T> T inTransaction(SqlWork<T> work) throws SQLException {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not keep a schema history");
    }

    /** Runs {@code work} outside any transaction block: each statement commits on its own (Redshift's ALTER COLUMN). */
    default void outsideTransaction(SqlWork<?> work) throws SQLException {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not follow schema changes");
    }

    /** A full-load chunk into a target that was empty when the load began, with the checkpoint, atomically. */
    void load(CollapsedTable chunk, Checkpoint previous, Checkpoint next) throws SQLException;

    /**
     * Empties one target table and moves the checkpoint back to a full load of it, in one transaction: the job then
     * loads the table again and streams on from the unchanged position (replaying changes is idempotent).
     */
    void restartLoad(TargetTable table, Checkpoint previous, Checkpoint next) throws SQLException;

    /** The schemas of every replicated table (cascades reach tables that have no changes in a batch). */
    void knowSchemas(Collection<TableSchema> schemas);

    /** The tables the job's error policy suspended, with the reason (see {@link SuspendedTables}). */
    default java.util.Map<io.ferry.replication.TableId, String> suspendedTables(String job) throws SQLException {
        return java.util.Map.of();
    }

    /**
     * Records, in its own transaction, that the job no longer applies {@code table}'s changes until it is reloaded
     * ({@link #restartLoad} ends the suspension). Only where {@link #suspendsTables()}.
     */
    default void suspend(String job, io.ferry.replication.TableId table, String reason) throws SQLException {
        throw new UnsupportedOperationException("Suspending a table is not supported by " + getClass().getSimpleName());
    }

    /** Whether {@link #apply} names the failing table ({@link TableApplyException}) and {@link #suspend} works. */
    default boolean suspendsTables() {
        return false;
    }

    /** Moves only the checkpoint (a batch whose transactions touched no selected table). */
    default void advance(Checkpoint previous, Checkpoint next) throws SQLException {
        apply(List.of(), CascadePlan.NONE, previous, next);
    }

    @Override
    void close() throws SQLException;
}

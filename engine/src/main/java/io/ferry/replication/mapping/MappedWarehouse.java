package io.ferry.replication.mapping;

import io.ferry.replication.CascadePlan;
import io.ferry.replication.TableSchema;
import io.ferry.warehouse.Checkpoint;
import io.ferry.warehouse.CollapsedTable;
import io.ferry.warehouse.TargetPreparation;
import io.ferry.warehouse.TargetTable;
import io.ferry.warehouse.Warehouse;
import io.ferry.warehouse.WarehouseDialect;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A warehouse seen through a job's {@link JobMapping}, so that the job and the full load keep speaking of source
 * tables: target tables are created and prepared from the mapped schemas, full-load chunks (source rows) are mapped
 * on their way in, with operation 'L' and the load time, and the foreign-key actions are restated on the target
 * tables. Streamed changes are mapped before they are collapsed ({@link JobMapping#add}); their collapsed tables,
 * already on a target schema, pass through unchanged.
 */
final class MappedWarehouse implements Warehouse {
    private final Warehouse inner;
    private final JobMapping mapping;
    private final Clock clock;
    private final Set<TableSchema> targets = Collections.newSetFromMap(new IdentityHashMap<>());
    /**
     * Source tables whose rule keeps the target's rows (do-nothing): their full-load chunks are merged, whatever the
     * job's preparation made the full load expect.
     */
    private final Set<io.ferry.replication.TableId> keptRows = new java.util.HashSet<>();

    MappedWarehouse(Warehouse inner, JobMapping mapping, Clock clock) {
        this.inner = inner;
        this.mapping = mapping;
        this.clock = clock;
        mapping.tables().values().forEach(m -> targets.add(m.target()));
        mapping.rules().tables().stream().filter(r -> r.preparation() == TargetPreparation.DO_NOTHING)
                .forEach(r -> keptRows.add(r.table()));
    }

    @Override
    public WarehouseDialect dialect() {
        return inner.dialect();
    }

    @Override
    public Optional<Checkpoint> checkpoint(String job) throws SQLException {
        return inner.checkpoint(job);
    }

    /** Each target prepared as its table rule says, else as the job says. */
    @Override
    public void begin(Collection<TargetTable> tables, TargetPreparation preparation, Checkpoint first) throws SQLException {
        Map<TargetTable, TargetPreparation> each = new LinkedHashMap<>();
        for (TargetTable t : tables) {
            each.put(target(t), mapping.preparation(t.source().id(), preparation));
        }
        inner.begin(each, first);
    }

    @Override
    public void begin(Map<TargetTable, TargetPreparation> tables, Checkpoint first) throws SQLException {
        Map<TargetTable, TargetPreparation> each = new LinkedHashMap<>();
        tables.forEach((t, p) -> each.put(target(t), p));
        inner.begin(each, first);
    }

    @Override
    public void apply(Collection<CollapsedTable> tables, CascadePlan cascades, Checkpoint previous, Checkpoint next)
            throws SQLException {
        inner.apply(mapped(tables), cascades.isEmpty() ? cascades : mapping.cascades(), previous, next);
    }

    /** A chunk into a table that kept its rows (do-nothing) is merged: the job loads the others straight in. */
    @Override
    public void load(CollapsedTable chunk, Checkpoint previous, Checkpoint next) throws SQLException {
        if (keptRows.contains(chunk.schema().id())) {
            inner.apply(mapped(List.of(chunk)), CascadePlan.NONE, previous, next);
        } else {
            inner.load(mapped(List.of(chunk)).get(0), previous, next);
        }
    }

    @Override
    public void restartLoad(TargetTable table, Checkpoint previous, Checkpoint next) throws SQLException {
        inner.restartLoad(target(table), previous, next);
    }

    @Override
    public void knowSchemas(Collection<TableSchema> schemas) {
        inner.knowSchemas(schemas.stream().map(s -> targets.contains(s) ? s : mapping.table(s.id()).target()).toList());
    }

    @Override
    public void apply(Collection<CollapsedTable> tables, CascadePlan cascades, SqlWork<?> alsoInTransaction, Checkpoint previous,
                      Checkpoint next) throws SQLException {
        inner.apply(mapped(tables), cascades.isEmpty() ? cascades : mapping.cascades(), alsoInTransaction, previous, next);
    }

    /**
     * Tables taken as they are stream their replayed changes through; with a mapped table the changes are mapped as the
     * stream maps them ({@link JobMapping#add}), so that batch's final rows are held in memory.
     */
    @Override
    public void applyReplayed(io.ferry.warehouse.ChangeReplay changes, Map<io.ferry.replication.TableId, TableSchema> schemas,
                              CascadePlan cascades, SqlWork<?> alsoInTransaction, Checkpoint previous, Checkpoint next)
            throws SQLException, java.io.IOException {
        if (mapping.rules().metadata().isEmpty() && mapping.tables().values().stream().allMatch(TableMapping::isIdentity)) {
            inner.applyReplayed(changes, schemas, cascades.isEmpty() ? cascades : mapping.cascades(), alsoInTransaction,
                    previous, next);
            return;
        }
        Map<io.ferry.replication.TableId, CollapsedTable> tables = new LinkedHashMap<>();
        long[] seq = {0};
        changes.replay(c -> mapping.add(tables, c, ++seq[0], schemas.get(c.table()), cascades));
        apply(tables.values(), cascades, alsoInTransaction, previous, next);
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) throws SQLException {
        return inner.inTransaction(work);
    }

    @Override
    public void outsideTransaction(SqlWork<?> work) throws SQLException {
        inner.outsideTransaction(work);
    }

    @Override
    public Map<io.ferry.replication.TableId, String> suspendedTables(String job) throws SQLException {
        return inner.suspendedTables(job);
    }

    @Override
    public void suspend(String job, io.ferry.replication.TableId table, String reason) throws SQLException {
        inner.suspend(job, table, reason);
    }

    @Override
    public boolean suspendsTables() {
        return inner.suspendsTables();
    }

    @Override
    public void advance(Checkpoint previous, Checkpoint next) throws SQLException {
        inner.advance(previous, next);
    }

    @Override
    public void close() throws SQLException {
        inner.close();
    }

    private TargetTable target(TargetTable source) {
        return inner.dialect().target(mapping.table(source.source().id()).target());
    }

    /** Tables on a source schema are full-load rows: mapped here. Those on a target schema were mapped before collapsing. */
    private List<CollapsedTable> mapped(Collection<CollapsedTable> tables) {
        List<CollapsedTable> out = new ArrayList<>();
        Instant loadTime = null;
        for (CollapsedTable table : tables) {
            if (targets.contains(table.schema())) {
                out.add(table);
                continue;
            }
            if (loadTime == null) {
                loadTime = clock.instant().truncatedTo(ChronoUnit.MICROS);
            }
            TableMapping m = mapping.table(table.schema().id());
            CollapsedTable target = new CollapsedTable(m.target());
            for (CollapsedTable.FinalRow row : table.rows()) {
                if (row.deleted()) {
                    throw new IllegalStateException("A full-load chunk of " + table.schema().id() + " holds a deletion");
                }
                target.put(m.loadRow(row.values(), loadTime));
            }
            out.add(target);
        }
        return out;
    }
}

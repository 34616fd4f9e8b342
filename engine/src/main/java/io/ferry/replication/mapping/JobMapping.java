package io.ferry.replication.mapping;

import io.ferry.replication.CascadePlan;
import io.ferry.replication.ForeignKey;
import io.ferry.replication.PreflightException;
import io.ferry.replication.RowChange;
import io.ferry.replication.TableId;
import io.ferry.replication.TableSchema;
import io.ferry.warehouse.CollapsedTable;
import io.ferry.warehouse.TargetPreparation;
import io.ferry.warehouse.Warehouse;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A job's table rules applied to its selected tables: one {@link TableMapping} per source table, the foreign-key
 * actions restated on the target tables and columns, and the problems that make the job refuse to start (a rule for
 * a table the job does not take, two tables onto one target, a cascade through a dropped column, soft delete with
 * cascades).
 */
public final class JobMapping {
    /** Column names the warehouses' staging tables use for their own flags. */
    public static final Set<String> RESERVED = Set.of("_ferry_deleted", "_ferry_seq", "_ferry_delete_seq", "_ferry_truncated");

    private final Map<TableId, TableMapping> tables;
    private final CascadePlan cascades;
    private final List<String> problems;
    private final TableRules rules;

    private JobMapping(TableRules rules, Map<TableId, TableMapping> tables, CascadePlan cascades, List<String> problems) {
        this.rules = rules;
        this.tables = tables;
        this.cascades = cascades;
        this.problems = List.copyOf(problems);
    }

    /** The mapping of the selected tables; {@link #problems()} says what in the rules does not fit them. */
    public static JobMapping of(String job, TableRules rules, Map<TableId, TableSchema> schemas, CascadePlan cascades) {
        List<String> problems = new ArrayList<>();
        for (TableRule rule : rules.tables()) {
            if (!schemas.containsKey(rule.table())) {
                problems.add("Table rule for " + rule.table() + ": the job does not take that table (it takes "
                        + String.join(", ", schemas.keySet().stream().map(TableId::toString).toList())
                        + "); check the name or the include/exclude patterns");
            }
        }
        Map<TableId, TableMapping> tables = new LinkedHashMap<>();
        Map<TableId, TableId> targets = new HashMap<>();
        for (TableSchema schema : schemas.values()) {
            TableMapping.of(job, schema, rules.rule(schema.id()), rules.metadata(), problems).ifPresent(m -> {
                tables.put(schema.id(), m);
                TableId other = targets.put(m.target().id(), schema.id());
                if (other != null) {
                    problems.add("Tables " + other + " and " + schema.id() + " would both be written to target table "
                            + m.target().id().table() + ": rename one in the table rules");
                }
                if (!m.isIdentity()) {
                    m.target().columnNames().stream().filter(RESERVED::contains).forEach(c -> problems.add("Table " + schema.id()
                            + ": the target column name " + c + " is reserved for Ferry's staging tables; choose another"));
                }
            });
        }
        CascadePlan mapped = CascadePlan.NONE;
        if (!cascades.isEmpty() && !rules.isEmpty() && problems.isEmpty()) {
            mapped = mapCascades(cascades, tables, rules.metadata(), problems);
        } else if (rules.isEmpty()) {
            mapped = cascades;
        }
        return new JobMapping(rules, tables, mapped, problems);
    }

    private static CascadePlan mapCascades(CascadePlan cascades, Map<TableId, TableMapping> tables, MetadataColumns metadata,
                                           List<String> problems) {
        if (metadata.softDelete()) {
            problems.add("Soft delete (metadata.softDelete) cannot be combined with the foreign-key actions the warehouse "
                    + "repeats (" + cascades + "): a cascade would delete the child rows instead of marking them. Exclude the "
                    + "parent or the child tables, or turn soft delete off");
            return CascadePlan.NONE;
        }
        List<ForeignKey> keys = new ArrayList<>();
        Map<TableId, TableSchema> targets = new HashMap<>();
        tables.values().forEach(m -> targets.put(m.target().id(), m.target()));
        for (TableId parent : cascades.parents()) {
            for (ForeignKey fk : cascades.edgesFrom(parent)) {
                TableMapping child = tables.get(fk.child());
                TableMapping par = tables.get(fk.parent());
                List<String> childColumns = columns(fk, child, fk.childColumns(), problems);
                List<String> parentColumns = columns(fk, par, fk.parentColumns(), problems);
                if (childColumns != null && parentColumns != null) {
                    keys.add(new ForeignKey(fk.name(), child.target().id(), childColumns, par.target().id(), parentColumns,
                            fk.onDelete(), fk.onUpdate()));
                }
            }
        }
        return problems.isEmpty() ? new CascadePlan(keys, targets) : CascadePlan.NONE;
    }

    private static List<String> columns(ForeignKey fk, TableMapping table, List<String> names, List<String> problems) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            var target = table.targetColumn(n);
            if (target.isEmpty()) {
                problems.add("Table rule for " + table.source().id() + " drops column " + n + ", which the foreign key " + fk
                        + " needs to repeat its ON DELETE action in the warehouse. Keep the column, or exclude a table");
                return null;
            }
            out.add(target.get());
        }
        return out;
    }

    /** The target table of one source table under the rules (for reloading it); a pre-flight failure if they do not fit. */
    public static TableSchema targetOf(String job, TableRules rules, TableSchema source) {
        List<String> problems = new ArrayList<>();
        return TableMapping.of(job, source, rules.rule(source.id()), rules.metadata(), problems)
                .orElseThrow(() -> new PreflightException(problems)).target();
    }

    /** Throws the problems as a pre-flight failure. */
    public JobMapping check() {
        if (!problems.isEmpty()) {
            throw new PreflightException(problems);
        }
        return this;
    }

    public List<String> problems() {
        return problems;
    }

    public TableRules rules() {
        return rules;
    }

    /** Whether every table is written as it is read. */
    public boolean isIdentity() {
        return tables.values().stream().allMatch(TableMapping::isIdentity)
                && rules.tables().stream().allMatch(r -> r.preparation() == null);
    }

    public TableMapping table(TableId source) {
        TableMapping m = tables.get(source);
        if (m == null) {
            throw new IllegalArgumentException("The job does not take table " + source);
        }
        return m;
    }

    public Map<TableId, TableMapping> tables() {
        return tables;
    }

    /** The foreign-key actions between the target tables. */
    public CascadePlan cascades() {
        return cascades;
    }

    /** What the first run does to the target of {@code source}: its rule's preparation, else the job's. */
    public TargetPreparation preparation(TableId source, TargetPreparation job) {
        return rules.rule(source).map(TableRule::preparation).filter(java.util.Objects::nonNull).orElse(job);
    }

    /** Adds a source change to its target table's collapse in {@code batch} (keyed by source table). */
    public void add(Map<TableId, CollapsedTable> batch, RowChange change, long seq) {
        add(batch, change, seq, table(change.table()).source(), cascades);
    }

    /**
     * The same, {@code current} being the table's schema where the change was read: a table taken as it is follows
     * it; a mapped one must still have the columns its rules were made for. {@code sourceCascades} (in source names)
     * say which keys of a table cascading foreign keys reference, so that its deletions and key changes are kept.
     */
    public void add(Map<TableId, CollapsedTable> batch, RowChange change, long seq, TableSchema current,
                    CascadePlan sourceCascades) {
        TableMapping m = tables.get(change.table());
        if (m == null && rules.rule(change.table()).isEmpty() && rules.metadata().isEmpty()) {
            m = TableMapping.identity(current); // a table created while the job streams, taken as it is
        } else if (m == null) {
            throw new IllegalStateException("Table " + change.table() + " appeared while the job streams; the job's table "
                    + "rules and metadata columns do not follow new tables yet. Restart the job afresh to take it.");
        }
        if (m.isIdentity()) {
            batch.computeIfAbsent(change.table(), t -> new CollapsedTable(current, sourceCascades.referencedKeys(t)))
                    .add(change, seq);
            return;
        }
        if (!m.source().columnNames().equals(current.columnNames()) || !m.source().primaryKey().equals(current.primaryKey())) {
            throw new IllegalStateException("Table " + change.table() + " changed its columns at "
                    + change.position() + " (now " + String.join(", ", current.columnNames()) + "); its table rules and "
                    + "metadata columns do not follow schema changes yet. Reload the job (delete its checkpoint) to make the "
                    + "target table again from the new schema.");
        }
        TableMapping mapped = m;
        mapped.add(batch.computeIfAbsent(change.table(),
                t -> new CollapsedTable(mapped.target(), cascades.referencedKeys(mapped.target().id()))), change, seq);
    }

    /**
     * Adds a full-load row (read between watermarks, placed after change {@code seq}) to its table's collapse in
     * {@code batch}: as it is for a table taken as it is, else mapped like a loaded row, so that it joins the stream's
     * changes of the same table in their target shape.
     */
    public void putLoaded(Map<TableId, CollapsedTable> batch, TableSchema source, Object[] row, long seq, Instant loadTime) {
        TableMapping m = tables.get(source.id());
        if (m == null || m.isIdentity()) {
            batch.computeIfAbsent(source.id(), t -> new CollapsedTable(source)).put(row, seq);
            return;
        }
        batch.computeIfAbsent(source.id(), t -> new CollapsedTable(m.target())).put(m.loadRow(row, loadTime), seq);
    }

    /** {@code warehouse} seen through this mapping (itself when no table is mapped). */
    public Warehouse wrap(Warehouse warehouse, Clock clock) {
        return isIdentity() ? warehouse : new MappedWarehouse(warehouse, this, clock);
    }
}

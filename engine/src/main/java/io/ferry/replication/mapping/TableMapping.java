package io.ferry.replication.mapping;

import io.ferry.replication.ColumnSchema;
import io.ferry.replication.Operation;
import io.ferry.replication.RowChange;
import io.ferry.replication.TableId;
import io.ferry.replication.TableSchema;
import io.ferry.warehouse.CollapsedTable;
import io.ferry.warehouse.RowKey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One source table mapped to its target table: the target schema (renamed table and columns, dropped columns left out,
 * added and metadata columns at the end) and the step that turns a source row or change into target rows. Build it
 * with {@link #of}, which reports what in the rule does not fit the table.
 */
public final class TableMapping {
    /** Operation codes of the metadata column: the source change, or a row written by the full load. */
    public static final String INSERT = "I", UPDATE = "U", DELETE = "D", LOAD = "L";

    private enum Computed { SOURCE, CONSTANT, COMMIT_TIME, OPERATION, DELETED }

    private final TableSchema source;
    private final TableSchema target;
    private final boolean softDelete;
    private final Computed[] computed;
    /** Per target column: the source column index (SOURCE) or the constant value (CONSTANT). */
    private final int[] sourceIndex;
    private final Object[] constants;
    private final int[] keyIndexes;

    private TableMapping(TableSchema source, TableSchema target, boolean softDelete, Computed[] computed, int[] sourceIndex,
                         Object[] constants) {
        this.source = source;
        this.target = target;
        this.softDelete = softDelete;
        this.computed = computed;
        this.sourceIndex = sourceIndex;
        this.constants = constants;
        this.keyIndexes = source.hasPrimaryKey() ? source.primaryKeyIndexes() : new int[0];
    }

    /** The table as it is: no rule, no metadata column. */
    public static TableMapping identity(TableSchema source) {
        int n = source.columns().size();
        Computed[] computed = new Computed[n];
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            computed[i] = Computed.SOURCE;
            index[i] = i;
        }
        return new TableMapping(source, source, false, computed, index, new Object[n]);
    }

    /**
     * The mapping of {@code source} under {@code rule} (may be empty) and the job's metadata columns; problems (an
     * unknown column, a dropped key column, a name used twice) are added to {@code problems} and the mapping is then
     * empty.
     */
    public static Optional<TableMapping> of(String job, TableSchema source, Optional<TableRule> rule, MetadataColumns metadata,
                                            List<String> problems) {
        if (rule.isEmpty() && metadata.isEmpty()) {
            return Optional.of(identity(source));
        }
        int before = problems.size();
        TableId id = source.id();
        String what = "Table rule for " + id;
        Map<String, String> renames = rule.map(TableRule::renameColumns).orElse(Map.of());
        List<String> drops = rule.map(TableRule::dropColumns).orElse(List.of());
        List<String> names = source.columnNames();
        for (String c : renames.keySet()) {
            if (!names.contains(c)) {
                problems.add(what + ": cannot rename column " + c + ", the table has no such column (its columns: "
                        + String.join(", ", names) + ")");
            } else if (drops.contains(c)) {
                problems.add(what + ": column " + c + " is both renamed and dropped");
            }
        }
        for (String c : drops) {
            if (!names.contains(c)) {
                problems.add(what + ": cannot drop column " + c + ", the table has no such column (its columns: "
                        + String.join(", ", names) + ")");
            } else if (source.primaryKey().contains(c)) {
                problems.add(what + ": cannot drop column " + c + ", it is part of the primary key ("
                        + String.join(", ", source.primaryKey()) + ") that the warehouse applies changes by");
            }
        }
        List<ColumnSchema> columns = new ArrayList<>();
        List<Computed> computed = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        List<Object> constants = new ArrayList<>();
        for (int i = 0; i < source.columns().size(); i++) {
            ColumnSchema c = source.columns().get(i);
            if (drops.contains(c.name())) {
                continue;
            }
            columns.add(renamed(c, renames.getOrDefault(c.name(), c.name())));
            computed.add(Computed.SOURCE);
            index.add(i);
            constants.add(null);
        }
        for (AddedColumn add : rule.map(TableRule::addColumns).orElse(List.of())) {
            index.add(-1);
            if (add.constant() != null) {
                columns.add(text(add.name(), Math.max(1, add.constant().codePointCount(0, add.constant().length()))));
                computed.add(Computed.CONSTANT);
                constants.add(add.constant());
                continue;
            }
            switch (add.expression()) {
                case COMMIT_TIME -> {
                    columns.add(timestamp(add.name()));
                    computed.add(Computed.COMMIT_TIME);
                    constants.add(null);
                }
                case JOB -> constant(columns, computed, constants, add.name(), job, 100);
                case SOURCE_TABLE -> constant(columns, computed, constants, add.name(), id.toString(), 129);
                case SOURCE_SCHEMA -> constant(columns, computed, constants, add.name(), id.schema(), 64);
            }
        }
        if (metadata.operation() != null) {
            columns.add(new ColumnSchema(metadata.operation(), "char", "char(1)", false, 1L, null, null, null, "ascii", false));
            computed.add(Computed.OPERATION);
            index.add(-1);
            constants.add(null);
        }
        if (metadata.commitTime() != null) {
            columns.add(timestamp(metadata.commitTime()));
            computed.add(Computed.COMMIT_TIME);
            index.add(-1);
            constants.add(null);
        }
        if (metadata.deleted() != null) {
            columns.add(new ColumnSchema(metadata.deleted(), "boolean", "boolean", false, null, null, null, null, null, false));
            computed.add(Computed.DELETED);
            index.add(-1);
            constants.add(null);
        }
        List<String> seen = new ArrayList<>();
        for (ColumnSchema c : columns) {
            if (seen.contains(c.name())) {
                problems.add(what + ": the target table would have two columns named " + c.name()
                        + " (rename or drop one, or give the added or metadata column another name)");
            }
            seen.add(c.name());
        }
        String table = rule.map(TableRule::rename).orElse(null);
        if (problems.size() > before) {
            return Optional.empty();
        }
        List<String> key = source.primaryKey().stream().map(k -> renames.getOrDefault(k, k)).toList();
        TableSchema target = new TableSchema(new TableId(id.schema(), table != null ? table : id.table()), columns, key);
        return Optional.of(new TableMapping(source, target, metadata.softDelete(), computed.toArray(new Computed[0]),
                index.stream().mapToInt(Integer::intValue).toArray(), constants.toArray()));
    }

    private static void constant(List<ColumnSchema> columns, List<Computed> computed, List<Object> constants, String name,
                                 String value, int length) {
        columns.add(text(name, Math.max(length, value.codePointCount(0, value.length()))));
        computed.add(Computed.CONSTANT);
        constants.add(value);
    }

    private static ColumnSchema renamed(ColumnSchema c, String name) {
        return new ColumnSchema(name, c.dataType(), c.columnType(), c.nullable(), c.charMaxLength(), c.numericPrecision(),
                c.numericScale(), c.datetimePrecision(), c.charset(), c.json());
    }

    private static ColumnSchema text(String name, int chars) {
        return new ColumnSchema(name, "varchar", "varchar(" + chars + ")", false, (long) chars, null, null, null, "utf8mb4", false);
    }

    private static ColumnSchema timestamp(String name) {
        return new ColumnSchema(name, "timestamp", "timestamp(6)", false, null, null, null, 6, null, false);
    }

    public TableSchema source() {
        return source;
    }

    public TableSchema target() {
        return target;
    }

    /** Whether source rows are written unchanged (no rule, no metadata column). */
    public boolean isIdentity() {
        return source == target;
    }

    /** The target name of a source column; empty if the rule drops it. */
    public Optional<String> targetColumn(String sourceColumn) {
        int i = source.indexOf(sourceColumn);
        for (int t = 0; t < sourceIndex.length; t++) {
            if (computed[t] == Computed.SOURCE && sourceIndex[t] == i) {
                return Optional.of(target.columns().get(t).name());
            }
        }
        return Optional.empty();
    }

    /** The target row of a source row (values in the source table's column order). */
    public Object[] row(Object[] values, String operation, Instant commitTime, boolean deleted) {
        if (isIdentity()) {
            return values;
        }
        Object[] out = new Object[computed.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (computed[i]) {
                case SOURCE -> values[sourceIndex[i]];
                case CONSTANT -> constants[i];
                case COMMIT_TIME -> commitTime;
                case OPERATION -> operation;
                case DELETED -> deleted;
            };
        }
        return out;
    }

    /** A full-load row, read from the source at {@code loadTime}. */
    public Object[] loadRow(Object[] values, Instant loadTime) {
        return row(values, LOAD, loadTime, false);
    }

    /**
     * Adds a source change to the target table's collapse. With soft delete a delete becomes a write of the row with
     * the deleted flag set, and so does the old key of an update that changes the key.
     */
    public void add(CollapsedTable into, RowChange change, long seq) {
        if (isIdentity()) {
            into.add(change, seq);
            return;
        }
        Instant time = change.commitTime();
        TableId id = target.id();
        switch (change.operation()) {
            case INSERT -> into.add(write(id, row(change.after(), INSERT, time, false), change), seq);
            case UPDATE -> {
                Object[] after = row(change.after(), UPDATE, time, false);
                if (softDelete && !RowKey.of(change.before(), keyIndexes).equals(RowKey.of(change.after(), keyIndexes))) {
                    into.add(write(id, row(change.before(), DELETE, time, true), change), seq);
                    into.add(write(id, after, change), seq);
                } else {
                    into.add(new RowChange(id, Operation.UPDATE, row(change.before(), UPDATE, time, false), after,
                            change.position(), time), seq);
                }
            }
            case DELETE -> into.add(softDelete
                    ? write(id, row(change.before(), DELETE, time, true), change)
                    : new RowChange(id, Operation.DELETE, row(change.before(), DELETE, time, false), null, change.position(), time), seq);
        }
    }

    private static RowChange write(TableId id, Object[] row, RowChange from) {
        return new RowChange(id, Operation.INSERT, null, row, from.position(), from.commitTime());
    }
}

package io.ferry.replication.schema;

import io.ferry.replication.BinlogPosition;
import io.ferry.replication.ColumnSchema;
import io.ferry.replication.TableFilter;
import io.ferry.replication.TableId;
import io.ferry.replication.TableSchema;
import io.ferry.replication.UnsupportedTypeException;
import io.ferry.replication.ValueKind;
import io.ferry.replication.schema.SchemaChange.ColumnOp;
import io.ferry.replication.schema.SchemaChange.Kind;
import io.ferry.replication.schema.SchemaChange.TableChange;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Follows the replicated tables' schemas along the binlog, on the binlog reader's thread: the schema in force for a
 * row event is the last version of its {@link SchemaHistory}, and each DDL statement on a replicated table (or
 * creating one that matches the job's patterns) becomes a new version, worked out from the statement applied to the
 * schema in force, never from today's {@code information_schema} (which may already reflect later DDL). The table
 * map of every row event is checked against it ({@code RowDecoder}), so a wrong guess stops the job rather than
 * misdecoding rows.
 */
public final class SchemaTracker {
    /** The default character set of a table (or, for a new one, of its database) where neither statement nor columns say. */
    @FunctionalInterface
    public interface DefaultCharsets {
        String of(TableId table);
    }

    private final SchemaHistory history;
    private final TableFilter filter;
    private final boolean mariaDb;
    private final DefaultCharsets defaults;

    public SchemaTracker(SchemaHistory history, TableFilter filter, boolean mariaDb, DefaultCharsets defaults) {
        this.history = history;
        this.filter = filter;
        this.mariaDb = mariaDb;
        this.defaults = defaults;
    }

    /** The schema in force for the table's next row events; null if it is not replicated. */
    public TableSchema schemaOf(TableId table) {
        return history.schemaOf(table);
    }

    public SchemaHistory history() {
        return history;
    }

    /**
     * Follows one statement of a QUERY event that ends at {@code end}. Returns what it changed in the replicated
     * tables, or null if it changed none of them; throws {@link UnsupportedDdlException} if it changed one in a way
     * Ferry cannot follow.
     */
    public SchemaChange onStatement(String database, String sql, BinlogPosition end) {
        DdlStatement statement = DdlParser.parse(database, sql);
        List<TableChange> changes = new ArrayList<>();
        if (statement instanceof DdlStatement.NoTableChange) {
            return null;
        } else if (statement instanceof DdlStatement.Unsupported u) {
            for (TableId t : u.tables()) {
                if (replicated(t) || filter.matches(t)) {
                    throw new UnsupportedDdlException(t, sql, end, u.reason());
                }
            }
            return null;
        } else if (statement instanceof DdlStatement.CreateTable c) {
            create(c, end, changes);
        } else if (statement instanceof DdlStatement.DropTables d) {
            d.tables().stream().filter(this::replicated)
                    .forEach(t -> changes.add(new TableChange(Kind.DROP, schemaOf(t), null, List.of())));
        } else if (statement instanceof DdlStatement.DropSchema d) {
            history.current().keySet().stream().filter(t -> t.schema().equals(d.schema()))
                    .toList().forEach(t -> changes.add(new TableChange(Kind.DROP, schemaOf(t), null, List.of())));
        } else if (statement instanceof DdlStatement.Truncate tr) {
            if (replicated(tr.table())) {
                changes.add(new TableChange(Kind.TRUNCATE, schemaOf(tr.table()), schemaOf(tr.table()), List.of()));
            }
        } else if (statement instanceof DdlStatement.RenameTables r) {
            renames(r, end, changes);
        } else if (statement instanceof DdlStatement.AlterTable a) {
            alter(a, end, changes);
        }
        if (changes.isEmpty()) {
            return null;
        }
        List<SchemaHistory.Version> versions = new ArrayList<>();
        for (TableChange change : changes) {
            if (change.kind() == Kind.TRUNCATE) {
                continue;
            }
            if (change.before() != null && (change.after() == null || !change.after().id().equals(change.before().id()))) {
                versions.add(history.record(change.before().id(), end, null, sql));
            }
            if (change.after() != null) {
                versions.add(history.record(change.after().id(), end, change.after(), sql));
            }
        }
        return new SchemaChange(sql, end, changes, versions);
    }

    private boolean replicated(TableId table) {
        return history.schemaOf(table) != null;
    }

    private void create(DdlStatement.CreateTable c, BinlogPosition end, List<TableChange> changes) {
        TableId id = c.table();
        if (!filter.matches(id) && !replicated(id)) {
            return;
        }
        if (replicated(id)) {
            if (c.ifNotExists()) {
                return; // the table exists: the statement did nothing
            }
            if (!c.orReplace()) {
                throw new UnsupportedDdlException(id, c.sql(), end, "Ferry's schema history already has this table: "
                        + "was it created during the job's first full load?");
            }
            changes.add(new TableChange(Kind.DROP, schemaOf(id), null, List.of()));
            if (!filter.matches(id)) {
                return;
            }
        }
        TableSchema schema;
        if (c.like() != null) {
            TableSchema like = schemaOf(c.like());
            if (like == null) {
                throw new UnsupportedDdlException(id, c.sql(), end, "it copies " + c.like()
                        + ", a table this job does not replicate, so Ferry does not know its columns");
            }
            schema = new TableSchema(id, like.columns(), like.primaryKey());
        } else {
            String charset = c.charset() != null ? c.charset() : defaults.of(id);
            List<ColumnSchema> columns = new ArrayList<>();
            for (ColumnDefinition d : c.columns()) {
                columns.add(checked(id, d.toSchema(charset, mariaDb), c.sql(), end));
            }
            if (c.primaryKey().isEmpty()) {
                throw new UnsupportedDdlException(id, c.sql(), end, "the new table has no primary key, and Ferry replicates "
                        + "only tables with one");
            }
            try {
                schema = new TableSchema(id, columns, c.primaryKey());
            } catch (IllegalArgumentException e) {
                throw new UnsupportedDdlException(id, c.sql(), end, e.getMessage());
            }
        }
        changes.add(new TableChange(Kind.CREATE, null, schema, List.of()));
    }

    /** Renames in statement order, on a working copy, so that swaps through a temporary name work. */
    private void renames(DdlStatement.RenameTables r, BinlogPosition end, List<TableChange> changes) {
        java.util.Map<TableId, TableSchema> working = new java.util.HashMap<>(history.current());
        for (int i = 0; i < r.from().size(); i++) {
            TableId from = r.from().get(i);
            TableId to = r.to().get(i);
            TableSchema schema = working.remove(from);
            if (schema == null) {
                if (filter.matches(to)) {
                    throw new UnsupportedDdlException(to, r.sql(), end, "a table this job did not replicate (" + from
                            + ") takes a replicated name, with rows Ferry never loaded");
                }
                continue;
            }
            if (filter.matches(to)) {
                TableSchema renamed = new TableSchema(to, schema.columns(), schema.primaryKey());
                working.put(to, renamed);
                changes.add(new TableChange(Kind.RENAME, schema, renamed, List.of()));
            } else {
                changes.add(new TableChange(Kind.LEAVE, schema, null, List.of()));
            }
        }
    }

    private void alter(DdlStatement.AlterTable a, BinlogPosition end, List<TableChange> changes) {
        TableId id = a.table();
        TableSchema before = schemaOf(id);
        if (before == null) {
            if (a.renameTo() != null && filter.matches(a.renameTo())) {
                throw new UnsupportedDdlException(a.renameTo(), a.sql(), end, "a table this job did not replicate (" + id
                        + ") takes a replicated name, with rows Ferry never loaded");
            }
            return;
        }
        List<ColumnSchema> columns = new ArrayList<>(before.columns());
        List<String> key = new ArrayList<>(before.primaryKey());
        List<ColumnOp> ops = new ArrayList<>();
        for (DdlStatement.ColumnChange change : a.changes()) {
            if (change instanceof DdlStatement.UnsupportedChange u) {
                throw new UnsupportedDdlException(id, a.sql(), end, u.what());
            } else if (change instanceof DdlStatement.AddColumn add) {
                {
                    ColumnSchema c = checked(id, add.column().toSchema(tableCharset(before), mariaDb), a.sql(), end);
                    if (indexOf(columns, c.name()) >= 0) {
                        if (add.ifNotExists()) {
                            continue;
                        }
                        throw new UnsupportedDdlException(id, a.sql(), end, "Ferry's schema history already has a column "
                                + c.name() + ": was it added during the job's first full load?");
                    }
                    if (add.column().primaryKey()) {
                        throw new UnsupportedDdlException(id, a.sql(), end, "a new primary key");
                    }
                    columns.add(c);
                    ops.add(new SchemaChange.Add(c, add.column().valueForExistingRows(c)));
                }
            } else if (change instanceof DdlStatement.DropColumn drop) {
                {
                    int i = indexOf(columns, drop.name());
                    if (i < 0) {
                        if (drop.ifExists()) {
                            continue;
                        }
                        throw unknownColumn(id, a.sql(), end, drop.name());
                    }
                    String name = columns.get(i).name();
                    if (key.contains(name)) {
                        throw new UnsupportedDdlException(id, a.sql(), end, "dropping " + name + ", a primary key column");
                    }
                    columns.remove(i);
                    ops.add(new SchemaChange.Drop(name));
                }
            } else if (change instanceof DdlStatement.RenameColumn r) {
                {
                    int i = indexOf(columns, r.oldName());
                    if (i < 0) {
                        throw unknownColumn(id, a.sql(), end, r.oldName());
                    }
                    rename(columns, key, ops, i, r.newName());
                }
            } else if (change instanceof DdlStatement.ModifyColumn m) {
                {
                    int i = indexOf(columns, m.oldName());
                    if (i < 0) {
                        if (m.ifExists()) {
                            continue;
                        }
                        throw unknownColumn(id, a.sql(), end, m.oldName());
                    }
                    ColumnSchema next = checked(id, m.column().toSchema(tableCharset(before), mariaDb), a.sql(), end);
                    if (!columns.get(i).name().equals(next.name())) {
                        rename(columns, key, ops, i, next.name());
                    }
                    ColumnSchema current = columns.get(i);
                    if (key.contains(next.name()) && next.nullable()) {
                        next = notNull(next); // a key column stays NOT NULL whatever the statement says
                    }
                    if (!sameType(current, next)) {
                        columns.set(i, next);
                        ops.add(new SchemaChange.Modify(current, next));
                    }
                }
            }
        }
        TableId newId = a.renameTo() != null ? a.renameTo() : id;
        TableSchema after = new TableSchema(newId, columns, key);
        if (!ops.isEmpty()) {
            changes.add(new TableChange(Kind.ALTER, before, new TableSchema(id, columns, key), ops));
        }
        if (!newId.equals(id)) {
            TableSchema altered = new TableSchema(id, columns, key);
            changes.add(filter.matches(newId) ? new TableChange(Kind.RENAME, altered, after, List.of())
                    : new TableChange(Kind.LEAVE, altered, null, List.of()));
        }
    }

    private static void rename(List<ColumnSchema> columns, List<String> key, List<ColumnOp> ops, int i, String newName) {
        ColumnSchema c = columns.get(i);
        columns.set(i, new ColumnSchema(newName, c.dataType(), c.columnType(), c.nullable(), c.charMaxLength(),
                c.numericPrecision(), c.numericScale(), c.datetimePrecision(), c.charset(), c.json()));
        int k = key.indexOf(c.name());
        if (k >= 0) {
            key.set(k, newName);
        }
        ops.add(new SchemaChange.Rename(c.name(), newName));
    }

    private static ColumnSchema notNull(ColumnSchema c) {
        return new ColumnSchema(c.name(), c.dataType(), c.columnType(), false, c.charMaxLength(), c.numericPrecision(),
                c.numericScale(), c.datetimePrecision(), c.charset(), c.json());
    }

    static boolean sameType(ColumnSchema a, ColumnSchema b) {
        return a.dataType().equals(b.dataType()) && a.columnType().equalsIgnoreCase(b.columnType()) && a.nullable() == b.nullable()
                && Objects.equals(a.charMaxLength(), b.charMaxLength()) && Objects.equals(a.numericPrecision(), b.numericPrecision())
                && Objects.equals(a.numericScale(), b.numericScale()) && Objects.equals(a.datetimePrecision(), b.datetimePrecision())
                && Objects.equals(a.charset(), b.charset()) && a.json() == b.json();
    }

    /** MySQL column names are case-insensitive. */
    private static int indexOf(List<ColumnSchema> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private String tableCharset(TableSchema table) {
        for (ColumnSchema c : table.columns()) {
            if (c.charset() != null && !c.json() && ValueKind.of(table.id(), c) == ValueKind.TEXT) {
                return c.charset();
            }
        }
        return defaults.of(table.id());
    }

    private static ColumnSchema checked(TableId table, ColumnSchema c, String sql, BinlogPosition end) {
        try {
            ValueKind.of(table, c);
            return c;
        } catch (UnsupportedTypeException e) {
            throw new UnsupportedDdlException(table, sql, end, e.getMessage());
        }
    }

    private static UnsupportedDdlException unknownColumn(TableId table, String sql, BinlogPosition end, String column) {
        return new UnsupportedDdlException(table, sql, end, "Ferry's schema history has no column " + column
                + " in this table: the history and the source disagree");
    }
}

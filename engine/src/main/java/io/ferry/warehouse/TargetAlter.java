package io.ferry.warehouse;

import io.ferry.replication.ColumnSchema;
import io.ferry.replication.TableId;
import io.ferry.replication.TableSchema;
import io.ferry.replication.ValueKind;
import io.ferry.replication.schema.SchemaChange;
import io.ferry.replication.schema.SchemaChange.ColumnOp;
import io.ferry.replication.schema.SchemaChange.TableChange;
import io.ferry.warehouse.redshift.RedshiftDialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The warehouse statements that repeat a source DDL ({@link SchemaChange}) on the target tables. Added columns are
 * always nullable (the rows before the DDL have no value for them: NULL); a dropped column is dropped in the target;
 * a changed type is altered where the warehouse converts the values unchanged (PostgreSQL: within one kind of value,
 * or integer to a wider number; Redshift: only a wider VARCHAR), anything else is refused naming the table, column and
 * statement. Statements run in the transaction of the batch that ends at the DDL, except Redshift's VARCHAR widening,
 * which Redshift does not run in a transaction block: it runs just before, and is skipped when already done.
 */
public final class TargetAlter {
    private static final Pattern VARCHAR = Pattern.compile("VARCHAR\\((\\d+)\\)");
    /** Value kinds PostgreSQL converts into a wider type without changing them. */
    private static final Set<String> WIDENINGS = Set.of("INTEGER>UNSIGNED_BIGINT", "INTEGER>DECIMAL", "UNSIGNED_BIGINT>DECIMAL",
            "FLOAT>DOUBLE");

    /**
     * @param beforeTransaction idempotent statements to run (autocommit) before the batch's transaction
     * @param inTransaction     statements to run in the batch's transaction, after its rows
     */
    public record Plan(List<Widening> beforeTransaction, List<String> inTransaction) {
    }

    /** A Redshift VARCHAR widening, run only while the column is narrower than {@code bytes}. */
    public record Widening(String schema, String table, String column, long bytes, String sql) {
    }

    private TargetAlter() {
    }

    public static Plan plan(WarehouseDialect dialect, SchemaChange change) {
        List<Widening> before = new ArrayList<>();
        List<String> in = new ArrayList<>();
        boolean redshift = dialect instanceof RedshiftDialect;
        for (TableChange t : change.tables()) {
            switch (t.kind()) {
                case CREATE -> {
                    TargetTable target = dialect.target(t.after());
                    in.add("DROP TABLE IF EXISTS " + dialect.qualified(target.schema(), target.table()));
                    in.addAll(dialect.createTable(target));
                }
                case DROP -> in.add("DROP TABLE IF EXISTS " + name(dialect, t.before()));
                case TRUNCATE -> in.add("DELETE FROM " + name(dialect, t.before())); // TRUNCATE commits on Redshift
                case LEAVE -> {
                    // the table leaves the job: its warehouse table stays as it was
                }
                case RENAME -> rename(dialect, change, t, in);
                case ALTER -> alter(dialect, redshift, change, t, before, in);
            }
        }
        return new Plan(before, in);
    }

    private static String name(WarehouseDialect dialect, TableSchema source) {
        TargetTable target = dialect.target(source);
        return dialect.qualified(target.schema(), target.table());
    }

    private static void rename(WarehouseDialect dialect, SchemaChange change, TableChange t, List<String> in) {
        TargetTable from = dialect.target(t.before());
        TargetTable to = dialect.target(t.after());
        String current = dialect.qualified(from.schema(), from.table());
        if (!from.schema().equals(to.schema())) {
            if (dialect instanceof RedshiftDialect) {
                throw refused(t.before().id(), null, change, "Redshift cannot move a table to another schema ("
                        + from.schema() + " to " + to.schema() + ")");
            }
            in.add("CREATE SCHEMA IF NOT EXISTS " + dialect.quote(to.schema()));
            in.add("ALTER TABLE " + current + " SET SCHEMA " + dialect.quote(to.schema()));
            current = dialect.qualified(to.schema(), from.table());
        }
        if (!from.table().equals(to.table())) {
            in.add("ALTER TABLE " + current + " RENAME TO " + dialect.quote(to.table()));
        }
    }

    private static void alter(WarehouseDialect dialect, boolean redshift, SchemaChange change, TableChange t,
                              List<Widening> before, List<String> in) {
        TargetTable target = dialect.target(t.before());
        String table = dialect.qualified(target.schema(), target.table());
        TableId id = t.before().id();
        for (ColumnOp op : t.columns()) {
            if (op instanceof SchemaChange.Add add) {
                in.add("ALTER TABLE " + table + " ADD COLUMN " + dialect.quote(add.column().name()) + " "
                        + dialect.columnType(id, add.column()) + defaultClause(id, add));
            } else if (op instanceof SchemaChange.Drop drop) {
                in.add("ALTER TABLE " + table + " DROP COLUMN " + dialect.quote(drop.name()));
            } else if (op instanceof SchemaChange.Rename r) {
                in.add("ALTER TABLE " + table + " RENAME COLUMN " + dialect.quote(r.from()) + " TO "
                        + dialect.quote(r.to()));
            } else if (op instanceof SchemaChange.Modify m) {
                modify(dialect, redshift, change, id, target, table, m, before, in);
            }
        }
        if (redshift) {
            RedshiftDialect r = (RedshiftDialect) dialect;
            if (r.flagsTruncation(t.after()) && !r.flagsTruncation(t.before())) {
                in.add("ALTER TABLE " + table + " ADD COLUMN " + dialect.quote(RedshiftDialect.TRUNCATED) + " BOOLEAN NOT NULL DEFAULT FALSE");
            }
        }
    }

    /**
     * {@code DEFAULT <constant>} when MySQL filled the existing rows with a constant that reads the same in the
     * warehouse (numbers, text, dates): the warehouse rows then hold it too. The default stays on the warehouse
     * column, harmlessly: Ferry writes every column of every row.
     */
    private static String defaultClause(TableId table, SchemaChange.Add add) {
        String value = add.defaultValue();
        if (value == null) {
            return "";
        }
        return switch (ValueKind.of(table, add.column())) {
            case INTEGER, UNSIGNED_BIGINT, DECIMAL, FLOAT, DOUBLE -> value.matches("-?\\d+(\\.\\d+)?") ? " DEFAULT " + value : "";
            case TEXT -> add.column().dataType().equals("set") ? "" : " DEFAULT '" + value.replace("'", "''") + "'";
            case DATE, DATETIME -> value.matches("[0-9: .-]+") && !value.startsWith("0000") ? " DEFAULT '" + value + "'" : "";
            default -> "";
        };
    }

    private static void modify(WarehouseDialect dialect, boolean redshift, SchemaChange change, TableId id, TargetTable target,
                               String table, SchemaChange.Modify m, List<Widening> before, List<String> in) {
        ColumnSchema was = m.before();
        ColumnSchema now = m.after();
        String column = dialect.quote(now.name());
        String oldType = dialect.columnType(id, was);
        String newType = dialect.columnType(id, now);
        if (!oldType.equals(newType)) {
            if (redshift) {
                Matcher o = VARCHAR.matcher(oldType);
                Matcher n = VARCHAR.matcher(newType);
                if (!o.matches() || !n.matches() || Long.parseLong(n.group(1)) < Long.parseLong(o.group(1))) {
                    throw refused(id, now.name(), change, "Redshift only widens a VARCHAR, and this changes " + oldType + " to "
                            + newType);
                }
                before.add(new Widening(target.schema(), target.table(), now.name(), Long.parseLong(n.group(1)),
                        "ALTER TABLE " + table + " ALTER COLUMN " + column + " TYPE " + newType));
            } else {
                ValueKind from = ValueKind.of(id, was);
                ValueKind to = ValueKind.of(id, now);
                if (from != to && !WIDENINGS.contains(from + ">" + to)) {
                    throw refused(id, now.name(), change, "it changes " + was.columnType() + " to " + now.columnType()
                            + ", which Ferry cannot convert in the warehouse without changing values");
                }
                in.add("ALTER TABLE " + table + " ALTER COLUMN " + column + " TYPE " + newType);
            }
        }
        if (now.nullable() && !was.nullable()) {
            if (redshift) {
                throw refused(id, now.name(), change, "Redshift cannot make a NOT NULL column nullable");
            }
            in.add("ALTER TABLE " + table + " ALTER COLUMN " + column + " DROP NOT NULL");
        }
        // NOT NULL added at the source is not repeated: the warehouse column stays nullable (rows from before a
        // later ADD COLUMN hold NULL there)
    }

    /** The width check before a Redshift widening (parameters: schema, table, column; folded to lower case). */
    public static final String COLUMN_WIDTH = "SELECT character_maximum_length FROM information_schema.columns "
            + "WHERE table_schema = ? AND table_name = ? AND column_name = ?";

    /**
     * One example of every statement kind a DDL on {@code source} can emit ("add-column", "drop-column", ...), for
     * docs/redshift-sql.md and the rule checks: a nullable VARCHAR added, a non-key column dropped and another
     * renamed, the first VARCHAR widened, the table renamed.
     */
    public static java.util.Map<String, String> examples(WarehouseDialect dialect, TableSchema source) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        io.ferry.replication.BinlogPosition at = io.ferry.replication.BinlogPosition.of("mariadb-bin.000001", 4);
        ColumnSchema added = new ColumnSchema("added_note", "varchar", "varchar(40)", true, 40L, null, null, null, "utf8mb4", false);
        List<ColumnOp> ops = new ArrayList<>();
        ops.add(new SchemaChange.Add(added, null));
        List<ColumnSchema> columns = new ArrayList<>(source.columns());
        columns.add(added);
        ColumnSchema other = source.columns().stream().filter(c -> !source.primaryKey().contains(c.name())).findFirst().orElse(null);
        if (other != null) {
            ops.add(new SchemaChange.Rename(other.name(), "renamed_column"));
            ops.add(new SchemaChange.Drop("renamed_column"));
            columns.remove(other);
        }
        ColumnSchema wider = new ColumnSchema("added_note", "varchar", "varchar(400)", true, 400L, null, null, null, "utf8mb4", false);
        ops.add(new SchemaChange.Modify(added, wider));
        columns.set(columns.indexOf(added), wider);
        TableSchema after = new TableSchema(source.id(), columns, source.primaryKey());
        SchemaChange alter = new SchemaChange("ALTER TABLE ...", at, List.of(new TableChange(SchemaChange.Kind.ALTER, source, after, ops)),
                List.of());
        Plan plan = plan(dialect, alter);
        String[] names = {"add-column", "rename-column", "drop-column"};
        for (int i = 0; i < plan.inTransaction().size() && i < names.length; i++) {
            out.put(names[other == null && i > 0 ? 2 : i], plan.inTransaction().get(i));
        }
        plan.beforeTransaction().forEach(w -> out.put("widen-varchar", w.sql()));
        out.put("column-width", COLUMN_WIDTH);
        TableSchema renamed = new TableSchema(new TableId(source.id().schema(), "renamed_table"), source.columns(),
                source.primaryKey());
        plan(dialect, new SchemaChange("RENAME TABLE ...", at, List.of(new TableChange(SchemaChange.Kind.RENAME, source, renamed,
                List.of())), List.of())).inTransaction().forEach(sql -> out.put("rename-table", sql));
        return out;
    }

    private static IllegalStateException refused(TableId table, String column, SchemaChange change, String why) {
        return new IllegalStateException("Ferry cannot repeat in the warehouse the statement on " + table
                + (column == null ? "" : ", column " + column) + " at binlog position " + change.at() + ": "
                + change.ddl().replaceAll("\\s+", " ").trim() + " (" + why + "). To go on, exclude the table from the job, or "
                + "replicate it anew (delete the job's rows in ferry_replication.checkpoint and ferry_replication.schema_history, "
                + "then start the job with target preparation drop-and-create).");
    }
}

package io.ferry.warehouse;

import io.ferry.replication.ForeignKey;
import io.ferry.replication.TableSchema;

import java.util.List;
import java.util.StringJoiner;
import java.util.function.BinaryOperator;

/**
 * The SQL of the foreign-key actions ({@link Cascades}), the same for PostgreSQL and Redshift: plain joins, GROUP BY,
 * {@code UPDATE ... FROM}, {@code DELETE ... USING} and {@code INSERT ... SELECT}, no recursion, no window function,
 * no alias on a table being changed (Redshift allows none), and every column name distinct across the tables joined
 * so that nothing needs qualifying in a SET clause.
 *
 * <p>Two kinds of scratch tables. An <em>events</em> table per referenced key of a parent: {@code e_o*} the key
 * before, {@code e_seq} the batch sequence number, {@code e_kind} 'D' (deleted) or 'U' (changed to {@code e_n*}).
 * A <em>work</em> table per foreign key: the child rows concerned ({@code w_k*} their primary key), the key they
 * reference now ({@code w_c*}), the sequence number their state is at ({@code w_at}: of their last change in the
 * batch, 0 if none), their state {@code w_st} ('L' live, 'D' deleted, 'N' set to NULL), whether the reference moved
 * ({@code w_mv}) and whether their deletion went into the events of their own children ({@code w_em}).
 */
public final class CascadeStatements {
    /** The staging tables' column with the batch sequence number of the row's last change. */
    public static final String STAGE_SEQ = "_ferry_seq";

    private final WarehouseDialect dialect;
    private final BinaryOperator<String> createTempAs;

    /** @param createTempAs (quoted name, SELECT) → the statement creating a temporary table from the SELECT */
    public CascadeStatements(WarehouseDialect dialect, BinaryOperator<String> createTempAs) {
        this.dialect = dialect;
        this.createTempAs = createTempAs;
    }

    public String target(TableSchema schema) {
        TargetTable t = dialect.target(schema);
        return dialect.qualified(t.schema(), t.table());
    }

    private String targetName(TableSchema schema) {
        return dialect.quote(dialect.target(schema).table());
    }

    private String q(String name) {
        return dialect.quote(name);
    }

    /** The empty events table of a parent's referenced key, typed like the parent's columns. */
    public String createEvents(String events, TableSchema parent, List<String> key) {
        StringJoiner select = new StringJoiner(", ", "SELECT ", "");
        for (int i = 0; i < key.size(); i++) {
            select.add("p." + q(key.get(i)) + " AS " + q("e_o" + i));
        }
        select.add("CAST(0 AS BIGINT) AS " + q("e_seq")).add("CAST('D' AS CHAR(1)) AS " + q("e_kind"));
        for (int i = 0; i < key.size(); i++) {
            select.add("p." + q(key.get(i)) + " AS " + q("e_n" + i));
        }
        return createTempAs.apply(q(events), select + " FROM " + target(parent) + " AS p WHERE 1 = 0");
    }

    /** The events table's columns in load order: the key before, seq, kind, the key after. */
    public List<String> eventColumns(int keySize) {
        List<String> columns = new java.util.ArrayList<>();
        for (int i = 0; i < keySize; i++) {
            columns.add(q("e_o" + i));
        }
        columns.add(q("e_seq"));
        columns.add(q("e_kind"));
        for (int i = 0; i < keySize; i++) {
            columns.add(q("e_n" + i));
        }
        return columns;
    }

    /** The child rows that reference a key with events: the work table of {@code fk}. */
    public String createWork(String work, String events, ForeignKey fk, TableSchema child, String stage) {
        return createTempAs.apply(q(work), candidates(events, fk, child, stage, null));
    }

    /** The child rows that reference a key with events and are not in the work table yet (a tree's next level). */
    public String addToWork(String work, String events, ForeignKey fk, TableSchema child, String stage) {
        return "INSERT INTO " + q(work) + " " + candidates(events, fk, child, stage, work);
    }

    private String candidates(String events, ForeignKey fk, TableSchema child, String stage, String notIn) {
        StringJoiner select = new StringJoiner(", ", "SELECT DISTINCT ", "");
        List<String> pk = child.primaryKey();
        for (int i = 0; i < pk.size(); i++) {
            select.add("c." + q(pk.get(i)) + " AS " + q("w_k" + i));
        }
        for (int i = 0; i < fk.childColumns().size(); i++) {
            select.add("c." + q(fk.childColumns().get(i)) + " AS " + q("w_c" + i));
        }
        select.add((stage == null ? "CAST(0 AS BIGINT)" : "COALESCE(s." + q(STAGE_SEQ) + ", 0)") + " AS " + q("w_at"));
        select.add("CAST('L' AS CHAR(1)) AS " + q("w_st")).add("CAST(0 AS INTEGER) AS " + q("w_mv")).add("CAST(0 AS INTEGER) AS " + q("w_em"));
        StringBuilder sql = new StringBuilder(select.toString()).append(" FROM ").append(target(child)).append(" AS c JOIN ")
                .append(q(events)).append(" AS e ON ");
        StringJoiner on = new StringJoiner(" AND ");
        for (int i = 0; i < fk.childColumns().size(); i++) {
            on.add("c." + q(fk.childColumns().get(i)) + " = e." + q("e_o" + i));
        }
        sql.append(on);
        if (stage != null) {
            StringJoiner same = new StringJoiner(" AND ");
            pk.forEach(k -> same.add("s." + q(k) + " = c." + q(k)));
            sql.append(" LEFT JOIN ").append(q(stage)).append(" AS s ON ").append(same);
        }
        if (notIn != null) {
            StringJoiner same = new StringJoiner(" AND ");
            for (int i = 0; i < pk.size(); i++) {
                same.add("x." + q("w_k" + i) + " = c." + q(pk.get(i)));
            }
            sql.append(" WHERE NOT EXISTS (SELECT 1 FROM ").append(q(notIn)).append(" AS x WHERE ").append(same).append(")");
        }
        return sql.toString();
    }

    /**
     * Moves every live work row one step: to the first event on the key it references after the state it is at; what
     * the event does to it is the foreign key's action. Run until it changes no row (a chain of key changes takes
     * one run per link).
     */
    public String step(String work, String events, ForeignKey fk, TableSchema child) {
        int nk = child.primaryKey().size();
        int nc = fk.childColumns().size();
        StringJoiner keys = new StringJoiner(", ");
        StringJoiner groupOn = new StringJoiner(" AND ");
        for (int i = 0; i < nk; i++) {
            keys.add("w." + q("w_k" + i) + " AS " + q("x_k" + i));
        }
        for (int i = 0; i < nc; i++) {
            groupOn.add("f." + q("e_o" + i) + " = w." + q("w_c" + i));
        }
        StringJoiner group = new StringJoiner(", ");
        for (int i = 0; i < nk; i++) {
            group.add("w." + q("w_k" + i));
        }
        String next = "(SELECT " + keys + ", MIN(f." + q("e_seq") + ") AS " + q("x_seq") + " FROM " + q(work) + " AS w JOIN "
                + q(events) + " AS f ON " + groupOn + " AND f." + q("e_seq") + " > w." + q("w_at") + " WHERE w." + q("w_st")
                + " = 'L' GROUP BY " + group + ")";
        ForeignKey.Action onDelete = fk.onDelete();
        ForeignKey.Action onUpdate = fk.onUpdate();
        String deleted = "e." + q("e_kind") + " = 'D'";
        StringJoiner set = new StringJoiner(", ");
        set.add(q("w_st") + " = CASE WHEN " + deleted + " THEN " + state(onDelete, true) + " ELSE " + state(onUpdate, false) + " END");
        for (int i = 0; i < nc; i++) {
            String keep = q("w_c" + i);
            String none = "NULLIF(" + keep + ", " + keep + ")"; // a NULL of the column's type (a bare NULL in a CASE is text)
            set.add(keep + " = CASE WHEN " + deleted + " THEN " + (onDelete == ForeignKey.Action.SET_NULL ? none : keep)
                    + " ELSE " + (onUpdate == ForeignKey.Action.CASCADE ? "e." + q("e_n" + i) : onUpdate == ForeignKey.Action.SET_NULL ? none : keep)
                    + " END");
        }
        boolean moves = onUpdate.changesChildren();
        set.add(q("w_mv") + " = " + (moves ? "CASE WHEN " + deleted + " THEN " + q("w_mv") + " ELSE 1 END" : q("w_mv")));
        set.add(q("w_at") + " = e." + q("e_seq"));
        StringJoiner where = new StringJoiner(" AND ");
        for (int i = 0; i < nk; i++) {
            where.add(q(work) + "." + q("w_k" + i) + " = n." + q("x_k" + i));
        }
        for (int i = 0; i < nc; i++) {
            where.add("e." + q("e_o" + i) + " = " + q(work) + "." + q("w_c" + i));
        }
        where.add("e." + q("e_seq") + " = n." + q("x_seq"));
        return "UPDATE " + q(work) + " SET " + set + " FROM " + next + " AS n, " + q(events) + " AS e WHERE " + where;
    }

    private static String state(ForeignKey.Action action, boolean delete) {
        return switch (action) {
            case CASCADE -> delete ? "'D'" : "'L'";
            case SET_NULL -> "'N'";
            default -> "'L'"; // RESTRICT / NO ACTION: the source refused the step if a child referenced the key then
        };
    }

    /** The deletions of child rows go into the events of a key the child's own children reference. */
    public String emitDeletes(String childEvents, List<String> childKey, String work, TableSchema child) {
        StringJoiner into = new StringJoiner(", ");
        StringJoiner select = new StringJoiner(", ");
        StringJoiner where = new StringJoiner(" AND ");
        for (int i = 0; i < childKey.size(); i++) {
            into.add(q("e_o" + i));
            select.add("c." + q(childKey.get(i)));
            where.add("c." + q(childKey.get(i)) + " IS NOT NULL");
        }
        into.add(q("e_seq")).add(q("e_kind"));
        select.add("w." + q("w_at")).add("'D'");
        List<String> pk = child.primaryKey();
        for (int i = 0; i < pk.size(); i++) {
            where.add("c." + q(pk.get(i)) + " = w." + q("w_k" + i));
        }
        where.add("w." + q("w_st") + " = 'D'").add("w." + q("w_em") + " = 0");
        return "INSERT INTO " + q(childEvents) + " (" + into + ") SELECT " + select + " FROM " + target(child) + " AS c JOIN "
                + q(work) + " AS w ON " + where;
    }

    public String markEmitted(String work) {
        return "UPDATE " + q(work) + " SET " + q("w_em") + " = 1 WHERE " + q("w_st") + " = 'D' AND " + q("w_em") + " = 0";
    }

    /** Removes the child rows whose parent went with ON DELETE CASCADE. */
    public String deleteChildren(String work, TableSchema child) {
        return "DELETE FROM " + target(child) + " USING " + q(work) + " WHERE " + sameRow(work, child) + " AND " + q(work) + "."
                + q("w_st") + " = 'D'";
    }

    /** Sets the references that moved (ON UPDATE CASCADE) or became NULL (SET NULL). */
    public String updateChildren(String work, ForeignKey fk, TableSchema child) {
        StringJoiner set = new StringJoiner(", ");
        for (int i = 0; i < fk.childColumns().size(); i++) {
            set.add(q(fk.childColumns().get(i)) + " = " + q(work) + "." + q("w_c" + i));
        }
        return "UPDATE " + target(child) + " SET " + set + " FROM " + q(work) + " WHERE " + sameRow(work, child) + " AND ("
                + q(work) + "." + q("w_st") + " = 'N' OR (" + q(work) + "." + q("w_st") + " = 'L' AND " + q(work) + "." + q("w_mv")
                + " = 1))";
    }

    private String sameRow(String work, TableSchema child) {
        StringJoiner same = new StringJoiner(" AND ");
        List<String> pk = child.primaryKey();
        for (int i = 0; i < pk.size(); i++) {
            same.add(targetName(child) + "." + q(pk.get(i)) + " = " + q(work) + "." + q("w_k" + i));
        }
        return same.toString();
    }

    public String drop(String table) {
        return "DROP TABLE " + q(table);
    }
}

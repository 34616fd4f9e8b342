package io.ferry.warehouse;

import io.ferry.replication.ColumnSchema;
import io.ferry.replication.TableSchema;

import java.util.StringJoiner;

/**
 * The one PostgreSQL MERGE that applies a staged batch to a target table by primary key: staged deletions delete,
 * the other staged rows update or insert. Rows carry full images, so applying it twice changes nothing.
 */
public final class MergeStatement {
    private MergeStatement() {
    }

    /**
     * The same effect as {@link #sql} with {@code DELETE … USING} then {@code INSERT … ON CONFLICT DO UPDATE}, for the
     * comparison issue 3 asks for (system property {@code ferry.apply=upsert}).
     */
    public static String upsertSql(WarehouseDialect dialect, TableSchema schema, String target, String stage) {
        StringJoiner on = new StringJoiner(" AND ");
        StringJoiner key = new StringJoiner(", ");
        schema.primaryKey().forEach(k -> {
            on.add("t." + dialect.quote(k) + " = s." + dialect.quote(k));
            key.add(dialect.quote(k));
        });
        StringJoiner set = new StringJoiner(", ");
        StringJoiner columns = new StringJoiner(", ");
        for (ColumnSchema c : schema.columns()) {
            String q = dialect.quote(c.name());
            columns.add(q);
            if (!schema.primaryKey().contains(c.name())) {
                set.add(q + " = EXCLUDED." + q);
            }
        }
        String deleted = dialect.quote(PostgresWarehouse.DELETED);
        return "DELETE FROM " + target + " AS t USING " + stage + " AS s WHERE s." + deleted + " AND " + on + ";\n"
                + "INSERT INTO " + target + " (" + columns + ") SELECT " + columns + " FROM " + stage + " WHERE NOT " + deleted
                + " ON CONFLICT (" + key + ") DO " + (set.length() > 0 ? "UPDATE SET " + set : "NOTHING");
    }

    /**
     * {@code merge} run with hash and merge joins off, in one round trip: the planner then probes the target's primary
     * key once per staged row (a nested loop), so a batch costs what its rows cost. Left to itself, it scans the whole
     * target index for a merge or hash join, and a batch gets slower as the table grows: 50,000 staged rows against
     * 1M target rows took 530-580 ms that way and 190 ms probing (docs/benchmarks.md). Reset right after, so that
     * the cascades of the same transaction plan freely.
     */
    public static String indexJoined(String merge) {
        return "SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off; " + merge
                + "; RESET enable_hashjoin; RESET enable_mergejoin";
    }

    public static String sql(WarehouseDialect dialect, TableSchema schema, String target, String stage) {
        StringJoiner on = new StringJoiner(" AND ");
        schema.primaryKey().forEach(k -> on.add("t." + dialect.quote(k) + " = s." + dialect.quote(k)));
        StringJoiner set = new StringJoiner(", ");
        StringJoiner columns = new StringJoiner(", ");
        StringJoiner values = new StringJoiner(", ");
        for (ColumnSchema c : schema.columns()) {
            String q = dialect.quote(c.name());
            columns.add(q);
            values.add("s." + q);
            if (!schema.primaryKey().contains(c.name())) {
                set.add(q + " = s." + q);
            }
        }
        String deleted = "s." + dialect.quote(PostgresWarehouse.DELETED);
        return "MERGE INTO " + target + " AS t USING " + stage + " AS s ON " + on
                + " WHEN MATCHED AND " + deleted + " THEN DELETE"
                + (set.length() > 0 ? " WHEN MATCHED THEN UPDATE SET " + set : "")
                + " WHEN NOT MATCHED AND NOT " + deleted + " THEN INSERT (" + columns + ") VALUES (" + values + ")";
    }
}

package io.ferry.replication.validate;

import io.ferry.replication.SnapshotReader;
import io.ferry.replication.TableSchema;
import io.ferry.warehouse.CopyText;
import io.ferry.warehouse.PostgresDialect;
import io.ferry.warehouse.TargetTable;
import org.postgresql.PGConnection;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;

/**
 * Compares one source table with its PostgreSQL copy, chunk by chunk in primary-key order. Each source chunk is read
 * through Ferry's snapshot path (the canonical values the apply writes) and COPYed into a temporary table in the
 * warehouse that has the target's column types, so both sides are compared as the same PostgreSQL values — no
 * checksum has to canonicalise two servers' types alike. Per chunk: keys missing from the target and keys whose
 * values differ (compared as text, column by column); at the end, target keys no chunk had (extra). Ranges are never
 * compared in the warehouse: MySQL and PostgreSQL collations order strings differently, so keys are matched exactly.
 *
 * <p>While the job streams, a chunk can differ only because the warehouse lags (or leads) the source: a chunk that
 * differs is read again from the source, and compared once the job's checkpoint has passed the source's binlog head
 * read after that ({@link CatchUp}) — rows not changed since the read must then be equal — up to {@value #ATTEMPTS}
 * attempts in all; only keys that differ in every attempt are reported. Extra keys are re-checked the same way and then
 * looked up at the source (a row inserted after its chunk was read is not extra).
 */
final class TableValidator {
    static final int ATTEMPTS = 3;
    /** Extra keys looked up at the source one by one after the re-check; any beyond stay counted as extra. */
    private static final int MAX_LOOKUPS = 10_000;
    private static final String SRC = "ferry_validate_src";
    private static final String KEYS = "ferry_validate_keys";

    private final Connection source;
    private final Connection warehouse;
    private final PostgresDialect dialect;
    private final TableSchema schema;
    private final TargetTable target;
    private final int chunkRows;
    private final int listed;
    private final CatchUp catchUp;
    private final String targetName;
    private final List<String> columns = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();
    private String unsettled;
    private int rechecked;

    TableValidator(Connection source, Connection warehouse, PostgresDialect dialect, TableSchema schema, int chunkRows,
                   int listed, CatchUp catchUp) {
        this.source = source;
        this.warehouse = warehouse;
        this.dialect = dialect;
        this.schema = schema;
        this.target = dialect.target(schema);
        this.chunkRows = chunkRows;
        this.listed = listed;
        this.catchUp = catchUp;
        this.targetName = dialect.qualified(target.schema(), target.table());
        schema.columns().forEach(c -> columns.add(dialect.quote(c.name())));
        schema.primaryKey().forEach(k -> keys.add(dialect.quote(k)));
    }

    TableDiff run(String suspended) throws SQLException, InterruptedException {
        if (!exists()) {
            long rows = sourceRows();
            return new TableDiff(schema.id(), target.toString(), rows, 0, 0, 0, List.of(), new TableDiff.Keys(rows, List.of()),
                    TableDiff.Keys.NONE, TableDiff.Keys.NONE, suspended, "the target table " + target + " does not exist");
        }
        prepare();
        SnapshotReader reader = new SnapshotReader(schema, chunkRows);
        List<TableDiff.Chunk> differing = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> different = new ArrayList<>();
        long missingCount = 0;
        long differentCount = 0;
        long sourceRows = 0;
        Object[] after = null;
        int chunk = 0;
        while (true) {
            List<Object[]> rows = reader.readChunk(source, after);
            if (rows.isEmpty()) {
                break;
            }
            chunk++;
            Compared c = compare(rows, chunk);
            // Only keys that differ in every attempt count: a row changed between the source read and the comparison
            // differs in one attempt, not in all of them.
            for (int attempt = 1; attempt < ATTEMPTS && !c.equal(); attempt++) {
                List<Object[]> again = reader.readChunk(source, after);
                if (again.isEmpty() || !caughtUp()) {
                    break;
                }
                rows = again;
                c = c.retain(compare(rows, chunk));
            }
            sourceRows += rows.size();
            if (!c.equal()) {
                differing.add(new TableDiff.Chunk(chunk, keyText(reader.keyOf(rows.get(0))),
                        keyText(reader.keyOf(rows.get(rows.size() - 1))), rows.size(), c.missing.size(), c.different.size()));
                missingCount += c.missing.size();
                differentCount += c.different.size();
                addUpTo(missing, c.missing);
                addUpTo(different, c.different);
            }
            after = reader.keyOf(rows.get(rows.size() - 1));
        }
        TableDiff.Keys extra = extra();
        return new TableDiff(schema.id(), target.toString(), sourceRows, warehouseRows(), chunk, rechecked, differing,
                new TableDiff.Keys(missingCount, missing), extra, new TableDiff.Keys(differentCount, different), suspended,
                unsettled);
    }

    /** The keys of a chunk missing from the warehouse and those with different values. */
    private record Compared(java.util.Set<String> missing, java.util.Set<String> different) {
        boolean equal() {
            return missing.isEmpty() && different.isEmpty();
        }

        Compared retain(Compared later) {
            missing.retainAll(later.missing);
            different.retainAll(later.different);
            return this;
        }
    }

    private boolean caughtUp() throws SQLException, InterruptedException {
        rechecked++;
        String why = catchUp.await();
        if (why != null) {
            unsettled = why;
        }
        return why == null;
    }

    private void prepare() throws SQLException {
        try (Statement st = warehouse.createStatement()) {
            st.execute("DROP TABLE IF EXISTS pg_temp." + SRC);
            st.execute("DROP TABLE IF EXISTS pg_temp." + KEYS);
            st.execute("CREATE TEMPORARY TABLE " + SRC + " AS SELECT " + String.join(", ", columns) + " FROM " + targetName
                    + " WITH NO DATA");
            st.execute("CREATE TEMPORARY TABLE " + KEYS + " AS SELECT " + String.join(", ", keys) + ", 0 AS ferry_chunk FROM "
                    + targetName + " WITH NO DATA");
        }
    }

    private Compared compare(List<Object[]> rows, int chunk) throws SQLException {
        try (Statement st = warehouse.createStatement()) {
            st.execute("TRUNCATE " + SRC);
            st.execute("DELETE FROM " + KEYS + " WHERE ferry_chunk = " + chunk);
        }
        StringBuilder text = new StringBuilder();
        String context = schema.id().toString();
        rows.forEach(r -> CopyText.appendRow(text, r, context));
        try {
            warehouse.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + SRC + " (" + String.join(", ", columns)
                    + ") FROM STDIN", new StringReader(text.toString()));
        } catch (java.io.IOException e) {
            throw new SQLException("Copying a chunk of " + schema.id() + " into the warehouse failed: " + e.getMessage(), e);
        }
        try (Statement st = warehouse.createStatement()) {
            st.execute("INSERT INTO " + KEYS + " SELECT " + String.join(", ", keys) + ", " + chunk + " FROM " + SRC);
        }
        java.util.Set<String> missing = new java.util.LinkedHashSet<>();
        keyValues("FROM " + SRC + " s WHERE NOT EXISTS (SELECT 1 FROM " + targetName + " t WHERE " + join("s", "t") + ")", "s")
                .forEach(k -> missing.add(keyText(k.toArray())));
        java.util.Set<String> different = new java.util.LinkedHashSet<>();
        keyValues("FROM " + SRC + " s JOIN " + targetName + " t ON " + join("s", "t") + " WHERE " + row("s")
                + " IS DISTINCT FROM " + row("t"), "s").forEach(k -> different.add(keyText(k.toArray())));
        return new Compared(missing, different);
    }

    /** Target keys no source chunk had; re-checked after the job caught up, and looked up at the source. */
    private TableDiff.Keys extra() throws SQLException, InterruptedException {
        String from = "FROM " + targetName + " t WHERE NOT EXISTS (SELECT 1 FROM " + KEYS + " k WHERE " + join("k", "t") + ")";
        TableDiff.Keys extra = keys(from, "t");
        if (extra.count() == 0 || !caughtUp()) {
            return extra;
        }
        // after the catch-up: a key the warehouse has and the source has now was inserted after its chunk was read
        List<List<String>> candidates = keyValues(from + " LIMIT " + MAX_LOOKUPS, "t");
        long gone = 0;
        List<String> still = new ArrayList<>();
        for (List<String> key : candidates) {
            if (atSource(key)) {
                gone++;
            } else if (still.size() < listed) {
                still.add(keyText(key.toArray()));
            }
        }
        long total = keys(from, "t").count();
        return new TableDiff.Keys(Math.max(0, total - gone), still);
    }

    /** Whether the source has this key now (the key's values as PostgreSQL prints them; MySQL converts them back). */
    private boolean atSource(List<String> key) throws SQLException {
        StringJoiner where = new StringJoiner(" AND ");
        schema.primaryKey().forEach(k -> where.add("`" + k.replace("`", "``") + "` = ?"));
        try (PreparedStatement st = source.prepareStatement("SELECT 1 FROM `" + schema.id().schema().replace("`", "``")
                + "`.`" + schema.id().table().replace("`", "``") + "` WHERE " + where)) {
            for (int i = 0; i < key.size(); i++) {
                st.setString(i + 1, key.get(i));
            }
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    private TableDiff.Keys keys(String fromWhere, String alias) throws SQLException {
        long count;
        try (Statement st = warehouse.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) " + fromWhere)) {
            rs.next();
            count = rs.getLong(1);
        }
        if (count == 0) {
            return TableDiff.Keys.NONE;
        }
        List<String> list = new ArrayList<>();
        for (List<String> key : keyValues(fromWhere + " LIMIT " + listed, alias)) {
            list.add(keyText(key.toArray()));
        }
        return new TableDiff.Keys(count, list);
    }

    private List<List<String>> keyValues(String fromWhere, String alias) throws SQLException {
        StringJoiner select = new StringJoiner(", ");
        keys.forEach(k -> select.add(alias + "." + k + "::text"));
        List<List<String>> out = new ArrayList<>();
        try (Statement st = warehouse.createStatement(); ResultSet rs = st.executeQuery("SELECT " + select + " " + fromWhere)) {
            while (rs.next()) {
                List<String> key = new ArrayList<>();
                for (int i = 1; i <= keys.size(); i++) {
                    key.add(rs.getString(i));
                }
                out.add(key);
            }
        }
        return out;
    }

    private String join(String a, String b) {
        StringJoiner on = new StringJoiner(" AND ");
        keys.forEach(k -> on.add(a + "." + k + " = " + b + "." + k));
        return on.toString();
    }

    private String row(String alias) {
        StringJoiner r = new StringJoiner(", ", "ROW(", ")");
        columns.forEach(c -> r.add(alias + "." + c + "::text"));
        return r.toString();
    }

    /** {@code id=5}, or {@code (k1, k2)=(a, 3)} for a composite key. */
    private String keyText(Object[] values) {
        StringJoiner v = new StringJoiner(", ");
        for (Object o : values) {
            v.add(o == null ? "NULL" : o instanceof byte[] b ? "0x" + HexFormat.of().formatHex(b) : o.toString());
        }
        return keys.size() == 1 ? schema.primaryKey().get(0) + "=" + v
                : "(" + String.join(", ", schema.primaryKey()) + ")=(" + v + ")";
    }

    private void addUpTo(List<String> into, java.util.Collection<String> more) {
        for (String key : more) {
            if (into.size() < listed) {
                into.add(key);
            }
        }
    }

    private boolean exists() throws SQLException {
        try (PreparedStatement st = warehouse.prepareStatement("SELECT to_regclass(?)")) {
            st.setString(1, targetName);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getString(1) != null;
            }
        }
    }

    private long sourceRows() throws SQLException {
        try (Statement st = source.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM `"
                + schema.id().schema().replace("`", "``") + "`.`" + schema.id().table().replace("`", "``") + "`")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long warehouseRows() throws SQLException {
        try (Statement st = warehouse.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + targetName)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

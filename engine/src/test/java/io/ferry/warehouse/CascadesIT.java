package io.ferry.warehouse;

import io.ferry.replication.BinlogPosition;
import io.ferry.replication.CascadePlan;
import io.ferry.replication.ColumnSchema;
import io.ferry.replication.ForeignKey;
import io.ferry.replication.Operation;
import io.ferry.replication.RowChange;
import io.ferry.replication.TableId;
import io.ferry.replication.TableSchema;
import io.ferry.sandbox.DatabaseEndpoint;
import io.ferry.sandbox.SandboxEndpoints;
import io.ferry.sandbox.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The foreign-key actions of ONE batch against the real PostgreSQL of the sandbox, with the batch built by hand so
 * that every change is certainly in it (ReplicationIT does the same through MariaDB, where the catch-up usually makes
 * one batch): deletes, re-keyings in a chain, a key freed and reused, a unique key, a tree, children written before
 * and after their parent's change. The expected rows are what InnoDB leaves at the source.
 */
@ExtendWith(SandboxExtension.class)
class CascadesIT {
    private static final String S = "ferry_cascades_it";
    private static final TableId PARENT = new TableId(S, "parent");
    private static final TableId CHILD = new TableId(S, "child");
    private static final TableId NUL = new TableId(S, "nul");
    private static final TableId BY_CODE = new TableId(S, "by_code");
    private static final TableId NODE = new TableId(S, "node");

    private final DatabaseEndpoint postgres;
    private final Map<TableId, TableSchema> schemas = new LinkedHashMap<>();
    private final CascadePlan plan;
    private long seq;

    CascadesIT(SandboxEndpoints endpoints) {
        this.postgres = endpoints.postgres();
        schemas.put(PARENT, table(PARENT, "id", "code"));
        schemas.put(CHILD, table(CHILD, "id", "pid", "v"));
        schemas.put(NUL, table(NUL, "id", "pid"));
        schemas.put(BY_CODE, table(BY_CODE, "id", "code"));
        schemas.put(NODE, table(NODE, "id", "parent_id"));
        plan = new CascadePlan(List.of(
                new ForeignKey("child_pid", CHILD, List.of("pid"), PARENT, List.of("id"), ForeignKey.Action.CASCADE, ForeignKey.Action.CASCADE),
                new ForeignKey("nul_pid", NUL, List.of("pid"), PARENT, List.of("id"), ForeignKey.Action.SET_NULL, ForeignKey.Action.SET_NULL),
                new ForeignKey("by_code", BY_CODE, List.of("code"), PARENT, List.of("code"), ForeignKey.Action.CASCADE,
                        ForeignKey.Action.CASCADE),
                new ForeignKey("tree", NODE, List.of("parent_id"), NODE, List.of("id"), ForeignKey.Action.CASCADE, ForeignKey.Action.RESTRICT)),
                schemas);
    }

    private static TableSchema table(TableId id, String... columns) {
        List<ColumnSchema> cols = new ArrayList<>();
        for (String c : columns) {
            boolean text = c.equals("code") || c.equals("v");
            cols.add(new ColumnSchema(c, text ? "varchar" : "int", text ? "varchar(10)" : "int(11)", !c.equals("id"),
                    text ? 10L : null, text ? null : 10, text ? null : 0, null, text ? "utf8mb4" : null, false));
        }
        return new TableSchema(id, cols, List.of("id"));
    }

    @Test
    void oneBatchOfDeletesReKeyingsUniqueKeysAndTreeDeletionsEndsAsTheSourceDoes() throws Exception {
        assertThat(plan.problems()).isEmpty();
        try (PostgresWarehouse warehouse = new PostgresWarehouse(new WarehouseEndpoint(postgres.jdbcUrl(), postgres.user(),
                postgres.password()), new PostgresDialect(), Clock.systemUTC())) {
            warehouse.knowSchemas(schemas.values());
            List<TargetTable> targets = schemas.values().stream().map(s -> new PostgresDialect().target(s)).toList();
            Checkpoint first = new Checkpoint("cascades-it-" + System.nanoTime(), BinlogPosition.of("b.000001", 4),
                    Checkpoint.Phase.STREAMING, null);
            warehouse.begin(targets, TargetPreparation.DROP_AND_CREATE, first);

            Batch load = new Batch();
            for (Object[] p : List.of(row(1, "a"), row(2, "b"), row(3, "c"), row(4, "d"), row(5, "e"), row(6, "f"))) {
                load.insert(PARENT, p);
            }
            for (Object[] c : List.of(row(10, 1, "x"), row(20, 2, "x"), row(30, 3, "x"), row(40, 4, "x"), row(50, 5, "x"), row(60, 6, "x"))) {
                load.insert(CHILD, c);
            }
            for (Object[] n : List.of(row(1, 1), row(2, 2), row(5, 5), row(6, 6), row(7, null))) {
                load.insert(NUL, n);
            }
            for (Object[] b : List.of(row(1, "a"), row(3, "c"), row(4, "d"), row(5, "e"), row(6, "f"))) {
                load.insert(BY_CODE, b);
            }
            for (Object[] n : List.of(row(1, null), row(2, 1), row(3, 1), row(4, 2), row(5, 2), row(6, 4), row(7, 3))) {
                load.insert(NODE, n);
            }
            Checkpoint loaded = first.at(BinlogPosition.of("b.000001", 100));
            warehouse.apply(load.tables(), plan, first, loaded);

            Batch b = new Batch();
            b.delete(PARENT, row(5, "e"));                       // child 50 goes, nul 5 → NULL, by_code 5 goes
            b.update(PARENT, row(6, "f"), row(5, "f"));          // the key comes back: child 60 → 5, nul 6 → NULL
            b.insert(CHILD, row(51, 5, "y"));
            b.delete(PARENT, row(5, "f"));                       // child 60 (moved here) and 51 go; by_code 6 goes
            b.update(PARENT, row(1, "a"), row(100, "a"));        // child 10 → 100, nul 1 → NULL
            b.update(PARENT, row(2, "b"), row(1, "b"));          // child 20 → 1 (not 10), nul 2 → NULL
            b.update(PARENT, row(100, "a"), row(200, "a2"));     // a chain: child 10 → 200; by unique key: by_code 1 → a2
            b.update(CHILD, row(20, 1, "x"), row(20, 1, "t"));
            b.delete(NODE, row(2, 1));                           // the subtree 2, 4, 5, 6
            b.insert(NODE, row(8, 3));
            b.delete(NODE, row(3, 1));                           // 3, 7, 8
            b.insert(NODE, row(3, 1));
            b.insert(NODE, row(9, 3));                           // under the new 3: stays
            b.update(NODE, row(9, 3), row(10, 3));               // a leaf re-keyed
            b.update(PARENT, row(3, "c"), row(3, "cc"));         // by_code 3 → cc; child 30 keeps pid 3
            b.insert(BY_CODE, row(7, "cc"));
            warehouse.apply(b.tables(), plan, loaded, loaded.at(BinlogPosition.of("b.000001", 200)));
        }
        try (Connection c = postgres.connect()) {
            assertThat(rows(c, "parent")).containsExactly("1|b", "3|cc", "4|d", "200|a2");
            assertThat(rows(c, "child")).containsExactly("10|200|x", "20|1|t", "30|3|x", "40|4|x");
            assertThat(rows(c, "nul")).containsExactly("1|null", "2|null", "5|null", "6|null", "7|null");
            assertThat(rows(c, "by_code")).containsExactly("1|a2", "3|cc", "4|d", "7|cc");
            assertThat(rows(c, "node")).containsExactly("1|null", "3|1", "10|3");
        }
    }

    /**
     * What the actions cost in one batch: 2,000 parents with 50 children each (100,000 child rows, 2,000 loose rows),
     * then a batch deleting 1,000 parents and re-keying the other 1,000. Prints the apply time (a figure, not a bar:
     * the machine is shared) and checks the result.
     */
    @Test
    void aBatchDeletingAndReKeyingAThousandParentsEachMovesOrDeletesTheirChildren() throws Exception {
        int parents = 2_000;
        int perParent = 50;
        try (PostgresWarehouse warehouse = new PostgresWarehouse(new WarehouseEndpoint(postgres.jdbcUrl(), postgres.user(),
                postgres.password()), new PostgresDialect(), Clock.systemUTC())) {
            warehouse.knowSchemas(schemas.values());
            List<TargetTable> targets = schemas.values().stream().map(s -> new PostgresDialect().target(s)).toList();
            Checkpoint first = new Checkpoint("cascades-cost-" + System.nanoTime(), BinlogPosition.of("b.000001", 4),
                    Checkpoint.Phase.STREAMING, null);
            warehouse.begin(targets, TargetPreparation.DROP_AND_CREATE, first);
            Batch load = new Batch();
            for (int p = 1; p <= parents; p++) {
                load.insert(PARENT, row(p, "c" + p));
                load.insert(NUL, row(p, p));
                for (int c = 0; c < perParent; c++) {
                    load.insert(CHILD, row(p * 100 + c, p, "x"));
                }
            }
            Checkpoint loaded = first.at(BinlogPosition.of("b.000001", 100));
            warehouse.apply(load.tables(), plan, first, loaded);

            Batch b = new Batch();
            for (int p = 1; p <= parents; p++) {
                if (p % 2 == 0) {
                    b.delete(PARENT, row(p, "c" + p));
                } else {
                    b.update(PARENT, row(p, "c" + p), row(p + 1_000_000, "c" + p));
                }
            }
            long t0 = System.nanoTime();
            warehouse.apply(b.tables(), plan, loaded, loaded.at(BinlogPosition.of("b.000001", 200)));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("cascade_batch parents_deleted=%d parents_rekeyed=%d children_deleted=%d children_moved=%d "
                    + "loose_nulled=%d apply_ms=%d load_average=%.1f%n", parents / 2, parents / 2, parents / 2 * perParent,
                    parents / 2 * perParent, parents, ms, java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
        }
        try (Connection c = postgres.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), count(*) FILTER (WHERE pid > 1000000 AND pid - 1000000 = id / 100), "
                     + "(SELECT count(*) FROM " + S + ".nul WHERE pid IS NULL) FROM " + S + ".child")) {
            rs.next();
            assertThat(rs.getInt(1)).as("children left").isEqualTo(parents / 2 * perParent);
            assertThat(rs.getInt(2)).as("children moved with their parent").isEqualTo(parents / 2 * perParent);
            assertThat(rs.getInt(3)).as("loose rows nulled").isEqualTo(parents);
        }
    }

    private static List<String> rows(Connection c, String table) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + S + "." + table + " ORDER BY id")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    cells.add(String.valueOf(rs.getObject(i)));
                }
                out.add(String.join("|", cells));
            }
        }
        return out;
    }

    private static Object[] row(Object... values) {
        Object[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof Integer n) {
                out[i] = n.longValue();
            }
        }
        return out;
    }

    /** Changes in order, collapsed per table as the job does, with the tables' key events for the cascades. */
    private final class Batch {
        private final Map<TableId, CollapsedTable> tables = new LinkedHashMap<>();

        void insert(TableId t, Object[] after) {
            add(t, Operation.INSERT, null, after);
        }

        void update(TableId t, Object[] before, Object[] after) {
            add(t, Operation.UPDATE, before, after);
        }

        void delete(TableId t, Object[] before) {
            add(t, Operation.DELETE, before, null);
        }

        private void add(TableId t, Operation op, Object[] before, Object[] after) {
            RowChange change = new RowChange(t, op, before, after, BinlogPosition.of("b.000001", 4), Instant.EPOCH);
            tables.computeIfAbsent(t, id -> new CollapsedTable(schemas.get(id), plan.referencedKeys(id))).add(change, ++seq);
        }

        List<CollapsedTable> tables() {
            return new ArrayList<>(tables.values());
        }
    }
}

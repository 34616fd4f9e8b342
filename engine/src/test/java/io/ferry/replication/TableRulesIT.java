package io.ferry.replication;

import io.ferry.cli.FerryCli;
import io.ferry.config.ConfigLoader;
import io.ferry.config.FerryConfig;
import io.ferry.config.ReplicationJobConfig;
import io.ferry.replication.mapping.AddedColumn;
import io.ferry.replication.mapping.ColumnExpression;
import io.ferry.replication.mapping.TableMapping;
import io.ferry.replication.mapping.TableRule;
import io.ferry.replication.mapping.TableRules;
import io.ferry.sandbox.SandboxConfigFile;
import io.ferry.sandbox.SandboxEndpoints;
import io.ferry.sandbox.SandboxExtension;
import io.ferry.warehouse.CopyText;
import io.ferry.warehouse.PostgresDialect;
import io.ferry.warehouse.TargetTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Table rules and metadata columns end to end, MariaDB → PostgreSQL (the sandbox, both real), from a ferry.yaml job:
 * a renamed table with a renamed, a dropped and added columns, the operation and commit-time columns and soft delete.
 * The warehouse is compared with the source row by row through the mapping, and the soft-deleted rows are checked to
 * be there and marked.
 */
@ExtendWith(SandboxExtension.class)
class TableRulesIT {
    private static final long RUN = System.currentTimeMillis();
    private static final String SRC = "ferry_r_rules";
    private static final String DW = "ferry_r_rules_dw";
    private static final PostgresDialect PG = new PostgresDialect();
    /** Columns whose values the source does not hold: compared on their own. */
    private static final Set<String> NOT_FROM_SOURCE = Set.of("_ferry_op", "_ferry_commit_time", "_ferry_is_deleted", "src_commit");

    private final SandboxEndpoints sandbox;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<ReplicationJob> jobs = new ArrayList<>();

    TableRulesIT(SandboxEndpoints sandbox) {
        this.sandbox = sandbox;
    }

    @AfterEach
    void stopJobs() throws InterruptedException {
        jobs.forEach(ReplicationJob::stop);
        executor.shutdown();
        executor.awaitTermination(20, TimeUnit.SECONDS);
    }

    @Test
    void renamedDroppedAndAddedColumnsWithOperationCommitTimeAndSoftDeleteFollowTheSource(@TempDir Path dir) throws Exception {
        try (Connection c = sandbox.mariadb().connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + SRC);
            st.execute("CREATE DATABASE " + SRC + " CHARACTER SET utf8mb4");
            st.execute("CREATE TABLE " + SRC + ".orders (id INT PRIMARY KEY, customer VARCHAR(40) NOT NULL, amount DECIMAL(10,2), "
                    + "secret VARCHAR(20), created DATETIME(6))");
            st.execute("CREATE TABLE " + SRC + ".lines (id INT PRIMARY KEY, order_id INT, qty INT)");
            st.execute("INSERT INTO " + SRC + ".orders SELECT seq, CONCAT('customer ', seq), seq * 1.25, 'pin', "
                    + "'2026-01-02 03:04:05.123456' FROM seq_1_to_100");
            st.execute("INSERT INTO " + SRC + ".lines SELECT seq, seq % 100 + 1, seq FROM seq_1_to_50");
        }
        // Targets made beforehand: orders_v2 is dropped and created (the job's preparation), lines kept (its rule's).
        try (Connection w = sandbox.postgres().connect(); Statement st = w.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + DW + " CASCADE");
            st.execute("CREATE SCHEMA " + DW);
            st.execute("CREATE TABLE " + DW + ".orders_v2 (id INTEGER PRIMARY KEY)");
            st.execute("COMMENT ON TABLE " + DW + ".orders_v2 IS 'made by hand'");
            st.execute("CREATE TABLE " + DW + ".lines (id INTEGER NOT NULL PRIMARY KEY, order_id INTEGER, qty INTEGER, "
                    + "_ferry_op VARCHAR(1) NOT NULL, _ferry_commit_time TIMESTAMPTZ(6) NOT NULL, _ferry_is_deleted BOOLEAN NOT NULL)");
            st.execute("COMMENT ON TABLE " + DW + ".lines IS 'made by hand'");
            st.execute("INSERT INTO " + DW + ".lines VALUES (1, 99, 99, 'X', now(), true)"); // stale: the load overwrites it
        }
        String name = "rules-" + RUN;
        Path config = dir.resolve("ferry.yaml");
        Files.writeString(config, Files.readString(sandbox.configFile()) + """
                  %s:
                    type: replication
                    source: %s
                    target: %s
                    tables: { include: [ "%s.*" ] }
                    targetSchema: %s
                    maxBatchDelay: 100ms
                    metadata: { operation: true, commitTime: true, softDelete: true }
                    rules:
                      - table: %s.orders
                        rename: orders_v2
                        columns:
                          rename: { amount: amount_usd }
                          drop: [ secret ]
                          add:
                            - { name: loaded_from, constant: prod }
                            - { name: src_commit, value: commit_time }
                            - { name: src_table, value: source_table }
                      - table: %s.lines
                        targetPreparation: do-nothing
                """.formatted(name, SandboxConfigFile.MARIADB, SandboxConfigFile.POSTGRES, SRC, DW, SRC, SRC));

        String plan = plan(config, name);
        assertThat(plan).contains("Table rules:", SRC + ".orders: table → orders_v2, amount → amount_usd, drop secret, "
                        + "add loaded_from = 'prod', add src_commit = commit_time, add src_table = source_table")
                .contains("CREATE TABLE \"" + DW + "\".\"orders_v2\" (\n    \"id\" INTEGER NOT NULL,\n    \"customer\" VARCHAR(40) NOT NULL,"
                        + "\n    \"amount_usd\" NUMERIC(10,2),\n    \"created\" TIMESTAMP(6),\n    \"loaded_from\" VARCHAR(4) NOT NULL,"
                        + "\n    \"src_commit\" TIMESTAMPTZ(6) NOT NULL,\n    \"src_table\" VARCHAR(129) NOT NULL,"
                        + "\n    \"_ferry_op\" VARCHAR(1) NOT NULL,\n    \"_ferry_commit_time\" TIMESTAMPTZ(6) NOT NULL,"
                        + "\n    \"_ferry_is_deleted\" BOOLEAN NOT NULL,\n    PRIMARY KEY (\"id\")\n  )")
                .contains("\"qty\" INTEGER,\n    \"_ferry_op\" VARCHAR(1) NOT NULL")
                .contains("MERGE INTO \"" + DW + "\".\"orders_v2\" AS t")
                .contains("-- " + DW + ".lines: do-nothing (its table rule)")
                .contains("DROP TABLE IF EXISTS \"" + DW + "\".\"orders_v2\"").doesNotContain("DROP TABLE IF EXISTS \"" + DW + "\".\"lines\"")
                .doesNotContain("secret\" ");

        FerryConfig ferry = ConfigLoader.load(config);
        ReplicationJobConfig jobConfig = ReplicationJobSpecs.job(ferry, name);
        ReplicationJob job = new ReplicationJob(ReplicationJobSpecs.build(ferry, jobConfig).withChunkRows(30), Clock.systemUTC());
        jobs.add(job);
        Instant loadStart = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Future<?> running = executor.submit(() -> {
            job.run();
            return null;
        });
        TableRules rules = jobConfig.rules();
        awaitMapped(running, rules, name, Set.of(), Set.of());
        assertThat(query("SELECT DISTINCT _ferry_op FROM " + DW + ".orders_v2")).containsExactly("L");
        assertThat(query("SELECT count(*) FROM " + DW + ".lines WHERE _ferry_op = 'L' AND NOT _ferry_is_deleted")).containsExactly("50");
        assertThat(query("SELECT coalesce(obj_description('" + DW + ".orders_v2'::regclass), 'none') || ' / '"
                + " || obj_description('" + DW + ".lines'::regclass)")).as("orders_v2 made again, lines kept")
                .containsExactly("none / made by hand");

        Instant changesStart = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        assertThat(query("SELECT count(*) FROM " + DW + ".orders_v2 WHERE _ferry_commit_time < '" + loadStart.minusSeconds(1)
                + "' OR _ferry_commit_time > '" + changesStart.plusSeconds(1) + "' OR src_commit <> _ferry_commit_time"))
                .as("full-load rows carry the load time").containsExactly("0");
        try (Connection c = sandbox.mariadb().connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO " + SRC + ".orders SELECT seq, CONCAT('late ', seq), seq, 'pin', NOW(6) FROM seq_101_to_130");
            st.execute("INSERT INTO " + SRC + ".lines SELECT seq, 1, seq FROM seq_51_to_60");
            st.execute("UPDATE " + SRC + ".orders SET amount = amount + 1, secret = 'changed' WHERE id % 3 = 0");
            st.execute("DELETE FROM " + SRC + ".orders WHERE id % 7 = 0");
            st.execute("DELETE FROM " + SRC + ".lines WHERE id % 5 = 0");
            st.execute("INSERT INTO " + SRC + ".orders VALUES (14, 'back again', 14, 'pin', NOW(6))"); // re-insert after delete
            st.execute("UPDATE " + SRC + ".orders SET id = id + 1000 WHERE id BETWEEN 20 AND 25"); // key change (21 is gone)
            st.execute("UPDATE " + SRC + ".lines SET id = id + 1000 WHERE id = 1");
            c.setAutoCommit(false);
            st.execute("DELETE FROM " + SRC + ".orders WHERE id = 1");
            st.execute("INSERT INTO " + SRC + ".orders VALUES (1, 'same transaction', 1, 'pin', NOW(6))");
            c.commit();
        }
        Set<String> goneOrders = new TreeSet<>(List.of("20", "22", "23", "24", "25"));
        for (int id = 7; id <= 130; id += 7) {
            if (id != 14) {
                goneOrders.add(Integer.toString(id));
            }
        }
        Set<String> goneLines = new TreeSet<>(List.of("1"));
        for (int id = 5; id <= 60; id += 5) {
            goneLines.add(Integer.toString(id));
        }
        awaitMapped(running, rules, name, goneOrders, goneLines);
        Instant changesEnd = Instant.now().plusSeconds(1);

        String orders = DW + ".orders_v2";
        assertThat(query("SELECT DISTINCT _ferry_op FROM " + orders + " WHERE _ferry_is_deleted")).containsExactly("D");
        assertThat(query("SELECT _ferry_op || ' ' || _ferry_is_deleted || ' ' || customer FROM " + orders + " WHERE id IN (1, 2, 3, 14, 1020) ORDER BY id"))
                .containsExactly("I false same transaction", "L false customer 2", "U false customer 3", "I false back again",
                        "U false customer 20");
        assertThat(query("SELECT count(*) FROM " + orders + " WHERE _ferry_op <> 'L' AND (_ferry_commit_time < '" + changesStart.minusSeconds(1)
                + "' OR _ferry_commit_time > '" + changesEnd + "' OR src_commit <> _ferry_commit_time"
                + " OR date_trunc('second', _ferry_commit_time) <> _ferry_commit_time)"))
                .as("changed rows carry their source commit time, in whole seconds").containsExactly("0");
        assertThat(query("SELECT DISTINCT loaded_from || ' ' || src_table FROM " + orders)).containsExactly("prod " + SRC + ".orders");
        assertThat(query("SELECT count(*) FROM " + DW + ".lines WHERE _ferry_is_deleted AND _ferry_op = 'D'"))
                .containsExactly(Integer.toString(goneLines.size()));
        assertThat(query("SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + DW + "'"))
                .as("orders_v2 and lines, no table under the source name").containsExactly("2");
        job.stop();
        running.get(20, TimeUnit.SECONDS);
    }

    @Test
    void foreignKeyActionsFollowRenamedTablesAndColumnsAndADroppedKeyColumnIsRefused() throws Exception {
        String src = "ferry_r_rules_fk";
        String dw = "ferry_r_rules_fk_dw";
        try (Connection c = sandbox.mariadb().connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + src);
            st.execute("CREATE DATABASE " + src);
            st.execute("CREATE TABLE " + src + ".parent (id INT PRIMARY KEY, name VARCHAR(20))");
            st.execute("CREATE TABLE " + src + ".child (id INT PRIMARY KEY, parent_id INT, v VARCHAR(20), "
                    + "FOREIGN KEY (parent_id) REFERENCES " + src + ".parent (id) ON DELETE CASCADE)");
            st.execute("CREATE TABLE " + src + ".note (id INT PRIMARY KEY, parent_id INT NULL, "
                    + "FOREIGN KEY (parent_id) REFERENCES " + src + ".parent (id) ON DELETE SET NULL)");
            st.execute("INSERT INTO " + src + ".parent SELECT seq, CONCAT('p', seq) FROM seq_1_to_5");
            st.execute("INSERT INTO " + src + ".child SELECT seq, seq % 5 + 1, 'c' FROM seq_1_to_15");
            st.execute("INSERT INTO " + src + ".note SELECT seq, seq FROM seq_1_to_5");
        }
        TableRules rules = new TableRules(List.of(
                new TableRule(new TableId(src, "parent"), "parents", java.util.Map.of("id", "parent_key"), List.of(), List.of()),
                new TableRule(new TableId(src, "child"), "children", java.util.Map.of("parent_id", "parent_ref"), List.of("v"),
                        List.of(AddedColumn.of("src_table", ColumnExpression.SOURCE_TABLE))),
                new TableRule(new TableId(src, "note"), null, java.util.Map.of("parent_id", "owner"), List.of(), List.of())),
                new io.ferry.replication.mapping.MetadataColumns("_ferry_op", "_ferry_commit_time", null));
        ReplicationJob job = new ReplicationJob(spec("rules-fk-" + RUN, src, rules).withTargetSchema(dw), Clock.systemUTC());
        jobs.add(job);
        Future<?> running = executor.submit(() -> {
            job.run();
            return null;
        });
        awaitFk(running, src, dw, rules);
        try (Connection c = sandbox.mariadb().connect(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM " + src + ".parent WHERE id IN (1, 2)"); // children of 1 and 2 go, notes 1 and 2 lose it
            st.execute("UPDATE " + src + ".child SET v = 'touched', parent_id = 4 WHERE id = 2"); // moved away from parent 3
            st.execute("DELETE FROM " + src + ".parent WHERE id = 3");
        }
        awaitFk(running, src, dw, rules);
        assertThat(query("SELECT count(*) FROM " + dw + ".children")).containsExactly("7");
        assertThat(query("SELECT count(*) FROM " + dw + ".note WHERE owner IS NULL")).containsExactly("3");
        job.stop();
        running.get(20, TimeUnit.SECONDS);

        TableRules dropKey = new TableRules(List.of(new TableRule(new TableId(src, "child"), null, java.util.Map.of(),
                List.of("parent_id"), List.of())), io.ferry.replication.mapping.MetadataColumns.NONE);
        ReplicationJob refused = new ReplicationJob(spec("rules-fk-drop-" + RUN, src, dropKey), Clock.systemUTC());
        jobs.add(refused);
        org.assertj.core.api.Assertions.assertThatThrownBy(refused::run).isInstanceOf(PreflightException.class)
                .hasMessageContaining("Table rule for " + src + ".child drops column parent_id, which the foreign key")
                .hasMessageContaining("needs to repeat its ON DELETE action in the warehouse");
    }

    @Test
    void aMappedTableLoadedWhileItIsWrittenEndsEqualThroughTheMapping() throws Exception {
        String src = "ferry_r_rules_load";
        String dw = "ferry_r_rules_load_dw";
        try (Connection c = sandbox.mariadb().connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + src);
            st.execute("CREATE DATABASE " + src);
            st.execute("CREATE TABLE " + src + ".items (id INT PRIMARY KEY, qty INT NOT NULL, secret VARCHAR(20), note VARCHAR(40))");
            st.execute("INSERT INTO " + src + ".items SELECT seq, seq % 100, 'hidden', CONCAT('n', seq) FROM seq_1_to_20000");
        }
        TableRules rules = new TableRules(List.of(new TableRule(new TableId(src, "items"), "stock",
                java.util.Map.of("qty", "quantity"), List.of("secret"), List.of())),
                new io.ferry.replication.mapping.MetadataColumns("_ferry_op", "_ferry_commit_time", null));
        // small chunks: the writer's changes meet chunks in the same batches while the table loads
        ReplicationJob job = new ReplicationJob(spec("rules-load-" + RUN, src, rules).withTargetSchema(dw).withChunkRows(500),
                Clock.systemUTC());
        jobs.add(job);
        Future<?> running = executor.submit(() -> {
            job.run();
            return null;
        });
        try (Connection c = sandbox.mariadb().connect(); Statement st = c.createStatement()) {
            java.util.Random random = new java.util.Random(7);
            // writes until the job has loaded the whole table, and at least 200 times
            for (int i = 0; i < 200 || job.metrics().table(new TableId(src, "items")).state() != TableMetrics.State.STREAMING; i++) {
                int id = 1 + random.nextInt(20_000);
                switch (i % 3) {
                    case 0 -> st.execute("UPDATE " + src + ".items SET qty = qty + 1, note = 'w" + i + "' WHERE id = " + id);
                    case 1 -> st.execute("DELETE FROM " + src + ".items WHERE id = " + id);
                    default -> st.execute("INSERT INTO " + src + ".items VALUES (" + (20_000 + i) + ", " + i + ", 's', 'new')");
                }
                if (running.isDone()) {
                    running.get();
                    throw new AssertionError("the job stopped while loading");
                }
            }
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            if (running.isDone()) {
                running.get();
                throw new AssertionError("the job stopped");
            }
            assertThat(mappedDifferences(new TableId(src, "items"), dw, "stock", rules, "j")).as("stock").isZero();
        });
        assertThat(query("SELECT count(*) FROM " + dw + ".stock WHERE _ferry_op = 'L'")).as("rows loaded, never changed")
                .allSatisfy(n -> assertThat(Long.parseLong(n)).isPositive());
        job.stop();
        running.get(20, TimeUnit.SECONDS);
    }

    private ReplicationJobSpec spec(String name, String schema, TableRules rules) {
        MySqlSource source = new MySqlSource(sandbox.mariadb().host(), sandbox.mariadb().port(), sandbox.mariadb().user(),
                sandbox.mariadb().password());
        io.ferry.warehouse.WarehouseEndpoint warehouse = new io.ferry.warehouse.WarehouseEndpoint(sandbox.postgres().jdbcUrl(),
                sandbox.postgres().user(), sandbox.postgres().password());
        return ReplicationJobSpec.of(name, source, warehouse, TableFilter.parse(schema + ".*").withRules(rules),
                io.ferry.warehouse.TargetPreparation.DROP_AND_CREATE).withBatch(200, Duration.ofMillis(100));
    }

    private void awaitFk(Future<?> running, String src, String dw, TableRules rules) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            if (running.isDone()) {
                running.get();
                throw new AssertionError("the job stopped");
            }
            assertThat(mappedDifferences(new TableId(src, "parent"), dw, "parents", rules, "j")).as("parent").isZero();
            assertThat(mappedDifferences(new TableId(src, "child"), dw, "children", rules, "j")).as("child").isZero();
            assertThat(mappedDifferences(new TableId(src, "note"), dw, "note", rules, "j")).as("note").isZero();
        });
    }

    private static String plan(Path config, String job) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = FerryCli.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute("plan", "--config", config.toString(), "--job", job)).as(out + "\n" + err).isZero();
        return out.toString();
    }

    private void awaitMapped(Future<?> running, TableRules rules, String job, Set<String> goneOrders, Set<String> goneLines) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            if (running.isDone()) {
                running.get(); // a failed job fails the test with its reason
                throw new AssertionError("the job stopped");
            }
            assertThat(mappedDifferences(new TableId(SRC, "orders"), DW, "orders_v2", rules, job)).as("orders").isZero();
            assertThat(mappedDifferences(new TableId(SRC, "lines"), DW, "lines", rules, job)).as("lines").isZero();
            assertThat(query("SELECT id FROM " + DW + ".orders_v2 WHERE _ferry_is_deleted ORDER BY id::text"))
                    .as("soft-deleted orders").containsExactlyElementsOf(goneOrders);
            assertThat(query("SELECT id FROM " + DW + ".lines WHERE _ferry_is_deleted ORDER BY id::text"))
                    .as("soft-deleted lines").containsExactlyElementsOf(goneLines);
        });
    }

    /**
     * Rows that differ between the target's live (not soft-deleted) rows and the source table mapped by the rules,
     * over the columns the source determines; -1 while the target does not exist.
     */
    private long mappedDifferences(TableId table, String targetSchema, String targetTable, TableRules rules, String job)
            throws Exception {
        try (Connection source = sandbox.mariadb().connect(); Connection warehouse = sandbox.postgres().connect()) {
            TableSchema schema = SchemaReader.read(source, table);
            List<String> problems = new ArrayList<>();
            TableMapping mapping = TableMapping.of(job, schema, rules.rule(table), rules.metadata(), problems).orElseThrow();
            List<Object[]> rows = new SnapshotReader(schema, Integer.MAX_VALUE).readChunk(source, null);
            List<ColumnSchema> columns = new ArrayList<>();
            List<Integer> keep = new ArrayList<>();
            for (int i = 0; i < mapping.target().columns().size(); i++) {
                ColumnSchema c = mapping.target().columns().get(i);
                if (!NOT_FROM_SOURCE.contains(c.name())) {
                    columns.add(c);
                    keep.add(i);
                }
            }
            String expected = "expected_rules_" + targetTable;
            TableSchema expectedSchema = new TableSchema(new TableId("ferry_expected", expected), columns, mapping.target().primaryKey());
            warehouse.setAutoCommit(true);
            try (Statement st = warehouse.createStatement()) {
                // -1 until the job has made the target (the test makes some tables beforehand, with other columns)
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.columns WHERE table_schema = '"
                        + targetSchema + "' AND table_name = '" + targetTable + "'")) {
                    rs.next();
                    if (rs.getInt(1) != mapping.target().columns().size()) {
                        return -1;
                    }
                }
                st.execute("DROP TABLE IF EXISTS " + PG.qualified("ferry_expected", expected));
                for (String ddl : PG.createTable(new TargetTable("ferry_expected", expected, expectedSchema))) {
                    st.execute(ddl);
                }
            }
            StringBuilder text = new StringBuilder();
            for (Object[] row : rows) {
                Object[] mapped = mapping.row(row, "X", Instant.EPOCH, false);
                Object[] projected = keep.stream().map(i -> mapped[i]).toArray();
                CopyText.appendRow(text, projected, table.toString());
            }
            warehouse.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + PG.qualified("ferry_expected", expected)
                    + " FROM STDIN", new StringReader(text.toString()));
            String names = String.join(", ", columns.stream().map(c -> PG.quote(c.name())).toList());
            String live = "SELECT " + names + " FROM " + PG.qualified(targetSchema, targetTable)
                    + (rules.metadata().softDelete() ? " WHERE NOT " + PG.quote(rules.metadata().deleted()) : "");
            String copy = "SELECT " + names + " FROM " + PG.qualified("ferry_expected", expected);
            try (Statement st = warehouse.createStatement();
                 ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM (" + live + " EXCEPT ALL " + copy + ") a) + "
                         + "(SELECT count(*) FROM (" + copy + " EXCEPT ALL " + live + ") b)")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<String> query(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection w = sandbox.postgres().connect(); Statement st = w.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}

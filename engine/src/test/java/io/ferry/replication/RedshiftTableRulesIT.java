package io.ferry.replication;

import io.ferry.replication.mapping.AddedColumn;
import io.ferry.replication.mapping.ColumnExpression;
import io.ferry.replication.mapping.MetadataColumns;
import io.ferry.replication.mapping.TableMapping;
import io.ferry.replication.mapping.TableRule;
import io.ferry.replication.mapping.TableRules;
import io.ferry.sandbox.DatabaseEndpoint;
import io.ferry.sandbox.PgBouncerServer;
import io.ferry.sandbox.SandboxEndpoints;
import io.ferry.sandbox.SandboxExtension;
import io.ferry.warehouse.TargetPreparation;
import io.ferry.warehouse.TargetTable;
import io.ferry.warehouse.redshift.InsertStagingLoader;
import io.ferry.warehouse.redshift.RedshiftDialect;
import io.ferry.warehouse.redshift.RedshiftOpener;
import io.ferry.warehouse.redshift.RedshiftOptions;
import io.ferry.warehouse.redshift.RedshiftStatements;
import io.ferry.warehouse.redshift.RedshiftValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The table rules' core case through the Redshift dialect: MariaDB → Redshift JDBC driver → pgbouncer → PostgreSQL
 * (all real; see {@link RedshiftReplicationIT} for what differs from a real Redshift). A renamed table with a renamed,
 * a dropped and added columns, the operation column and soft delete; compared row by row through the mapping.
 */
@ExtendWith(SandboxExtension.class)
class RedshiftTableRulesIT {
    private static final long RUN = System.currentTimeMillis();
    private static final String SRC = "ferry_rs_rules";
    private static final RedshiftDialect DIALECT = new RedshiftDialect(RedshiftOptions.defaults().withoutTableAttributes());
    private static final TableRules RULES = new TableRules(List.of(new TableRule(new TableId(SRC, "Orders"), "orders_v2",
            Map.of("Amount", "amount_usd"), List.of("secret"), List.of(AddedColumn.constant("loaded_from", "prod"),
            AddedColumn.of("src_commit", ColumnExpression.COMMIT_TIME)))),
            new MetadataColumns(MetadataColumns.DEFAULT_OPERATION, null, MetadataColumns.DEFAULT_DELETED));
    private static final Set<String> NOT_FROM_SOURCE = Set.of("_ferry_op", "_ferry_is_deleted", "src_commit");

    private final DatabaseEndpoint mariadb;
    private final DatabaseEndpoint postgres;
    private final PgBouncerServer bouncer;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<ReplicationJob> jobs = new ArrayList<>();

    RedshiftTableRulesIT(SandboxEndpoints endpoints, PgBouncerServer bouncer) {
        this.mariadb = endpoints.mariadb();
        this.postgres = endpoints.postgres();
        this.bouncer = bouncer;
    }

    @AfterEach
    void stopJobs() throws InterruptedException {
        jobs.forEach(ReplicationJob::stop);
        executor.shutdown();
        executor.awaitTermination(20, TimeUnit.SECONDS);
    }

    @Test
    void aRenamedTableWithMappedColumnsAndSoftDeleteFollowsTheSource() throws Exception {
        try (Connection c = mariadb.connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + SRC);
            st.execute("CREATE DATABASE " + SRC + " CHARACTER SET utf8mb4");
            st.execute("CREATE TABLE " + SRC + ".Orders (id INT PRIMARY KEY, customer VARCHAR(40) NOT NULL, Amount DECIMAL(10,2), "
                    + "secret VARCHAR(20))");
            st.execute("INSERT INTO " + SRC + ".Orders SELECT seq, CONCAT('customer ', seq), seq * 1.25, 'pin' FROM seq_1_to_60");
        }
        MySqlSource source = new MySqlSource(mariadb.host(), mariadb.port(), mariadb.user(), mariadb.password());
        ReplicationJobSpec spec = ReplicationJobSpec.of("rs-rules-" + RUN, source, bouncer.warehouseEndpoint(),
                        TableFilter.parse(SRC + ".*").withRules(RULES), TargetPreparation.DROP_AND_CREATE)
                .withBatch(200, Duration.ofMillis(100)).withChunkRows(25);
        ReplicationJob job = new ReplicationJob(spec, Clock.systemUTC(), RedshiftOpener.withInsertStaging(DIALECT));
        jobs.add(job);
        Future<?> running = executor.submit(() -> {
            job.run();
            return null;
        });
        awaitMapped(running, List.of());
        assertThat(query("SELECT DISTINCT _ferry_op FROM " + SRC + ".orders_v2")).containsExactly("L");

        try (Connection c = mariadb.connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO " + SRC + ".Orders SELECT seq, CONCAT('late ', seq), seq, 'pin' FROM seq_61_to_70");
            st.execute("UPDATE " + SRC + ".Orders SET Amount = Amount + 1, secret = 'x' WHERE id % 3 = 0");
            st.execute("DELETE FROM " + SRC + ".Orders WHERE id % 7 = 0");
            st.execute("INSERT INTO " + SRC + ".Orders VALUES (14, 'back again', 14, 'pin')");
            st.execute("UPDATE " + SRC + ".Orders SET id = id + 1000 WHERE id BETWEEN 20 AND 22"); // 21 is gone
        }
        awaitMapped(running, List.of("20", "21", "22", "28", "35", "42", "49", "56", "63", "7", "70"));
        assertThat(query("SELECT _ferry_op || ' ' || customer FROM " + SRC + ".orders_v2 WHERE id IN (2, 3, 14, 1020) ORDER BY id"))
                .containsExactly("L customer 2", "U customer 3", "I back again", "U customer 20");
        assertThat(query("SELECT DISTINCT _ferry_op FROM " + SRC + ".orders_v2 WHERE _ferry_is_deleted")).containsExactly("D");
        assertThat(query("SELECT count(*) FROM " + SRC + ".orders_v2 WHERE src_commit IS NULL OR loaded_from <> 'prod'"))
                .containsExactly("0");
        job.stop();
        running.get(20, TimeUnit.SECONDS);
    }

    private void awaitMapped(Future<?> running, List<String> gone) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            if (running.isDone()) {
                running.get();
                throw new AssertionError("the job stopped");
            }
            assertThat(mappedDifferences()).isZero();
            assertThat(query("SELECT id FROM " + SRC + ".orders_v2 WHERE _ferry_is_deleted ORDER BY id::text"))
                    .containsExactlyElementsOf(gone);
        });
    }

    /** Live target rows against the source mapped by the rules, over the columns the source determines; -1: no target yet. */
    private long mappedDifferences() throws Exception {
        TableId table = new TableId(SRC, "Orders");
        try (Connection s = mariadb.connect(); Connection w = postgres.connect()) {
            TableSchema schema = SchemaReader.read(s, table);
            TableMapping mapping = TableMapping.of("j", schema, RULES.rule(table), RULES.metadata(), new ArrayList<>()).orElseThrow();
            List<ColumnSchema> columns = new ArrayList<>();
            List<Integer> keep = new ArrayList<>();
            for (int i = 0; i < mapping.target().columns().size(); i++) {
                if (!NOT_FROM_SOURCE.contains(mapping.target().columns().get(i).name())) {
                    columns.add(mapping.target().columns().get(i));
                    keep.add(i);
                }
            }
            TableSchema expected = new TableSchema(new TableId("ferry_expected", "rs_rules_orders"), columns, mapping.target().primaryKey());
            String copy = DIALECT.qualified("ferry_expected", "rs_rules_orders");
            w.setAutoCommit(true);
            try (Statement st = w.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
                        + SRC + "' AND table_name = 'orders_v2'")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return -1;
                    }
                }
                st.execute("DROP TABLE IF EXISTS " + copy);
                for (String ddl : DIALECT.createTable(new TargetTable("ferry_expected", "rs_rules_orders", expected))) {
                    st.execute(ddl);
                }
            }
            RedshiftValues values = new RedshiftValues(DIALECT, expected);
            List<String[]> rendered = new ArrayList<>();
            for (Object[] row : new SnapshotReader(schema, Integer.MAX_VALUE).readChunk(s, null)) {
                Object[] mapped = mapping.row(row, "X", Instant.EPOCH, false);
                rendered.add(values.render(keep.stream().map(i -> mapped[i]).toArray()));
            }
            new InsertStagingLoader().load(w, copy, DIALECT.targetColumns(expected),
                    new RedshiftStatements(DIALECT).targetParameters(expected), rendered);
            String names = String.join(", ", columns.stream().map(c -> DIALECT.quote(c.name())).toList());
            String live = "SELECT " + names + " FROM " + DIALECT.qualified(SRC, "orders_v2") + " WHERE NOT _ferry_is_deleted";
            String want = "SELECT " + names + " FROM " + copy;
            try (Statement st = w.createStatement();
                 ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM (" + live + " EXCEPT ALL " + want + ") a) + "
                         + "(SELECT count(*) FROM (" + want + " EXCEPT ALL " + live + ") b)")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<String> query(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection w = postgres.connect(); Statement st = w.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}

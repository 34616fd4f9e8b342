package io.ferry.replication.mapping;

import io.ferry.replication.BinlogPosition;
import io.ferry.replication.CascadePlan;
import io.ferry.replication.ColumnSchema;
import io.ferry.replication.ForeignKey;
import io.ferry.replication.Operation;
import io.ferry.replication.PreflightException;
import io.ferry.replication.RowChange;
import io.ferry.replication.TableId;
import io.ferry.replication.TableSchema;
import io.ferry.warehouse.CollapsedTable;
import io.ferry.warehouse.PostgresDialect;
import io.ferry.warehouse.redshift.RedshiftDialect;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobMappingTest {
    private static final TableId ORDERS = TableId.parse("shop.orders");
    private static final TableId LINES = TableId.parse("shop.lines");
    private static final Instant COMMIT = Instant.parse("2026-11-29T03:00:01Z");
    private static final BinlogPosition POS = BinlogPosition.parse("mariadb-bin.000001:4");

    private static final TableSchema ORDERS_SCHEMA = new TableSchema(ORDERS, List.of(
            new ColumnSchema("id", "int", "int(11)", false, null, 10, 0, null, null, false),
            new ColumnSchema("customer", "varchar", "varchar(40)", true, 40L, null, null, null, "utf8mb4", false),
            new ColumnSchema("amount", "decimal", "decimal(10,2)", true, null, 10, 2, null, null, false),
            new ColumnSchema("secret", "varchar", "varchar(20)", true, 20L, null, null, null, "utf8mb4", false)),
            List.of("id"));
    private static final TableSchema LINES_SCHEMA = new TableSchema(LINES, List.of(
            new ColumnSchema("id", "int", "int(11)", false, null, 10, 0, null, null, false),
            new ColumnSchema("order_id", "int", "int(11)", true, null, 10, 0, null, null, false)),
            List.of("id"));

    private static final TableRule ORDERS_RULE = new TableRule(ORDERS, "orders_v2", Map.of("amount", "amount_usd"),
            List.of("secret"), List.of(AddedColumn.constant("loaded_from", "prod"),
            AddedColumn.of("src_commit", ColumnExpression.COMMIT_TIME), AddedColumn.of("src_table", ColumnExpression.SOURCE_TABLE),
            AddedColumn.of("job_name", ColumnExpression.JOB)));
    private static final MetadataColumns ALL = new MetadataColumns("_ferry_op", "_ferry_commit_time", "_ferry_is_deleted");

    private static Map<TableId, TableSchema> schemas() {
        Map<TableId, TableSchema> m = new LinkedHashMap<>();
        m.put(LINES, LINES_SCHEMA);
        m.put(ORDERS, ORDERS_SCHEMA);
        return m;
    }

    private static JobMapping mapping(List<TableRule> rules, MetadataColumns metadata) {
        return JobMapping.of("shop-to-dw", new TableRules(rules, metadata), schemas(), CascadePlan.NONE);
    }

    @Test
    void theTargetTableIsRenamedWithItsColumnsRenamedDroppedAndAdded() {
        TableSchema target = mapping(List.of(ORDERS_RULE), ALL).check().table(ORDERS).target();

        assertThat(target.id()).isEqualTo(new TableId("shop", "orders_v2"));
        assertThat(target.columnNames()).containsExactly("id", "customer", "amount_usd", "loaded_from", "src_commit",
                "src_table", "job_name", "_ferry_op", "_ferry_commit_time", "_ferry_is_deleted");
        assertThat(target.primaryKey()).containsExactly("id");
        assertThat(new PostgresDialect().createTable(new PostgresDialect().target(target)).get(1)).isEqualTo("""
                CREATE TABLE "shop"."orders_v2" (
                  "id" INTEGER NOT NULL,
                  "customer" VARCHAR(40),
                  "amount_usd" NUMERIC(10,2),
                  "loaded_from" VARCHAR(4) NOT NULL,
                  "src_commit" TIMESTAMPTZ(6) NOT NULL,
                  "src_table" VARCHAR(129) NOT NULL,
                  "job_name" VARCHAR(100) NOT NULL,
                  "_ferry_op" VARCHAR(1) NOT NULL,
                  "_ferry_commit_time" TIMESTAMPTZ(6) NOT NULL,
                  "_ferry_is_deleted" BOOLEAN NOT NULL,
                  PRIMARY KEY ("id")
                )""");
        assertThat(new RedshiftDialect().createTable(new RedshiftDialect().target(target)).get(1))
                .contains("\"amount_usd\" DECIMAL(10,2)", "\"loaded_from\" VARCHAR(16) NOT NULL",
                        "\"src_commit\" TIMESTAMPTZ NOT NULL", "\"_ferry_op\" VARCHAR(1) NOT NULL",
                        "\"_ferry_is_deleted\" BOOLEAN NOT NULL");
    }

    @Test
    void aTableWithoutRuleGetsOnlyTheMetadataColumnsAndWithoutAnyItIsTakenAsItIs() {
        assertThat(mapping(List.of(), new MetadataColumns("op", null, null)).table(LINES).target().columnNames())
                .containsExactly("id", "order_id", "op");
        JobMapping none = mapping(List.of(), MetadataColumns.NONE);
        assertThat(none.isIdentity()).isTrue();
        assertThat(none.table(LINES).target()).isSameAs(LINES_SCHEMA);
    }

    @Test
    void rowsAreMappedWithTheOperationAndCommitTime() {
        TableMapping m = mapping(List.of(ORDERS_RULE), ALL).table(ORDERS);
        Object[] source = {7L, "ann", new BigDecimal("9.50"), "pin"};

        assertThat(m.row(source, "U", COMMIT, false)).containsExactly(7L, "ann", new BigDecimal("9.50"), "prod", COMMIT,
                "shop.orders", "shop-to-dw", "U", COMMIT, false);
        assertThat(m.loadRow(source, COMMIT)).containsExactly(7L, "ann", new BigDecimal("9.50"), "prod", COMMIT,
                "shop.orders", "shop-to-dw", "L", COMMIT, false);
    }

    @Test
    void withSoftDeleteADeleteAndAnOldKeyAreMarkedAndAReinsertClearsTheMark() {
        JobMapping mapping = mapping(List.of(ORDERS_RULE), ALL);
        Map<TableId, CollapsedTable> batch = new LinkedHashMap<>();
        mapping.add(batch, change(Operation.INSERT, null, row(1, "a")), 1);
        mapping.add(batch, change(Operation.INSERT, null, row(2, "b")), 2);
        mapping.add(batch, change(Operation.INSERT, null, row(3, "c")), 3);
        mapping.add(batch, change(Operation.DELETE, row(1, "a"), null), 4);
        mapping.add(batch, change(Operation.UPDATE, row(2, "b"), row(20, "b")), 5); // key change
        mapping.add(batch, change(Operation.DELETE, row(3, "c"), null), 6);
        mapping.add(batch, change(Operation.INSERT, null, row(3, "again")), 7);

        CollapsedTable orders = batch.get(ORDERS);
        assertThat(orders.schema().id().table()).isEqualTo("orders_v2");
        assertThat(orders.deleteCount()).as("no row leaves the target").isZero();
        List<String> rows = new ArrayList<>();
        orders.rows().forEach(r -> rows.add(r.values()[0] + " " + r.values()[1] + " " + r.values()[7] + " " + r.values()[9]
                + (r.deleted() ? " GONE" : "")));
        assertThat(rows).containsExactly("1 a D true", "2 b D true", "3 again I false", "20 b U false");
    }

    @Test
    void withoutSoftDeleteADeleteDeletesTheMappedRow() {
        JobMapping mapping = mapping(List.of(ORDERS_RULE), new MetadataColumns("_ferry_op", null, null));
        Map<TableId, CollapsedTable> batch = new LinkedHashMap<>();
        mapping.add(batch, change(Operation.INSERT, null, row(1, "a")), 1);
        mapping.add(batch, change(Operation.UPDATE, row(2, "b"), row(20, "b")), 2);
        mapping.add(batch, change(Operation.DELETE, row(3, "c"), null), 3);

        List<String> rows = new ArrayList<>();
        batch.get(ORDERS).rows().forEach(r -> rows.add(r.values()[0] + " " + r.values()[7] + (r.deleted() ? " GONE" : "")));
        assertThat(rows).containsExactly("1 I", "2 U GONE", "20 U", "3 D GONE");
    }

    @Test
    void whatDoesNotFitTheTablesIsAPreflightProblem() {
        TableRule bad = new TableRule(ORDERS, "lines", Map.of("amout", "x", "customer", "id"), List.of("id", "nope"),
                List.of(AddedColumn.constant("_ferry_op", "x")));
        TableRule ghost = new TableRule(TableId.parse("shop.ghost"), "g", Map.of(), List.of(), List.of());

        assertThatThrownBy(() -> mapping(List.of(bad, ghost), ALL).check()).isInstanceOf(PreflightException.class)
                .hasMessageContaining("Table rule for shop.ghost: the job does not take that table (it takes shop.lines, shop.orders)")
                .hasMessageContaining("Table rule for shop.orders: cannot rename column amout, the table has no such column "
                        + "(its columns: id, customer, amount, secret)")
                .hasMessageContaining("cannot drop column id, it is part of the primary key (id)")
                .hasMessageContaining("cannot drop column nope, the table has no such column")
                .hasMessageContaining("the target table would have two columns named _ferry_op");
        TableRule clash = new TableRule(ORDERS, "lines", Map.of(), List.of(), List.of());
        assertThat(mapping(List.of(clash), MetadataColumns.NONE).problems()).containsExactly(
                "Tables shop.lines and shop.orders would both be written to target table lines: rename one in the table rules");
        TableRule reserved = new TableRule(ORDERS, null, Map.of("customer", "_ferry_seq"), List.of(), List.of());
        assertThat(mapping(List.of(reserved), MetadataColumns.NONE).problems()).containsExactly(
                "Table shop.orders: the target column name _ferry_seq is reserved for Ferry's staging tables; choose another");
    }

    @Test
    void foreignKeyActionsFollowRenamedTablesAndColumnsOrAreRefused() {
        ForeignKey fk = new ForeignKey("fk_lines", LINES, List.of("order_id"), ORDERS, List.of("id"),
                ForeignKey.Action.CASCADE, ForeignKey.Action.RESTRICT);
        CascadePlan cascades = new CascadePlan(List.of(fk), schemas());
        TableRule renameLines = new TableRule(LINES, "order_lines", Map.of("order_id", "order_ref"), List.of(), List.of());

        JobMapping mapped = JobMapping.of("j", new TableRules(List.of(ORDERS_RULE, renameLines), MetadataColumns.NONE),
                schemas(), cascades).check();
        assertThat(mapped.cascades().parents()).containsExactly(new TableId("shop", "orders_v2"));
        ForeignKey edge = mapped.cascades().edgesFrom(new TableId("shop", "orders_v2")).get(0);
        assertThat(edge.child()).isEqualTo(new TableId("shop", "order_lines"));
        assertThat(edge.childColumns()).containsExactly("order_ref");

        TableRule dropRef = new TableRule(LINES, null, Map.of(), List.of("order_id"), List.of());
        assertThat(JobMapping.of("j", new TableRules(List.of(dropRef), MetadataColumns.NONE), schemas(), cascades).problems())
                .singleElement().asString().startsWith("Table rule for shop.lines drops column order_id, which the foreign key "
                        + "fk_lines");
        assertThat(JobMapping.of("j", new TableRules(List.of(), ALL), schemas(), cascades).problems())
                .singleElement().asString().startsWith("Soft delete (metadata.softDelete) cannot be combined with the foreign-key actions");
        assertThat(JobMapping.of("j", TableRules.NONE, schemas(), cascades).cascades()).isSameAs(cascades);
    }

    @Test
    void aTableRuleMayPrepareItsTargetOtherwiseThanTheJob() {
        TableRule keep = new TableRule(LINES, null, Map.of(), List.of(), List.of(), io.ferry.warehouse.TargetPreparation.DO_NOTHING);
        JobMapping mapping = mapping(List.of(keep, ORDERS_RULE), MetadataColumns.NONE).check();

        assertThat(mapping.preparation(LINES, io.ferry.warehouse.TargetPreparation.DROP_AND_CREATE))
                .isEqualTo(io.ferry.warehouse.TargetPreparation.DO_NOTHING);
        assertThat(mapping.preparation(ORDERS, io.ferry.warehouse.TargetPreparation.TRUNCATE))
                .isEqualTo(io.ferry.warehouse.TargetPreparation.TRUNCATE);
        assertThat(mapping(List.of(keep), MetadataColumns.NONE).isIdentity()).as("a preparation alone is a rule").isFalse();
        assertThat(keep.describe()).isEqualTo("shop.lines: target do-nothing");
    }

    private static Object[] row(long id, String customer) {
        return new Object[]{id, customer, new BigDecimal("1.00"), "s"};
    }

    private static RowChange change(Operation op, Object[] before, Object[] after) {
        return new RowChange(ORDERS, op, before, after, POS, COMMIT);
    }
}

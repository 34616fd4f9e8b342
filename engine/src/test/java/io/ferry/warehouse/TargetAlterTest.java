package io.ferry.warehouse;

import io.ferry.replication.BinlogPosition;
import io.ferry.replication.TableFilter;
import io.ferry.replication.schema.SchemaChange;
import io.ferry.replication.schema.SchemaHistory;
import io.ferry.replication.schema.SchemaTracker;
import io.ferry.warehouse.redshift.RedshiftDialect;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetAlterTest {
    private static SchemaTracker tracker() {
        SchemaHistory h = new SchemaHistory();
        var orders = io.ferry.replication.schema.SchemaHistoryTest.orders();
        h.record(orders.id(), BinlogPosition.of("bin.000001", 4), orders, null);
        return new SchemaTracker(h, TableFilter.parse("shop.*"), true, t -> "utf8mb4");
    }

    private static SchemaChange change(String sql) {
        return tracker().onStatement("shop", sql, BinlogPosition.of("bin.000001", 100));
    }

    @Test
    void postgresColumnsAreAddedNullableDroppedRenamedAndRetyped() {
        TargetAlter.Plan plan = TargetAlter.plan(new PostgresDialect(), change("ALTER TABLE orders ADD COLUMN qty INT UNSIGNED NOT NULL, "
                + "DROP COLUMN note, RENAME COLUMN qty TO quantity, MODIFY id BIGINT"));
        assertThat(plan.beforeTransaction()).isEmpty();
        assertThat(plan.inTransaction()).containsExactly(
                "ALTER TABLE \"shop\".\"orders\" ADD COLUMN \"qty\" BIGINT DEFAULT 0",
                "ALTER TABLE \"shop\".\"orders\" DROP COLUMN \"note\"",
                "ALTER TABLE \"shop\".\"orders\" RENAME COLUMN \"qty\" TO \"quantity\"",
                "ALTER TABLE \"shop\".\"orders\" ALTER COLUMN \"id\" TYPE BIGINT");
    }

    @Test
    void theRowsAlreadyThereGetTheConstantDefaultMySqlGaveThem() {
        TargetAlter.Plan plan = TargetAlter.plan(new PostgresDialect(), change("ALTER TABLE orders ADD COLUMN state VARCHAR(10) NOT NULL "
                + "DEFAULT 'it''s', ADD n INT NOT NULL, ADD m DECIMAL(5,2) DEFAULT -1.5, ADD k ENUM('x','y') NOT NULL, "
                + "ADD at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, ADD z INT DEFAULT NULL, ADD e INT"));
        assertThat(plan.inTransaction()).containsExactly(
                "ALTER TABLE \"shop\".\"orders\" ADD COLUMN \"state\" VARCHAR(10) DEFAULT 'it''s'",
                "ALTER TABLE \"shop\".\"orders\" ADD COLUMN \"n\" INTEGER DEFAULT 0",
                "ALTER TABLE \"shop\".\"orders\" ADD COLUMN \"m\" NUMERIC(5,2) DEFAULT -1.5",
                "ALTER TABLE \"shop\".\"orders\" ADD COLUMN \"k\" TEXT DEFAULT 'x'",
                "ALTER TABLE \"shop\".\"orders\" ADD COLUMN \"at\" TIMESTAMP(0)",
                "ALTER TABLE \"shop\".\"orders\" ADD COLUMN \"z\" INTEGER",
                "ALTER TABLE \"shop\".\"orders\" ADD COLUMN \"e\" INTEGER");
    }

    @Test
    void postgresRefusesATypeChangeThatWouldChangeValues() {
        assertThatThrownBy(() -> TargetAlter.plan(new PostgresDialect(), change("ALTER TABLE orders MODIFY note INT")))
                .hasMessageContaining("shop.orders, column note").hasMessageContaining("ALTER TABLE orders MODIFY note INT")
                .hasMessageContaining("varchar(20) to int");
    }

    @Test
    void redshiftWidensAVarcharOutsideTheTransactionAndRefusesOtherTypeChanges() {
        TargetAlter.Plan plan = TargetAlter.plan(new RedshiftDialect(), change("ALTER TABLE orders MODIFY note VARCHAR(100)"));
        assertThat(plan.inTransaction()).isEmpty();
        assertThat(plan.beforeTransaction()).singleElement().satisfies(w -> {
            assertThat(w.sql()).isEqualTo("ALTER TABLE \"shop\".\"orders\" ALTER COLUMN \"note\" TYPE VARCHAR(400)");
            assertThat(w.bytes()).isEqualTo(400);
        });
        assertThatThrownBy(() -> TargetAlter.plan(new RedshiftDialect(), change("ALTER TABLE orders MODIFY id BIGINT")))
                .hasMessageContaining("shop.orders, column id").hasMessageContaining("only widens a VARCHAR")
                .hasMessageContaining("MODIFY id BIGINT");
    }

    @Test
    void tablesAreCreatedDroppedRenamedAndEmptiedWithoutTruncate() {
        assertThat(TargetAlter.plan(new PostgresDialect(), change("CREATE TABLE refunds (id INT PRIMARY KEY)")).inTransaction())
                .startsWith("DROP TABLE IF EXISTS \"shop\".\"refunds\"", "CREATE SCHEMA IF NOT EXISTS \"shop\"");
        assertThat(TargetAlter.plan(new PostgresDialect(), change("RENAME TABLE orders TO orders_v2")).inTransaction())
                .containsExactly("ALTER TABLE \"shop\".\"orders\" RENAME TO \"orders_v2\"");
        assertThat(TargetAlter.plan(new RedshiftDialect(), change("TRUNCATE orders")).inTransaction())
                .containsExactly("DELETE FROM \"shop\".\"orders\"");
        assertThat(TargetAlter.plan(new PostgresDialect(), change("DROP TABLE orders")).inTransaction())
                .containsExactly("DROP TABLE IF EXISTS \"shop\".\"orders\"");
    }

    @Test
    void theRedshiftExamplesAreTheOnesDocsRedshiftSqlShows() {
        var lines = new io.ferry.replication.TableSchema(new io.ferry.replication.TableId("shop", "Order_Lines"), java.util.List.of(
                new io.ferry.replication.ColumnSchema("OrderId", "int", "int(11)", false, null, 10, 0, null, null, false),
                new io.ferry.replication.ColumnSchema("note", "varchar", "varchar(255)", true, 255L, null, null, null, "utf8mb4", false)),
                java.util.List.of("OrderId"));
        assertThat(TargetAlter.examples(new RedshiftDialect(), lines)).containsExactly(
                java.util.Map.entry("add-column", "ALTER TABLE \"shop\".\"order_lines\" ADD COLUMN \"added_note\" VARCHAR(160)"),
                java.util.Map.entry("rename-column", "ALTER TABLE \"shop\".\"order_lines\" RENAME COLUMN \"note\" TO \"renamed_column\""),
                java.util.Map.entry("drop-column", "ALTER TABLE \"shop\".\"order_lines\" DROP COLUMN \"renamed_column\""),
                java.util.Map.entry("widen-varchar", "ALTER TABLE \"shop\".\"order_lines\" ALTER COLUMN \"added_note\" TYPE VARCHAR(1600)"),
                java.util.Map.entry("column-width", TargetAlter.COLUMN_WIDTH),
                java.util.Map.entry("rename-table", "ALTER TABLE \"shop\".\"order_lines\" RENAME TO \"renamed_table\""));
    }
}

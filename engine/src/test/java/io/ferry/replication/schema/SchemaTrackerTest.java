package io.ferry.replication.schema;

import io.ferry.replication.BinlogPosition;
import io.ferry.replication.TableFilter;
import io.ferry.replication.TableId;
import io.ferry.replication.TableSchema;
import io.ferry.replication.schema.SchemaChange.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.ferry.replication.schema.SchemaHistoryTest.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaTrackerTest {
    private static final BinlogPosition START = BinlogPosition.of("bin.000001", 4);

    private static SchemaTracker tracker() {
        SchemaHistory h = new SchemaHistory();
        h.record(ORDERS, START, SchemaHistoryTest.orders(), null);
        return new SchemaTracker(h, TableFilter.parse("shop.*,!shop.skip*"), true, t -> "utf8mb4");
    }

    private static BinlogPosition at(long offset) {
        return BinlogPosition.of("bin.000001", offset);
    }

    @Test
    void addThenRenameThenDropColumnMakeVersionsAtTheirPositions() {
        SchemaTracker t = tracker();
        SchemaChange add = t.onStatement("shop", "ALTER TABLE orders ADD COLUMN qty INT", at(100));
        assertThat(add.tables()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Kind.ALTER);
            assertThat(c.columns()).singleElement().isInstanceOf(SchemaChange.Add.class);
        });
        assertThat(t.schemaOf(ORDERS).columnNames()).containsExactly("id", "note", "qty");
        t.onStatement("shop", "ALTER TABLE orders RENAME COLUMN qty TO quantity", at(200));
        t.onStatement("shop", "ALTER TABLE orders DROP COLUMN note", at(300));
        assertThat(t.schemaOf(ORDERS).columnNames()).containsExactly("id", "quantity");
        SchemaHistory h = t.history();
        assertThat(h.inForceAt(ORDERS, at(150)).columnNames()).containsExactly("id", "note", "qty");
        assertThat(h.inForceAt(ORDERS, at(50)).columnNames()).containsExactly("id", "note");
    }

    @Test
    void aWideningModifyIsAChangeAndARepeatedDefinitionIsNot() {
        SchemaTracker t = tracker();
        SchemaChange widen = t.onStatement("shop", "ALTER TABLE orders MODIFY note VARCHAR(200)", at(100));
        SchemaChange.Modify m = (SchemaChange.Modify) widen.tables().get(0).columns().get(0);
        assertThat(m.before().charMaxLength()).isEqualTo(20L);
        assertThat(m.after().charMaxLength()).isEqualTo(200L);
        assertThat(t.onStatement("shop", "ALTER TABLE orders MODIFY note VARCHAR(200)", at(200))).isNull();
        assertThat(t.onStatement("shop", "ALTER TABLE orders ADD INDEX ix (note)", at(300))).isNull();
    }

    @Test
    void otherTablesAndStatementsAreIgnored() {
        SchemaTracker t = tracker();
        assertThat(t.onStatement("shop", "ALTER TABLE skip_me ADD COLUMN x INT", at(100))).isNull();
        assertThat(t.onStatement("other", "CREATE TABLE t (id INT PRIMARY KEY)", at(200))).isNull();
        assertThat(t.onStatement("shop", "CREATE TABLE skip_this (id INT PRIMARY KEY)", at(300))).isNull();
        assertThat(t.onStatement("shop", "FLUSH TABLES", at(400))).isNull();
    }

    @Test
    void createRenameTruncateDropOfReplicatedTables() {
        SchemaTracker t = tracker();
        SchemaChange create = t.onStatement("shop", "CREATE TABLE refunds (id INT NOT NULL, why VARCHAR(10), PRIMARY KEY (id))", at(100));
        assertThat(create.tables().get(0).kind()).isEqualTo(Kind.CREATE);
        TableId refunds = new TableId("shop", "refunds");
        assertThat(t.schemaOf(refunds).columns().get(1).charset()).isEqualTo("utf8mb4");

        SchemaChange swap = t.onStatement("shop", "RENAME TABLE orders TO tmp, refunds TO orders, tmp TO refunds", at(200));
        assertThat(swap.tables()).extracting(SchemaChange.TableChange::kind).containsExactly(Kind.RENAME, Kind.RENAME, Kind.RENAME);
        assertThat(t.schemaOf(ORDERS).columnNames()).containsExactly("id", "why");
        assertThat(t.schemaOf(refunds).columnNames()).containsExactly("id", "note");

        assertThat(t.onStatement("shop", "TRUNCATE TABLE orders", at(300)).tables().get(0).kind()).isEqualTo(Kind.TRUNCATE);
        SchemaChange leave = t.onStatement("shop", "RENAME TABLE orders TO skip_orders", at(400));
        assertThat(leave.tables().get(0).kind()).isEqualTo(Kind.LEAVE);
        assertThat(t.schemaOf(ORDERS)).isNull();
        SchemaChange drop = t.onStatement("shop", "DROP TABLE refunds", at(500));
        assertThat(drop.tables().get(0).kind()).isEqualTo(Kind.DROP);
        assertThat(t.history().current()).isEmpty();
    }

    @Test
    void unsupportedChangesNameTheStatementTheTableAndWhatToDo() {
        SchemaTracker t = tracker();
        assertThatThrownBy(() -> t.onStatement("shop", "ALTER TABLE orders DROP COLUMN id", at(100)))
                .isInstanceOf(UnsupportedDdlException.class)
                .hasMessageContaining("shop.orders").hasMessageContaining("ALTER TABLE orders DROP COLUMN id")
                .hasMessageContaining("primary key").hasMessageContaining("exclude shop.orders");
        assertThatThrownBy(() -> t.onStatement("shop", "CREATE TABLE nokey (a INT)", at(200)))
                .isInstanceOf(UnsupportedDdlException.class).hasMessageContaining("no primary key");
        assertThatThrownBy(() -> t.onStatement("shop", "RENAME TABLE skip_x TO fresh", at(300)))
                .isInstanceOf(UnsupportedDdlException.class).hasMessageContaining("never loaded");
        assertThatThrownBy(() -> t.onStatement("shop", "ALTER TABLE orders ADD COLUMN g POINT", at(400)))
                .isInstanceOf(UnsupportedDdlException.class).hasMessageContaining("g");
        TableSchema unchanged = t.schemaOf(ORDERS);
        assertThat(unchanged.columnNames()).containsExactly("id", "note");
        assertThat(t.history().versions()).hasSize(1);
        assertThat(List.of()).isEmpty();
    }
}

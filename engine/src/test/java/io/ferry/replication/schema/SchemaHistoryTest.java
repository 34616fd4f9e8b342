package io.ferry.replication.schema;

import io.ferry.replication.BinlogPosition;
import io.ferry.replication.ColumnSchema;
import io.ferry.replication.TableId;
import io.ferry.replication.TableSchema;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class SchemaHistoryTest {
    public static final TableId ORDERS = new TableId("shop", "orders");

    public static TableSchema orders(String... extra) {
        List<ColumnSchema> cols = new ArrayList<>();
        cols.add(new ColumnSchema("id", "int", "int(11)", false, null, 10, 0, null, null, false));
        cols.add(new ColumnSchema("note", "varchar", "varchar(20)", true, 20L, null, null, null, "utf8mb4", false));
        for (String name : extra) {
            cols.add(new ColumnSchema(name, "enum", "enum('a','it''s')", true, 4L, null, null, null, "latin1", false));
        }
        return new TableSchema(ORDERS, cols, List.of("id"));
    }

    private static BinlogPosition at(String file, long offset) {
        return BinlogPosition.of(file, offset);
    }

    @Test
    void theSchemaInForceIsTheLastVersionAtOrBeforeThePosition() {
        SchemaHistory h = new SchemaHistory();
        h.record(ORDERS, at("bin.000001", 100), orders(), null);
        h.record(ORDERS, at("bin.000001", 500), orders("kind"), "ALTER TABLE orders ADD kind ...");
        h.record(ORDERS, at("bin.000002", 4), null, "DROP TABLE orders");

        assertThat(h.inForceAt(ORDERS, at("bin.000001", 50))).isNull();
        assertThat(h.inForceAt(ORDERS, at("bin.000001", 100))).isEqualTo(orders());
        assertThat(h.inForceAt(ORDERS, at("bin.000001", 499))).isEqualTo(orders());
        assertThat(h.inForceAt(ORDERS, at("bin.000001", 500))).isEqualTo(orders("kind"));
        assertThat(h.inForceAt(ORDERS, at("bin.000001", 90_000))).isEqualTo(orders("kind"));
        assertThat(h.inForceAt(ORDERS, at("bin.000002", 4))).isNull();
        assertThat(h.current()).isEmpty();
        assertThat(h.versions()).extracting(SchemaHistory.Version::seq).containsExactly(1L, 2L, 3L);
    }

    @Test
    void versionsCannotGoBackInTheBinlog() {
        SchemaHistory h = new SchemaHistory();
        h.record(ORDERS, at("bin.000002", 100), orders(), null);
        assertThatThrownBy(() -> h.record(ORDERS, at("bin.000001", 100), orders("x"), "ALTER"))
                .hasMessageContaining("bin.000001:100");
    }

    @Test
    void aTableSchemaSurvivesJsonExactly() {
        TableSchema s = orders("kind");
        String json = SchemaHistory.toJson(s);
        assertThat(SchemaHistory.fromJson(json)).isEqualTo(s);
        assertThat(SchemaHistory.fromJson(json).columns().get(2).enumValues()).containsExactly("a", "it's");
        assertThat(SchemaHistory.toJson(null)).isNull();
        assertThatThrownBy(() -> SchemaHistory.fromJson("{\"columns\": 3}")).hasMessageContaining("Not a table schema Ferry wrote");
    }

    @Test
    void storedVersionsRebuildTheSameHistoryInAnyOrder() {
        SchemaHistory h = new SchemaHistory();
        h.record(ORDERS, at("bin.000001", 100), orders(), null);
        h.record(ORDERS, at("bin.000001", 500), orders("kind"), "ALTER");
        List<SchemaHistory.Version> stored = new ArrayList<>(h.versions());
        java.util.Collections.reverse(stored);
        SchemaHistory again = new SchemaHistory(stored);
        assertThat(again.current()).isEqualTo(h.current());
        assertThat(again.record(ORDERS, at("bin.000001", 600), orders(), "ALTER").seq()).isEqualTo(3);
    }
}

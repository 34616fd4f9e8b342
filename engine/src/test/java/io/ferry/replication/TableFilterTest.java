package io.ferry.replication;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableFilterTest {
    private static final List<TableId> TABLES = List.of(TableId.parse("shop.orders"), TableId.parse("shop.customers"),
            TableId.parse("shop.orders_archive"), TableId.parse("crm.orders"), TableId.parse("crm.notes"));

    @Test
    void includesByPatternAndExcludesWin() {
        assertThat(TableFilter.parse("shop.*").select(TABLES)).extracting(TableId::toString)
                .containsExactly("shop.customers", "shop.orders", "shop.orders_archive");
        assertThat(TableFilter.parse("*.orders").select(TABLES)).extracting(TableId::toString)
                .containsExactly("crm.orders", "shop.orders");
        assertThat(TableFilter.parse("shop.*, crm.notes, !shop.*_archive").select(TABLES)).extracting(TableId::toString)
                .containsExactly("crm.notes", "shop.customers", "shop.orders");
        assertThat(TableFilter.parse("shop.order?").matches(TableId.parse("shop.orders"))).isTrue();
    }

    @Test
    void dotsAndOtherRegexCharactersAreLiteral() {
        assertThat(TableFilter.parse("shop.orders").matches(new TableId("shopx", "orders"))).isFalse();
        assertThat(TableFilter.parse("a+b.t").matches(new TableId("a+b", "t"))).isTrue();
    }

    @Test
    void patternsMustNameSchemaAndTable() {
        assertThatThrownBy(() -> TableFilter.parse("orders")).hasMessageContaining("schema.table");
        assertThatThrownBy(() -> TableFilter.parse("!shop.x")).hasMessageContaining("at least one table");
    }
}

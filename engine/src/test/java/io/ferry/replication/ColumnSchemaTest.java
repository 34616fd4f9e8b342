package io.ferry.replication;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnSchemaTest {

    @Test
    void readsEnumLabelsWithQuotesAndCase() {
        ColumnSchema c = Columns.of("status", "enum", "enum('New','it''s','a,b')");
        assertThat(c.enumValues()).containsExactly("New", "it's", "a,b");
    }

    @Test
    void readsDeclaredLengthAndSignedness() {
        assertThat(Columns.of("b", "bit", "bit(10)").declaredLength()).isEqualTo(10);
        assertThat(Columns.of("d", "decimal", "decimal(12,2)").declaredLength()).isEqualTo(12);
        assertThat(Columns.of("i", "int", "int(10) unsigned").unsigned()).isTrue();
        assertThat(Columns.of("i", "int", "int(11)").unsigned()).isFalse();
        assertThat(Columns.of("t", "text", "text").declaredLength()).isEqualTo(-1);
    }
}

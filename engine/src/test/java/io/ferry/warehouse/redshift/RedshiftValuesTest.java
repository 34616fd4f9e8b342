package io.ferry.warehouse.redshift;

import io.ferry.replication.ColumnSchema;
import io.ferry.replication.TableId;
import io.ferry.replication.TableSchema;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedshiftValuesTest {
    private static final TableSchema TABLE = new TableSchema(new TableId("shop", "t"), List.of(
            new ColumnSchema("id", "bigint", "bigint(20) unsigned", false, null, 20, 0, null, null, false),
            new ColumnSchema("name", "varchar", "varchar(2)", true, 2L, null, null, null, "utf8mb4", false),
            new ColumnSchema("body", "longtext", "longtext", true, 4294967295L, null, null, null, "utf8mb4", false),
            new ColumnSchema("bin", "longblob", "longblob", true, 4294967295L, null, null, null, null, false),
            new ColumnSchema("price", "decimal", "decimal(65,30)", true, null, 65, 30, null, null, false),
            new ColumnSchema("born", "date", "date", true, null, null, null, null, null, false),
            new ColumnSchema("at", "datetime", "datetime(6)", true, null, null, null, 6, null, false),
            new ColumnSchema("ts", "timestamp", "timestamp(6)", true, null, null, null, 6, null, false),
            new ColumnSchema("dur", "time", "time(6)", true, null, null, null, 6, null, false),
            new ColumnSchema("f", "float", "float", true, null, 12, null, null, null, false)), List.of("id"));

    private static RedshiftDialect dialect(RedshiftOptions.Oversize oversize) {
        return new RedshiftDialect(RedshiftOptions.defaults().withWideDecimal(RedshiftOptions.WideDecimal.VARCHAR).withOversize(oversize));
    }

    @Test
    void everyKindIsTheTextRedshiftReads() {
        String[] row = new RedshiftValues(dialect(RedshiftOptions.Oversize.REJECT), TABLE).render(new Object[]{
                new BigInteger("18446744073709551615"), "😀é", "", new byte[]{0, 15, (byte) 0xab},
                new BigDecimal("-1.100000000000000000000000000000"), LocalDate.of(1969, 12, 31),
                LocalDateTime.of(2024, 2, 29, 23, 59, 59, 305_000), Instant.parse("2030-06-01T12:00:00Z"),
                Duration.ofHours(-838).minusMinutes(59).minusSeconds(58).minusMillis(500), 0.1f});
        assertThat(row).containsExactly("18446744073709551615", "😀é", "", "000fab", "-1.100000000000000000000000000000",
                "1969-12-31", "2024-02-29 23:59:59.000305", "2030-06-01 12:00:00+00", "-838:59:58.500000", "0.1");
        assertThat(new RedshiftValues(dialect(RedshiftOptions.Oversize.REJECT), TABLE).render(new Object[10]))
                .as("NULL stays NULL").containsOnlyNulls();
    }

    @Test
    void anOversizeValueIsRejectedByDefaultNamingTheColumn() {
        RedshiftValues values = new RedshiftValues(dialect(RedshiftOptions.Oversize.REJECT), TABLE);
        Object[] row = {1L, null, "x".repeat(65_536), null, null, null, null, null, null, null};
        assertThatThrownBy(() -> values.render(row)).isInstanceOf(OversizeValueException.class)
                .hasMessageContaining("shop.t.body has a value of 65536 bytes").hasMessageContaining("VARCHAR(65535)");
        assertThat(values.flagged()).isFalse();
    }

    @Test
    void theTruncatePolicyCutsOnACharacterOrAByteAndFlagsTheRow() {
        RedshiftValues values = new RedshiftValues(dialect(RedshiftOptions.Oversize.TRUNCATE), TABLE);
        assertThat(values.flagged()).isTrue();
        String[] cut = values.render(new Object[]{1L, null, "a" + "😀".repeat(20_000), new byte[40_000], null, null, null, null,
                null, null});
        assertThat(cut[2]).as("1 + 4 × 16,383 = 65,533 bytes; one more emoji would pass 65,535").isEqualTo("a" + "😀".repeat(16_383));
        assertThat(cut[3]).hasSize(65_534);
        assertThat(cut[10]).isEqualTo("true");
        assertThat(values.render(new Object[]{2L, "ok", "short", null, null, null, null, null, null, null})[10]).isEqualTo("false");
    }

    @Test
    void aNulCharacterIsRefusedNotDropped() {
        RedshiftValues values = new RedshiftValues(dialect(RedshiftOptions.Oversize.REJECT), TABLE);
        assertThatThrownBy(() -> values.render(new Object[]{1L, "a\0", null, null, null, null, null, null, null, null}))
                .hasMessageContaining("shop.t.name contains a NUL character");
    }

    @Test
    void pipeTextEscapesDelimitersBackslashesAndLineBreaksAndWritesNullAsBackslashN() {
        StringBuilder out = new StringBuilder();
        PipeText.appendRow(out, new String[]{null, "", "\\N", "a|b\\c\nd\re"});
        assertThat(out).hasToString("\\N||\\\\N|a\\|b\\\\c\\\nd\\\re\n");
    }
}

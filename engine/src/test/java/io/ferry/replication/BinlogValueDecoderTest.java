package io.ferry.replication;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.BitSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Values as the binlog client hands them over (signed integers, epoch micros, bytes) → Ferry's canonical values. */
class BinlogValueDecoderTest {
    private static final TableId T = TableId.parse("shop.t");

    private static Object decode(ColumnSchema c, java.io.Serializable raw) {
        return new BinlogValueDecoder(T, c).decode(raw);
    }

    @Test
    void unsignedIntegersComeBackFromTheirSignedBits() {
        assertThat(decode(Columns.of("a", "tinyint", "tinyint(3) unsigned"), -1)).isEqualTo(255L);
        assertThat(decode(Columns.of("a", "smallint", "smallint(5) unsigned"), -1)).isEqualTo(65535L);
        assertThat(decode(Columns.of("a", "mediumint", "mediumint(8) unsigned"), -1)).isEqualTo(16777215L);
        assertThat(decode(Columns.of("a", "int", "int(10) unsigned"), -1)).isEqualTo(4294967295L);
        assertThat(decode(Columns.of("a", "bigint", "bigint(20) unsigned"), -1L)).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(decode(Columns.of("a", "tinyint", "tinyint(4)"), -128)).isEqualTo(-128L);
        assertThat(decode(Columns.of("a", "bigint", "bigint(20)"), Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void temporalMicrosKeepTheirMicroseconds() {
        long micros = LocalDateTime.parse("2024-02-29T23:59:59.000001").toEpochSecond(java.time.ZoneOffset.UTC) * 1_000_000 + 1;
        assertThat(decode(Columns.temporal("a", "datetime", 6), micros)).isEqualTo(LocalDateTime.parse("2024-02-29T23:59:59.000001"));
        assertThat(decode(Columns.temporal("a", "timestamp", 6), micros)).isEqualTo(Instant.parse("2024-02-29T23:59:59.000001Z"));
        assertThat(decode(Columns.of("a", "date", "date"), -31L * 86_400_000_000L)).isEqualTo(LocalDate.parse("1969-12-01"));
        assertThat(decode(Columns.temporal("a", "time", 6), -(838L * 3600 + 59 * 60 + 58) * 1_000_000 - 500_000))
                .isEqualTo(Duration.parse("-PT838H59M58.5S"));
    }

    @Test
    void zeroDatesAreRefusedNotGuessed() {
        assertThatThrownBy(() -> decode(Columns.of("a", "datetime", "datetime"), Long.MIN_VALUE))
                .hasMessageContaining("shop.t.a").hasMessageContaining("zero").hasMessageContaining("zeroDates: null");
    }

    @Test
    void underTheNullPolicyZeroDatesBecomeNullAndAreCountedWhenWritten() {
        ReplicationMetrics metrics = new ReplicationMetrics();
        ZeroDatePolicy nulls = new ZeroDatePolicy(ZeroDates.NULL, metrics);
        ColumnSchema id = Columns.notNull("id", "int", "int(11)");
        TableSchema table = new TableSchema(T, java.util.List.of(id, Columns.of("d", "date", "date"),
                Columns.temporal("dt", "datetime", 6), Columns.temporal("ts", "timestamp", 0)), java.util.List.of("id"));
        for (ColumnSchema c : table.columns().subList(1, 4)) {
            assertThat(new BinlogValueDecoder(table, c, nulls).decode(Long.MIN_VALUE)).as(c.name()).isNull();
        }
        assertThat(new BinlogValueDecoder(table, table.columns().get(1), nulls).decode(Long.MIN_VALUE, false))
                .as("a before image").isNull();
        assertThat(new BinlogValueDecoder(table, table.columns().get(1), nulls).decode(0L))
                .isEqualTo(LocalDate.parse("1970-01-01"));
        assertThat(metrics.tables().get(T).zeroDatesNulled()).as("the three written values, not the before image").isEqualTo(3);
        assertThat(new BinlogValueDecoder(table, id, nulls).decode(Long.MIN_VALUE)).as("not a date").isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void aZeroTimestampIsSecondZeroInTheBinlogNotTheEpoch() {
        assertThatThrownBy(() -> decode(Columns.temporal("ts", "timestamp", 0), 0L))
                .hasMessageContaining("shop.t.ts").hasMessageContaining("zero");
        assertThat(decode(Columns.temporal("ts", "timestamp", 0), 1_000_000L)).isEqualTo(Instant.parse("1970-01-01T00:00:01Z"));
        assertThat(decode(Columns.temporal("dt", "datetime", 0), 0L)).as("a DATETIME can be the epoch")
                .isEqualTo(LocalDateTime.parse("1970-01-01T00:00:00"));
    }

    @Test
    void aZeroDateInThePrimaryKeyFailsUnderEitherPolicy() {
        ColumnSchema day = Columns.notNull("day", "date", "date");
        TableSchema table = new TableSchema(T, java.util.List.of(day), java.util.List.of("day"));
        for (ZeroDates z : ZeroDates.values()) {
            assertThatThrownBy(() -> new BinlogValueDecoder(table, day, new ZeroDatePolicy(z, null)).decode(Long.MIN_VALUE))
                    .hasMessageContaining("shop.t.day").hasMessageContaining("primary key");
        }
    }

    @Test
    void stringsAreDecodedInTheirColumnsCharacterSet() {
        assertThat(decode(Columns.text("a", "varchar", "varchar(10)", 10, "utf8mb4"), "😀 Köln".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("😀 Köln");
        assertThat(decode(Columns.text("a", "varchar", "varchar(10)", 10, "latin1"), new byte[]{(byte) 0x80, (byte) 0xFC}))
                .isEqualTo("€ü");
    }

    @Test
    void enumsAndSetsBecomeTheirLabels() {
        ColumnSchema e = Columns.of("a", "enum", "enum('new','old')");
        assertThat(decode(e, 2)).isEqualTo("old");
        assertThat(decode(e, 0)).isEqualTo("");
        assertThat(decode(Columns.of("a", "set", "set('a','b','c')"), 5L)).isEqualTo("a,c");
    }

    @Test
    void bitsAreWrittenMostSignificantFirstAtTheirWidth() {
        BitSet bits = new BitSet();
        bits.set(0);
        bits.set(9);
        assertThat(decode(Columns.of("a", "bit", "bit(10)"), bits)).isEqualTo("1000000001");
        assertThat(decode(Columns.of("a", "bit", "bit(3)"), new BitSet())).isEqualTo("000");
    }

    @Test
    void binaryKeepsItsZeroPaddingAndJsonItsText() {
        assertThat((byte[]) decode(Columns.of("a", "binary", "binary(4)"), new byte[]{1, 2})).containsExactly(1, 2, 0, 0);
        assertThat(decode(Columns.json("a", "longtext"), "{\"k\": 1}".getBytes(StandardCharsets.UTF_8))).isEqualTo("{\"k\": 1}");
        assertThat(decode(Columns.decimal("a", 65, 30), new BigDecimal("1.5"))).isEqualTo(new BigDecimal("1.5"));
    }

    @Test
    void aValueOfTheWrongShapeSaysTheSchemaDoesNotMatch() {
        assertThatThrownBy(() -> decode(Columns.of("a", "int", "int(11)"), new byte[]{1}))
                .hasMessageContaining("does not match the table's schema").hasMessageContaining("shop.t.a");
    }
}

package io.ferry.replication;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class ByteEstimateTest {
    @Test
    void valuesCountTheirHeadersAndPayload() {
        assertThat(ByteEstimate.value(null)).isZero();
        assertThat(ByteEstimate.value(5L)).isEqualTo(16);
        assertThat(ByteEstimate.value(1.5)).isEqualTo(16);
        assertThat(ByteEstimate.value("")).isEqualTo(40);
        assertThat(ByteEstimate.value("abcdefgh")).isEqualTo(48);           // Latin-1: a byte per character
        assertThat(ByteEstimate.value("abcdefg€")).isEqualTo(56);           // else two
        assertThat(ByteEstimate.value(new byte[100])).isEqualTo(120);
        assertThat(ByteEstimate.value(LocalDateTime.of(2024, 1, 1, 0, 0))).isEqualTo(72);
        assertThat(ByteEstimate.value(LocalDate.of(2024, 1, 1))).isEqualTo(24);
        assertThat(ByteEstimate.value(Instant.EPOCH)).isEqualTo(24);
        assertThat(ByteEstimate.value(Duration.ZERO)).isEqualTo(24);
        assertThat(ByteEstimate.value(new BigInteger("18446744073709551615"))).isEqualTo(72);
        assertThat(ByteEstimate.value(new BigDecimal("123.45"))).isEqualTo(40 + 64);
    }

    @Test
    void aRowIsItsArrayAndItsValuesAndAChangeBothImages() {
        Object[] row = {1L, "abcdefgh", null};
        assertThat(ByteEstimate.row(row)).isEqualTo(32 + 16 + 48);
        assertThat(ByteEstimate.row(null)).isZero();
        assertThat(ByteEstimate.change(null, row)).isEqualTo(ByteEstimate.CHANGE + 96);
        assertThat(ByteEstimate.change(row, row)).isEqualTo(ByteEstimate.CHANGE + 192);
    }

    @Test
    void neverBelowThePayload() {
        String text = "x".repeat(10_000);
        byte[] blob = new byte[10_000];
        assertThat(ByteEstimate.row(new Object[]{text, blob})).isGreaterThan(20_000);
    }

    @Test
    void aTypicalHundredByteRowCountsAboutThreeHundredBytes() {
        // the shape of the 1M-row test's rows: 8 columns, about 100 bytes of data
        Object[] row = {123456L, 42L, 7L, new BigDecimal("1234.56"), "name-123456-abcdefghijkl",
                "note-123456-abcdefghijklmnopqrstuv", 1L, LocalDateTime.of(2024, 1, 1, 10, 0)};
        assertThat(ByteEstimate.change(null, row)).isBetween(300L, 600L);
    }
}

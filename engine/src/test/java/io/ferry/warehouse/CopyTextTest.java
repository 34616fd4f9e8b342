package io.ferry.warehouse;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CopyTextTest {

    private static String row(Object... values) {
        StringBuilder sb = new StringBuilder();
        CopyText.appendRow(sb, values, "shop.t");
        return sb.toString();
    }

    @Test
    void escapesTheCharactersCopyTreatsSpecially() {
        assertThat(row("a\tb", "c\nd\\e\r", null, "😀")).isEqualTo("a\\tb\tc\\nd\\\\e\\r\t\\N\t😀\n");
    }

    @Test
    void escapesAfterAPlainStartAndKeepsPlainValuesWhole() {
        assertThat(row("plain text", "abc\\", "x\ty\nz", 42, 7L)).isEqualTo("plain text\tabc\\\\\tx\\ty\\nz\t42\t7\n");
    }

    @Test
    void writesNumbersExactly() {
        assertThat(row(new BigDecimal("1E+3"), new BigInteger("18446744073709551615"), -5L, 1.5f, Double.NaN, Float.NEGATIVE_INFINITY))
                .isEqualTo("1000\t18446744073709551615\t-5\t1.5\tNaN\t-Infinity\n");
    }

    @Test
    void writesBytesAsEscapedHex() {
        assertThat(row((Object) new byte[]{0, (byte) 0xFF, 0x10})).isEqualTo("\\\\x00ff10\n");
    }

    @Test
    void writesTemporalValuesWithMicroseconds() {
        assertThat(row(LocalDateTime.parse("2024-02-29T23:59:59.000001"), LocalDate.parse("1969-12-01"),
                Instant.parse("2030-06-01T12:00:00.5Z"), Duration.parse("-PT838H59M58.5S")))
                .isEqualTo("2024-02-29 23:59:59.000001\t1969-12-01\t2030-06-01 12:00:00.5+00\t-838:59:58.500000\n");
    }

    @Test
    void refusesNulCharactersRatherThanDroppingThem() {
        assertThatThrownBy(() -> row("a\0b")).hasMessageContaining("NUL").hasMessageContaining("shop.t");
    }
}

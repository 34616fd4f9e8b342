package io.ferry.replication;

import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DateTimeTextTest {
    @Test
    void writesAndReadsWhatTheFormatterDoes() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000_000) * 1000; // microseconds, as MySQL has
                case 2 -> random.nextInt(10) * 100_000_000;
                default -> random.nextInt(1_000_000_000);
            };
            LocalDateTime t = LocalDateTime.of(1000 + random.nextInt(9000), 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60), nano);
            String expected = DateTimeText.FORMAT.format(t);
            assertThat(DateTimeText.format(t)).isEqualTo(expected);
            assertThat(DateTimeText.parse(expected)).isEqualTo(t);
        }
        assertThat(DateTimeText.format(LocalDateTime.parse("2024-02-29T23:59:59.000001"))).isEqualTo("2024-02-29 23:59:59.000001");
        assertThat(DateTimeText.parse("2024-02-29 23:59:59.5")).isEqualTo(LocalDateTime.parse("2024-02-29T23:59:59.5"));
    }

    @Test
    void leavesOtherYearsToTheFormatterAndRefusesInvalidDates() {
        LocalDateTime early = LocalDateTime.of(999, 1, 2, 3, 4, 5);
        assertThat(DateTimeText.format(early)).isEqualTo(DateTimeText.FORMAT.format(early));
        assertThatThrownBy(() -> DateTimeText.parse("2023-02-29 00:00:00")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> DateTimeText.parse("2023-0a-01 00:00:00")).isInstanceOf(DateTimeException.class);
    }
}

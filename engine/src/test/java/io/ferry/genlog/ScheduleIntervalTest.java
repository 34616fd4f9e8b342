package io.ferry.genlog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleIntervalTest {
    @Test
    void readsDaysHoursMinutesSeconds() {
        assertThat(ScheduleInterval.parse("1d").sql()).isEqualTo("EVERY 1 DAY");
        assertThat(ScheduleInterval.parse("7").sql()).isEqualTo("EVERY 7 DAY");
        assertThat(ScheduleInterval.parse("12h").sql()).isEqualTo("EVERY 12 HOUR");
        assertThat(ScheduleInterval.parse("30M").sql()).isEqualTo("EVERY 30 MINUTE");
        assertThat(ScheduleInterval.parse("5s").sql()).isEqualTo("EVERY 5 SECOND");
    }

    @Test
    void refusesNonsenseWithTheForm() {
        assertThatThrownBy(() -> ScheduleInterval.parse("weekly")).hasMessageContaining("e.g. 1d, 12h");
        assertThatThrownBy(() -> ScheduleInterval.parse("0d")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> ScheduleInterval.parse("3w")).hasMessageContaining("use a number with d, h, m or s");
    }
}

package io.ferry.sandbox.druid;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LambdaSandboxOptionsTest {
    private static final Instant LATE_IN_THE_HOUR = Instant.parse("2026-11-28T23:59:30Z");
    private static final Instant EARLY_IN_THE_HOUR = Instant.parse("2026-11-28T23:00:10Z");

    @Test
    void theDefaultRejectionPeriodKeepsEveryBackFilledHourAtAnyMinute() {
        assertThat(LambdaSandbox.Options.rejectionFor(2)).isEqualTo(Duration.parse("PT3H10M"));
        LambdaSandbox.Options defaults = LambdaSandbox.Options.defaults();
        assertThat(defaults.lateMessageRejection()).isEqualTo(Duration.parse("PT3H10M"));
        assertThatCode(() -> defaults.checkBackfillFitsRejection(LATE_IN_THE_HOUR)).doesNotThrowAnyException();
        assertThatCode(() -> defaults.checkBackfillFitsRejection(EARLY_IN_THE_HOUR)).doesNotThrowAnyException();
    }

    @Test
    void backFilledHoursOlderThanTheRejectionPeriodAreRefusedUpFront() {
        LambdaSandbox.Options tooShort = new LambdaSandbox.Options(3, 100, 0, 0, 1, Duration.ofHours(3), false);
        assertThatCode(() -> tooShort.checkBackfillFitsRejection(EARLY_IN_THE_HOUR))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tooShort.checkBackfillFitsRejection(LATE_IN_THE_HOUR))
                .hasMessageContaining("3 back-filled hours start at 2026-11-28T20:00:00Z")
                .hasMessageContaining("PT3H")
                .hasMessageContaining("at least 250 minutes");
    }

    @Test
    void faultFractionsAreChecked() {
        assertThatThrownBy(() -> new LambdaSandbox.Options(1, 10, 1.5, 0, 1, Duration.ofHours(2), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
    }
}

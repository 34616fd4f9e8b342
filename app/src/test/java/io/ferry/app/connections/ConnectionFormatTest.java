package io.ferry.app.connections;

import io.ferry.client.ConnectionHealth;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionFormatTest {

    @Test
    void latencyInMillisecondsOrADashWhenNotChecked() {
        assertThat(ConnectionFormat.latency(12)).isEqualTo("12 ms");
        assertThat(ConnectionFormat.latency(-1)).isEqualTo("—");
    }

    @Test
    void checkedAtIsTheLocalTimeOfDay() {
        assertThat(ConnectionFormat.checkedAt(Instant.parse("2026-03-01T12:34:56Z"), ZoneId.of("Europe/Paris")))
                .isEqualTo("13:34:56");
        assertThat(ConnectionFormat.checkedAt(null, ZoneId.of("UTC"))).isEqualTo("—");
    }

    @Test
    void everyHealthHasAWordAndABadgeColour() {
        assertThat(ConnectionFormat.health(ConnectionHealth.UP)).isEqualTo("Up");
        assertThat(ConnectionFormat.health(ConnectionHealth.DOWN)).isEqualTo("Down");
        assertThat(ConnectionFormat.health(ConnectionHealth.UNKNOWN)).isEqualTo("Not checked");
        assertThat(ConnectionFormat.healthStyleClass(ConnectionHealth.DOWN)).isEqualTo("health-down");
        assertThat(ConnectionFormat.healthStyleClass(null)).isEqualTo("health-unknown");
    }
}

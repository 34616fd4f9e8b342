package io.ferry.app.connections;

import io.ferry.client.ConnectionHealth;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How connection figures read in the table. */
final class ConnectionFormat {
    static final String NONE = "—";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private ConnectionFormat() {
    }

    static String latency(long latencyMillis) {
        return latencyMillis < 0 ? NONE : latencyMillis + " ms";
    }

    static String checkedAt(Instant checkedAt, ZoneId zone) {
        return checkedAt == null ? NONE : TIME.format(checkedAt.atZone(zone));
    }

    static String health(ConnectionHealth health) {
        if (health == null) {
            return "Not checked";
        }
        return switch (health) {
            case UNKNOWN -> "Not checked";
            case CHECKING -> "Checking";
            case UP -> "Up";
            case DOWN -> "Down";
        };
    }

    /** The CSS class of the coloured badge (see console.css). */
    static String healthStyleClass(ConnectionHealth health) {
        return "health-" + (health == null ? ConnectionHealth.UNKNOWN : health).name().toLowerCase();
    }
}

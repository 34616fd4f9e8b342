package io.ferry.connection;

import io.ferry.client.ConnectionHealth;
import io.ferry.client.ConnectionStatus;
import io.ferry.config.ConnectionType;

import java.time.Duration;
import java.time.Instant;

/**
 * How one connection answered a check.
 *
 * @param detail  when ok, what answered (e.g. "MariaDB 11.4.5, binlog ROW, TLS"); when failed, the precise
 *                reason in plain words. Never a secret.
 * @param latency how long the check took
 */
public record CheckResult(String name, ConnectionType type, String target, boolean ok, String detail,
                          Duration latency, Instant checkedAt) {

    /** As the console shows it. */
    public ConnectionStatus toStatus() {
        return new ConnectionStatus(name, type.yamlName(), target, ok ? ConnectionHealth.UP : ConnectionHealth.DOWN,
                detail, latency.toMillis(), checkedAt);
    }
}

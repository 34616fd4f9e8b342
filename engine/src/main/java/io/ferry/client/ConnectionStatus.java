package io.ferry.client;

import java.time.Instant;

/**
 * One configured connection as the console shows it.
 *
 * @param name      the key of the connection in ferry.yaml
 * @param type      its type (mysql, postgresql, redshift, s3, druid, kafka, aws)
 * @param target    where it points, without secrets (e.g. {@code 127.0.0.1:3306/shop})
 * @param health    the last check's outcome
 * @param detail    a short human sentence: the server version when up, the precise reason when down
 * @param latencyMillis how long the last check took, or -1 when not checked
 * @param checkedAt when the last check finished, or null
 */
public record ConnectionStatus(String name, String type, String target, ConnectionHealth health,
                               String detail, long latencyMillis, Instant checkedAt) {
}

package io.ferry.client.genlog;

/**
 * One group of a digest.
 *
 * @param key      the fingerprint, user, host or database
 * @param topUsers the users with most rows, e.g. {@code shop (120), ferry (3)}
 * @param example  the most recent statement of the group, as logged
 */
public record DigestLine(String key, long count, String firstSeen, String lastSeen, String topUsers, String topHosts,
                         String example) {
}

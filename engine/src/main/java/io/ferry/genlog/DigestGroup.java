package io.ferry.genlog;

import java.util.List;
import java.util.Map;

/**
 * One line of a digest.
 *
 * @param key       the fingerprint (or user, host, database)
 * @param count     rows in the group
 * @param firstSeen the oldest row's time (UTC)
 * @param lastSeen  the newest row's time (UTC)
 * @param topUsers  the users with most rows, most first, with their counts
 * @param topHosts  the hosts with most rows, most first
 * @param example   one statement of the group as it was logged (the most recent)
 */
public record DigestGroup(String key, long count, String firstSeen, String lastSeen, List<Map.Entry<String, Long>> topUsers,
                          List<Map.Entry<String, Long>> topHosts, String example) {
}

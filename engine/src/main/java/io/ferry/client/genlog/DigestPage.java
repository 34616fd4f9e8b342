package io.ferry.client.genlog;

import java.util.List;

/**
 * The top groups of a digest.
 *
 * @param groups      at most the top N asked for, most rows first
 * @param totalGroups groups in all
 */
public record DigestPage(List<DigestLine> groups, int totalGroups, long rowsRead, long rowsMatched) {
}

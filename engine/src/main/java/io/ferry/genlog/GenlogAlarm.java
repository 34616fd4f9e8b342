package io.ferry.genlog;

import java.time.Instant;
import java.util.Optional;

/**
 * Something a genlog job could not do that puts rows at risk, kept until someone acknowledges it.
 *
 * @param occurrences how often the same problem was seen since it was raised (one alarm, not one per check)
 */
public record GenlogAlarm(long id, String connection, LogKind kind, String job, Instant raisedAt, Instant lastSeenAt,
                          long occurrences, String message, Optional<Instant> ackedAt, Optional<String> ackedBy) {

    public boolean open() {
        return ackedAt.isEmpty();
    }
}

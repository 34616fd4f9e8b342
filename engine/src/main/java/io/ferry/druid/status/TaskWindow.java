package io.ferry.druid.status;

import java.time.Instant;

/**
 * When one ingestion task of a datasource ran: from its creation to its end ({@link Instant#MAX} while it runs).
 * A segment version is the time its task took its lock, so it falls inside the window of the task that made it.
 */
public record TaskWindow(String taskId, String type, Instant start, Instant end) {

    public boolean isKafka() {
        return type != null && type.startsWith("index_kafka");
    }

    boolean contains(Instant t) {
        return !t.isBefore(start) && !t.isAfter(end);
    }
}

package io.ferry.druid;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A streaming supervisor as the overlord reports it ({@code /druid/indexer/v1/supervisor/{id}/status}).
 * {@code state} is the generic state (RUNNING, SUSPENDED, PENDING, UNHEALTHY_SUPERVISOR, UNHEALTHY_TASKS,
 * STOPPING); {@code detailedState} Kafka's own (CONNECTING_TO_STREAM, DISCOVERING_INITIAL_TASKS, CREATING_TASKS,
 * RUNNING, LOST_CONTACT_WITH_STREAM, ...). {@code lag} may be unknown (null) before the supervisor has fetched
 * the latest offsets.
 */
public record SupervisorStatus(String id, String dataSource, String stream, int partitions, String state,
                               String detailedState, boolean healthy, boolean suspended, int activeTasks,
                               int publishingTasks, Lag lag, String offsetsLastUpdated, List<RecentError> recentErrors) {

    public SupervisorStatus {
        recentErrors = List.copyOf(recentErrors);
    }

    /**
     * Messages in Kafka not yet read by the supervisor's tasks: per partition (a partition may read negative
     * for a moment when the latest offsets are stale) and in all (never negative).
     */
    public record Lag(Map<Integer, Long> perPartition, long total) {
        public Lag {
            perPartition = Collections.unmodifiableMap(new TreeMap<>(perPartition));
        }
    }

    /** An exception the supervisor ran into recently, as Druid keeps it. */
    public record RecentError(String timestamp, String exceptionClass, String message, boolean streamException) {
    }

    public boolean isRunning() {
        return "RUNNING".equals(state);
    }

    static SupervisorStatus from(String id, JsonNode answer) {
        JsonNode p = answer.path("payload");
        Lag lag = null;
        JsonNode aggregate = p.get("aggregateLag");
        if (aggregate != null && !aggregate.isNull()) {
            Map<Integer, Long> perPartition = new TreeMap<>();
            p.path("minimumLag").fields().forEachRemaining(e -> perPartition.put(partition(e.getKey()), e.getValue().asLong()));
            lag = new Lag(perPartition, aggregate.asLong());
        }
        List<RecentError> errors = new ArrayList<>();
        p.path("recentErrors").forEach(e -> errors.add(new RecentError(TaskStatus.text(e, "timestamp"),
                TaskStatus.text(e, "exceptionClass"), TaskStatus.text(e, "message"), e.path("streamException").asBoolean(false))));
        return new SupervisorStatus(
                answer.hasNonNull("id") ? answer.get("id").asText() : id,
                TaskStatus.text(p, "dataSource"),
                TaskStatus.text(p, "stream") != null ? TaskStatus.text(p, "stream") : TaskStatus.text(p, "topic"),
                p.path("partitions").asInt(0),
                TaskStatus.text(p, "state"),
                TaskStatus.text(p, "detailedState"),
                p.path("healthy").asBoolean(false),
                p.path("suspended").asBoolean(false),
                p.path("activeTasks").size(),
                p.path("publishingTasks").size(),
                lag,
                TaskStatus.text(p, "offsetsLastUpdated"),
                errors);
    }

    /** Druid writes Kafka partitions as plain numbers; other streams may add a topic name first. */
    private static int partition(String key) {
        int colon = key.lastIndexOf(':');
        try {
            return Integer.parseInt(colon >= 0 ? key.substring(colon + 1) : key);
        } catch (NumberFormatException e) {
            return key.hashCode();
        }
    }
}

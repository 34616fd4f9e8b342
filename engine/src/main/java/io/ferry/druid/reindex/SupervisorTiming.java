package io.ferry.druid.reindex;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.config.DruidReindexJobConfig;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The Kafka supervisor's timing that decides when an interval can no longer change: a real-time task accepts
 * events up to {@code lateMessageRejectionPeriod} older than its start, runs {@code taskDuration} and then has up
 * to {@code completionTimeout} to publish. So once {@code end + all three} has passed, no real-time task can
 * append to the interval any more, and a batch version written after that stays whole.
 *
 * @param source where the figures came from ("supervisor ad_events", "job configuration")
 */
public record SupervisorTiming(Duration taskDuration, Duration completionTimeout, Duration lateMessageRejectionPeriod,
                               String source) {

    public static SupervisorTiming of(DruidReindexJobConfig.Timing t, String source) {
        return new SupervisorTiming(t.taskDuration(), t.completionTimeout(), t.lateMessageRejectionPeriod(), source);
    }

    /**
     * Reads the timing from a supervisor spec as {@code GET /druid/indexer/v1/supervisor/{id}} returns it; a value
     * the spec leaves out is Druid's default (taskDuration PT1H, completionTimeout PT30M), except the late message
     * rejection period, which falls back to {@code fallback}'s.
     */
    public static SupervisorTiming fromSupervisorSpec(String id, JsonNode spec, SupervisorTiming fallback) {
        JsonNode io = spec.path("spec").path("ioConfig");
        if (io.isMissingNode()) {
            io = spec.path("ioConfig");
        }
        return new SupervisorTiming(
                period(io, "taskDuration").orElse(Duration.ofHours(1)),
                period(io, "completionTimeout").orElse(Duration.ofMinutes(30)),
                period(io, "lateMessageRejectionPeriod").orElse(fallback.lateMessageRejectionPeriod()),
                "supervisor " + id);
    }

    /** How long after an interval's end it is closed. */
    public Duration closeDelay() {
        return taskDuration.plus(completionTimeout).plus(lateMessageRejectionPeriod);
    }

    @Override
    public String toString() {
        return "taskDuration " + taskDuration + " + completionTimeout " + completionTimeout
                + " + lateMessageRejectionPeriod " + lateMessageRejectionPeriod + " = " + closeDelay() + " (" + source + ")";
    }

    private static Optional<Duration> period(JsonNode io, String field) {
        JsonNode value = io.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.parse(value.asText()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the supervisor's " + field + " '" + value.asText() + "' is not an ISO period");
        }
    }
}

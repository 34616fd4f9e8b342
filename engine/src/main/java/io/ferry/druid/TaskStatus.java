package io.ferry.druid;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;

/**
 * One task as the overlord reports it. {@code statusCode} is RUNNING, SUCCESS or FAILED; {@code runnerStatusCode}
 * says where a running task is (WAITING, PENDING, RUNNING). {@code errorMsg} is Druid's reason for a failure.
 */
public record TaskStatus(String id, String type, String dataSource, String statusCode, String runnerStatusCode,
                         Duration duration, String errorMsg, String createdTime) {

    public boolean isComplete() {
        return "SUCCESS".equals(statusCode) || "FAILED".equals(statusCode);
    }

    public boolean isSuccess() {
        return "SUCCESS".equals(statusCode);
    }

    static TaskStatus from(JsonNode node) {
        long millis = node.path("duration").asLong(-1);
        return new TaskStatus(
                text(node, "id"),
                text(node, "type"),
                text(node, "dataSource"),
                node.hasNonNull("statusCode") ? text(node, "statusCode") : text(node, "status"),
                text(node, "runnerStatusCode"),
                millis >= 0 ? Duration.ofMillis(millis) : null,
                text(node, "errorMsg"),
                text(node, "createdTime"));
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}

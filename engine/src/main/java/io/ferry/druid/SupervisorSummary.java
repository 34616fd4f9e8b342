package io.ferry.druid;

import com.fasterxml.jackson.databind.JsonNode;

/** One line of the overlord's supervisor list ({@code ?state=true}): id, states, health and whether suspended. */
public record SupervisorSummary(String id, String state, String detailedState, boolean healthy, boolean suspended) {
    static SupervisorSummary from(JsonNode node) {
        return new SupervisorSummary(TaskStatus.text(node, "id"), TaskStatus.text(node, "state"),
                TaskStatus.text(node, "detailedState"), node.path("healthy").asBoolean(false), node.path("suspended").asBoolean(false));
    }
}

package io.ferry.druid;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code ingestionStatsAndErrors} report of a finished batch task: how many input rows became Druid rows
 * ({@code processed}), were processed with a parse error in some field ({@code processedWithError}), could not be
 * parsed at all ({@code unparseable}) or were thrown away (outside the task's intervals, null timestamp, filtered).
 * Counts are those of the build-segments phase, summed over sub-tasks for {@code index_parallel}.
 */
public record IngestionReport(String taskId, String ingestionState, long processed, long processedWithError,
                              long unparseable, long thrownAway, long processedBytes, String errorMsg) {

    static IngestionReport from(String taskId, JsonNode reports) {
        JsonNode payload = reports.path("ingestionStatsAndErrors").path("payload");
        if (payload.isMissingNode()) {
            throw new IllegalArgumentException("task " + taskId + " has no ingestionStatsAndErrors report; it has: "
                    + String.join(", ", (Iterable<String>) reports::fieldNames));
        }
        JsonNode build = payload.path("rowStats").path("buildSegments");
        return new IngestionReport(taskId,
                TaskStatus.text(payload, "ingestionState"),
                build.path("processed").asLong(0),
                build.path("processedWithError").asLong(0),
                build.path("unparseable").asLong(0),
                build.path("thrownAway").asLong(0),
                build.path("processedBytes").asLong(0),
                TaskStatus.text(payload, "errorMsg"));
    }
}

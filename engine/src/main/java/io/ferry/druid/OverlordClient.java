package io.ferry.druid;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The overlord's task API: submit, follow, report on and shut down ingestion tasks. */
public final class OverlordClient {
    private static final Duration POLL = Duration.ofMillis(250);

    private final DruidHttp http;

    OverlordClient(DruidHttp http) {
        this.http = http;
    }

    /** Submits a task spec (a JSON string, a Jackson tree or a Map) and returns the task id Druid gave it. */
    public String submitTask(Object taskSpec) {
        JsonNode answer = http.post("/druid/indexer/v1/task", taskSpec);
        String id = TaskStatus.text(answer, "task");
        if (id == null) {
            throw new DruidException("POST " + http.base() + "druid/indexer/v1/task", 200,
                    "the overlord accepted the task but returned no task id: " + answer, null);
        }
        return id;
    }

    public TaskStatus status(String taskId) {
        JsonNode answer = http.get("/druid/indexer/v1/task/" + DruidHttp.segment(taskId) + "/status");
        JsonNode status = answer.path("status");
        if (status.isMissingNode() || status.isNull()) {
            throw new DruidException("GET " + http.base() + "druid/indexer/v1/task/" + taskId + "/status", 200,
                    "the overlord knows no task " + taskId, null);
        }
        return TaskStatus.from(status);
    }

    /** Row counts and errors of a finished task ({@code ingestionStatsAndErrors}). */
    public IngestionReport report(String taskId) {
        JsonNode answer = http.get("/druid/indexer/v1/task/" + DruidHttp.segment(taskId) + "/reports");
        return IngestionReport.from(taskId, answer);
    }

    /** Asks the overlord to stop a task; a finished task is left as it is. */
    public void shutdown(String taskId) {
        http.post("/druid/indexer/v1/task/" + DruidHttp.segment(taskId) + "/shutdown", "");
    }

    /** Every task the overlord knows (running, waiting, pending and recently completed), newest first. */
    public List<TaskStatus> tasks() {
        return tasks(null, null);
    }

    /**
     * Tasks, optionally of one state ({@code running}, {@code complete}, {@code waiting}, {@code pending}) and one
     * datasource; null means any.
     */
    public List<TaskStatus> tasks(String state, String dataSource) {
        StringBuilder path = new StringBuilder("/druid/indexer/v1/tasks");
        String sep = "?";
        if (state != null) {
            path.append(sep).append("state=").append(DruidHttp.segment(state.toLowerCase(Locale.ROOT)));
            sep = "&";
        }
        if (dataSource != null) {
            path.append(sep).append("datasource=").append(DruidHttp.segment(dataSource));
        }
        List<TaskStatus> tasks = new ArrayList<>();
        http.get(path.toString()).forEach(node -> tasks.add(TaskStatus.from(node)));
        return tasks;
    }

    /**
     * Polls the task's status until it has finished (SUCCESS or FAILED) and returns that status; a task still
     * running after {@code timeout} makes this throw, and is left running.
     */
    public TaskStatus awaitCompletion(String taskId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            TaskStatus status = status(taskId);
            if (status.isComplete()) {
                return status;
            }
            if (System.nanoTime() > deadline) {
                throw new DruidException("GET " + http.base() + "druid/indexer/v1/task/" + taskId + "/status", 200,
                        "task " + taskId + " still " + status.statusCode() + " (" + status.runnerStatusCode() + ") after "
                                + timeout.toSeconds() + " s", null);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** The hosts ({@code host:port}) of the workers (indexers, middle managers) the overlord can give tasks to. */
    public List<String> workers() {
        List<String> hosts = new ArrayList<>();
        http.get("/druid/indexer/v1/workers").forEach(w -> hosts.add(w.path("worker").path("host").asText()));
        return hosts;
    }

    public boolean isHealthy() {
        return http.status("/status/health") == 200;
    }
}

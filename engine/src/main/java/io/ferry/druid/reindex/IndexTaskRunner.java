package io.ferry.druid.reindex;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.druid.DruidException;
import io.ferry.druid.IngestionReport;
import io.ferry.druid.OverlordClient;
import io.ferry.druid.TaskStatus;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Submits one {@code index_parallel} task and follows it to the end. A spec the overlord refuses (HTTP 4xx) is a
 * {@link StepRunner.PermanentFailure} carrying Druid's message: another attempt would be refused the same way. A task
 * that fails while running throws a retryable {@link TaskFailed} with Druid's {@code errorMsg}.
 */
public final class IndexTaskRunner {
    private final OverlordClient overlord;
    private final Duration taskTimeout;

    public IndexTaskRunner(OverlordClient overlord, Duration taskTimeout) {
        this.overlord = overlord;
        this.taskTimeout = taskTimeout;
    }

    /** A task that ran and failed (Druid's reason in the message). */
    public static final class TaskFailed extends RuntimeException {
        private final String taskId;

        TaskFailed(String taskId, String message) {
            super(message);
            this.taskId = taskId;
        }

        public String taskId() {
            return taskId;
        }
    }

    /** @param submitted called with the task id as soon as Druid accepted it */
    public IngestionReport run(ObjectNode spec, Consumer<String> submitted) throws InterruptedException {
        String taskId;
        try {
            taskId = overlord.submitTask(spec);
        } catch (DruidException e) {
            if (e.status() >= 400 && e.status() < 500) {
                throw new StepRunner.PermanentFailure("Druid refused the task spec: " + e.getMessage(), e);
            }
            throw e;
        }
        submitted.accept(taskId);
        TaskStatus status;
        try {
            status = overlord.awaitCompletion(taskId, taskTimeout);
        } catch (DruidException e) {
            if (e.status() == 200) { // still running after taskTimeout: stop it, or its lock blocks the next attempt
                overlord.shutdown(taskId);
                throw new TaskFailed(taskId, "task " + taskId + " did not finish within " + taskTimeout + "; shut down");
            }
            throw e;
        }
        if (!status.isSuccess()) {
            throw new TaskFailed(taskId, "task " + taskId + " failed: " + (status.errorMsg() == null ? "(Druid gave no reason)"
                    : status.errorMsg()));
        }
        return overlord.report(taskId);
    }
}

package io.ferry.app.task;

import java.time.Duration;

/** Runs {@link BackgroundTask}s off the UI thread and delivers their outcome on it. */
public interface TaskExecutor extends AutoCloseable {

    /** Runs the task once, now, on a worker thread. */
    <V> TaskHandle execute(BackgroundTask<V> task);

    /**
     * Calls {@code callback} on the callback (UI) thread every {@code period}, the first time after
     * {@code initialDelay}: a timer, e.g. for a view model whose refresh command starts a task unless one is
     * still running. The callback must be quick; blocking work belongs in a task.
     */
    TaskHandle repeatOnCallbackThread(Runnable callback, Duration initialDelay, Duration period);

    /** Stops all workers; running tasks are interrupted. */
    @Override
    void close();
}

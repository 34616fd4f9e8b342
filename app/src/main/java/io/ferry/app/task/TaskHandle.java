package io.ferry.app.task;

/** A submitted or scheduled task, to cancel it. */
@FunctionalInterface
public interface TaskHandle {
    /** Stops future runs and interrupts a run in progress. Callbacks of a cancelled run are not delivered. */
    void cancel();
}

package io.ferry.warehouse;

/** The checkpoint in the warehouse is not the one this engine last wrote: another engine is running the job. */
public final class CheckpointConflictException extends IllegalStateException {
    public CheckpointConflictException(String job) {
        super("The checkpoint of job '" + job + "' in the warehouse was changed by someone else: another engine owns "
                + "this job. Stop the other engine (or give this job another name) and start again.");
    }
}

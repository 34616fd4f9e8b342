package io.ferry.druid.reindex;

/** The outcome of a re-index run. */
public enum RunStatus {
    RUNNING,
    /** Overwritten and verified. */
    SUCCEEDED,
    /** A step failed after its retries (the interval may hold the batch version if the failure came after the task). */
    FAILED,
    /** Not attempted: partial input or an interval not closed; nothing was overwritten. */
    REFUSED
}

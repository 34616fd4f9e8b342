package io.ferry.replication;

/**
 * One source transaction needs more spill disk than the job allows: waiting cannot help (nothing else holds disk),
 * and a restart would read the same transaction again, so the job stops and names the limit to raise.
 */
public final class SpillLimitException extends RuntimeException {
    public SpillLimitException(String message) {
        super(message);
    }
}

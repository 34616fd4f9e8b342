package io.ferry.replication;

/** A replication job stopped; the message says why and what to do. */
public final class ReplicationException extends Exception {
    public ReplicationException(String message, Throwable cause) {
        super(message, cause);
    }
}

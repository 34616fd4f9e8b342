package io.ferry.genlog;

/**
 * A general-log operation that cannot go ahead, with what is wrong and how to fix it. Thrown before anything is
 * changed on the server unless the message says otherwise.
 */
public final class GenlogException extends RuntimeException {
    public GenlogException(String message) {
        super(message);
    }

    public GenlogException(String message, Throwable cause) {
        super(message, cause);
    }
}

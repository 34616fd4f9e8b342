package io.ferry.client;

/** A general-log request that failed; the message says what is wrong and how to fix it, ready to show as is. */
public final class GenlogClientException extends RuntimeException {
    public GenlogClientException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.ferry.sandbox;

/** A sandbox server could not start; the message says which and why (no secrets in it). */
public final class SandboxStartException extends Exception {
    public SandboxStartException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.ferry.config;

/** A secret reference that cannot be resolved; the message names the reference and the reason, never a value. */
public final class SecretResolutionException extends RuntimeException {
    private final transient SecretRef reference;

    public SecretResolutionException(SecretRef reference, String reason) {
        super(reference + ": " + reason);
        this.reference = reference;
    }

    public SecretRef reference() {
        return reference;
    }
}

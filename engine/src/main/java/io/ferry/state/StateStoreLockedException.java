package io.ferry.state;

/** Another Ferry process (or another store in this one) already uses the data directory's state store. */
public final class StateStoreLockedException extends RuntimeException {
    public StateStoreLockedException(String message) {
        super(message);
    }
}

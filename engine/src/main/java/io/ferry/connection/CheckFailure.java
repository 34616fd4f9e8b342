package io.ferry.connection;

/** A check that failed, with the reason in plain words (never a secret). */
final class CheckFailure extends Exception {
    CheckFailure(String reason) {
        super(reason, null, false, false);
    }
}

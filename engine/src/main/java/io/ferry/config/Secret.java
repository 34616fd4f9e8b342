package io.ferry.config;

import java.util.Objects;

/**
 * A resolved secret value (a password, a key). It never shows itself: {@link #toString()} is masked, so a
 * secret that ends up in a log line, an exception message or a record's toString stays hidden.
 * Call {@link #reveal()} only where the value is handed to a driver.
 */
public final class Secret {
    public static final String MASK = "******";

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return MASK;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}

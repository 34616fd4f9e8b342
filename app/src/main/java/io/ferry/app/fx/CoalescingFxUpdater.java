package io.ferry.app.fx;

import javafx.application.Platform;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands the latest of a stream of values to the FX thread without flooding it: {@link #submit} only stores
 * the value, and schedules one {@code Platform.runLater} when the previous one has been consumed. Values
 * submitted in between replace each other; the consumer always gets the newest one. Any thread may submit.
 *
 * @param <T> the value type (e.g. a chart sample batch, a metrics snapshot)
 */
public final class CoalescingFxUpdater<T> {
    private final AtomicReference<T> latest = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Consumer<? super T> consumer;
    private final Executor fxThread;

    /** Delivers on the JavaFX application thread. */
    public CoalescingFxUpdater(Consumer<? super T> consumer) {
        this(consumer, Platform::runLater);
    }

    /** Delivers through {@code fxThread}; tests hand in their own executor. */
    public CoalescingFxUpdater(Consumer<? super T> consumer, Executor fxThread) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
    }

    public void submit(T value) {
        latest.set(Objects.requireNonNull(value, "value"));
        if (scheduled.compareAndSet(false, true)) {
            fxThread.execute(this::drain);
        }
    }

    private void drain() {
        // Clear the flag before taking the value: a submit racing with us then schedules a new drain instead
        // of leaving its value behind (at worst that drain finds nothing and returns).
        scheduled.set(false);
        T value = latest.getAndSet(null);
        if (value != null) {
            consumer.accept(value);
        }
    }
}

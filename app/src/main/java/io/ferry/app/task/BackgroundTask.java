package io.ferry.app.task;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A piece of blocking work (usually a call through the engine client) and what to do with its outcome.
 * Plain Java: it knows nothing of JavaFX. A {@link TaskExecutor} runs {@link #work()} on a worker thread and
 * delivers progress, the result or the failure through its callback executor (the FX thread in the console).
 *
 * <pre>{@code
 * BackgroundTask.of("Checking connections", progress -> client.checkConnections())
 *         .onSuccess(rows::setAll)
 *         .onFailure(error -> lastError.set(error.getMessage()));
 * }</pre>
 *
 * @param <V> the result type
 */
public final class BackgroundTask<V> {

    /** The blocking part. It may report short human progress messages. */
    @FunctionalInterface
    public interface Work<V> {
        V run(Consumer<String> progress) throws Exception;
    }

    private final String title;
    private final Work<V> work;
    private Consumer<? super V> onSuccess = result -> { };
    private Consumer<? super Throwable> onFailure = error -> { };
    private Consumer<String> onProgress = message -> { };
    private Runnable onFinished = () -> { };

    private BackgroundTask(String title, Work<V> work) {
        this.title = Objects.requireNonNull(title, "title");
        this.work = Objects.requireNonNull(work, "work");
    }

    public static <V> BackgroundTask<V> of(String title, Work<V> work) {
        return new BackgroundTask<>(title, work);
    }

    /** For work without a result. */
    public static BackgroundTask<Void> ofRunnable(String title, Runnable work) {
        Objects.requireNonNull(work, "work");
        return new BackgroundTask<>(title, progress -> {
            work.run();
            return null;
        });
    }

    public BackgroundTask<V> onSuccess(Consumer<? super V> callback) {
        this.onSuccess = Objects.requireNonNull(callback, "callback");
        return this;
    }

    public BackgroundTask<V> onFailure(Consumer<? super Throwable> callback) {
        this.onFailure = Objects.requireNonNull(callback, "callback");
        return this;
    }

    public BackgroundTask<V> onProgress(Consumer<String> callback) {
        this.onProgress = Objects.requireNonNull(callback, "callback");
        return this;
    }

    /** Runs after the success or failure callback, whatever the outcome. */
    public BackgroundTask<V> onFinished(Runnable callback) {
        this.onFinished = Objects.requireNonNull(callback, "callback");
        return this;
    }

    public String title() {
        return title;
    }

    Work<V> work() {
        return work;
    }

    void succeeded(V result) {
        try {
            onSuccess.accept(result);
        } finally {
            onFinished.run();
        }
    }

    void failed(Throwable error) {
        try {
            onFailure.accept(error);
        } finally {
            onFinished.run();
        }
    }

    void progressed(String message) {
        onProgress.accept(message);
    }

    @Override
    public String toString() {
        return "BackgroundTask[" + title + "]";
    }
}

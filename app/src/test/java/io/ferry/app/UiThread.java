package io.ferry.app;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A single thread standing in for the FX thread in view model tests: callbacks are delivered on it, and the
 * test reads view model state on it too, so no state is shared across threads unsafely.
 */
public final class UiThread implements Executor, AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));

    @Override
    public void execute(Runnable command) {
        thread.execute(command);
    }

    public <T> T get(Supplier<T> read) {
        try {
            return thread.submit(read::get).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    public void run(Runnable action) {
        get(() -> {
            action.run();
            return null;
        });
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}

package io.ferry.app.task;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link TaskExecutor} on plain Java threads. Work runs on a cached pool of daemon worker threads; progress,
 * results and failures are handed to {@code callbackExecutor} (in the console {@code Platform::runLater}, see
 * {@code io.ferry.app.fx.FxTaskExecutor}).
 */
public final class ThreadPoolTaskExecutor implements TaskExecutor {

    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final Executor callbackExecutor;

    public ThreadPoolTaskExecutor(Executor callbackExecutor) {
        this.callbackExecutor = Objects.requireNonNull(callbackExecutor, "callbackExecutor");
        this.workers = Executors.newCachedThreadPool(daemonThreads("ferry-worker"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("ferry-timer"));
    }

    @Override
    public <V> TaskHandle execute(BackgroundTask<V> task) {
        Objects.requireNonNull(task, "task");
        AtomicBoolean cancelled = new AtomicBoolean();
        Future<?> future = workers.submit(() -> runAndDeliver(task, cancelled));
        return () -> {
            cancelled.set(true);
            future.cancel(true);
        };
    }

    @Override
    public TaskHandle repeatOnCallbackThread(Runnable callback, Duration initialDelay, Duration period) {
        Objects.requireNonNull(callback, "callback");
        ScheduledFuture<?> schedule = timer.scheduleWithFixedDelay(() -> deliver(callback),
                initialDelay.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return () -> schedule.cancel(false);
    }

    private <V> void runAndDeliver(BackgroundTask<V> task, AtomicBoolean cancelled) {
        V result;
        try {
            result = task.work().run(message -> {
                if (!cancelled.get()) {
                    deliver(() -> task.progressed(message));
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Throwable error) {
            if (!cancelled.get()) {
                log().debug("{} failed", task, error);
                deliver(() -> task.failed(error));
            }
            return;
        }
        if (!cancelled.get()) {
            deliver(() -> task.succeeded(result));
        }
    }

    private void deliver(Runnable callback) {
        try {
            callbackExecutor.execute(callback);
        } catch (RuntimeException closed) {
            // The UI is gone (e.g. the FX toolkit has exited while the work finished): nobody to tell.
            log().debug("Dropped a task callback: {}", closed.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdownNow();
    }

    /** Fetched when first needed, so creating an executor never waits for logging to start. */
    private static Logger log() {
        return LoggerFactory.getLogger(ThreadPoolTaskExecutor.class);
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

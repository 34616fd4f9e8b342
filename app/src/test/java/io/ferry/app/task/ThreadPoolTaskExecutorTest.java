package io.ferry.app.task;

import io.ferry.app.UiThread;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ThreadPoolTaskExecutorTest {
    private final UiThread ui = new UiThread();
    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor(ui);

    @AfterEach
    void stop() {
        executor.close();
        ui.close();
    }

    @Test
    void runsTheWorkOffTheUiThreadAndDeliversProgressAndResultOnIt() {
        AtomicReference<String> workThread = new AtomicReference<>();
        List<String> events = new CopyOnWriteArrayList<>();

        executor.execute(BackgroundTask.of("answer", progress -> {
                    workThread.set(Thread.currentThread().getName());
                    progress.accept("half way");
                    progress.accept("almost");
                    return 42;
                })
                .onProgress(message -> events.add(Thread.currentThread().getName() + ": " + message))
                .onSuccess(result -> events.add(Thread.currentThread().getName() + ": result " + result))
                .onFinished(() -> events.add(Thread.currentThread().getName() + ": finished")));

        await().atMost(5, TimeUnit.SECONDS).until(() -> events.size() == 4);
        assertThat(workThread.get()).startsWith("ferry-worker");
        assertThat(events).containsExactly("test-ui: half way", "test-ui: almost", "test-ui: result 42",
                "test-ui: finished");
    }

    @Test
    void deliversAFailureOnTheUiThread() {
        AtomicReference<String> failure = new AtomicReference<>();
        executor.execute(BackgroundTask.of("broken", progress -> {
                    throw new IllegalStateException("the server said no");
                })
                .onSuccess(result -> failure.set("unexpected success"))
                .onFailure(error -> failure.set(Thread.currentThread().getName() + ": " + error.getMessage())));

        await().atMost(5, TimeUnit.SECONDS).until(() -> failure.get() != null);
        assertThat(failure.get()).isEqualTo("test-ui: the server said no");
    }

    @Test
    void aCancelledTaskDeliversNothing() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger callbacks = new AtomicInteger();
        TaskHandle handle = executor.execute(BackgroundTask.of("slow", progress -> {
                    started.countDown();
                    new CountDownLatch(1).await();
                    return "never";
                })
                .onSuccess(result -> callbacks.incrementAndGet())
                .onFailure(error -> callbacks.incrementAndGet())
                .onFinished(callbacks::incrementAndGet));

        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        handle.cancel();

        // Anything the cancelled task might still deliver would be queued on the UI thread before this marker.
        CountDownLatch marker = new CountDownLatch(1);
        executor.execute(BackgroundTask.of("marker", progress -> "done").onSuccess(done -> marker.countDown()));
        assertThat(marker.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(callbacks.get()).isZero();
    }

    @Test
    void repeatsACallbackOnTheUiThreadUntilCancelled() {
        List<String> ticks = new CopyOnWriteArrayList<>();
        TaskHandle handle = executor.repeatOnCallbackThread(() -> ticks.add(Thread.currentThread().getName()),
                Duration.ZERO, Duration.ofMillis(20));

        await().atMost(5, TimeUnit.SECONDS).until(() -> ticks.size() >= 3);
        handle.cancel();
        int afterCancel = ui.get(ticks::size);
        // At most a tick already under way when cancel() returned may still land; then nothing, for a while.
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2))
                .until(() -> ticks.size() <= afterCancel + 1);
        assertThat(ticks).allMatch("test-ui"::equals);
    }
}

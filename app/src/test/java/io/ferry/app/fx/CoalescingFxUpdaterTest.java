package io.ferry.app.fx;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The updater's contract, with a hand-driven queue (and a real thread) standing in for the FX thread. */
class CoalescingFxUpdaterTest {

    /** Runnables wait here until the test "runs a pulse". */
    private final Queue<Runnable> fxQueue = new ArrayDeque<>();
    private final List<Integer> consumed = new ArrayList<>();
    private final CoalescingFxUpdater<Integer> updater = new CoalescingFxUpdater<>(consumed::add, fxQueue::add);

    @Test
    void manySubmitsBeforeTheFxThreadRunsScheduleOneUpdateWithTheLatestValue() {
        for (int i = 1; i <= 1000; i++) {
            updater.submit(i);
        }

        assertThat(fxQueue).hasSize(1);
        runFxQueue();
        assertThat(consumed).containsExactly(1000);
    }

    @Test
    void aSubmitAfterTheUpdateWasConsumedSchedulesTheNextOne() {
        updater.submit(1);
        runFxQueue();
        updater.submit(2);
        updater.submit(3);

        assertThat(fxQueue).hasSize(1);
        runFxQueue();
        assertThat(consumed).containsExactly(1, 3);
    }

    @Test
    void nothingIsScheduledWithoutASubmit() {
        assertThat(fxQueue).isEmpty();
        updater.submit(7);
        runFxQueue();
        runFxQueue();
        assertThat(consumed).containsExactly(7);
    }

    @Test
    void underConcurrentSubmitsAtMostOneUpdateWaitsAndTheLastValueArrives() throws Exception {
        AtomicInteger waiting = new AtomicInteger();
        AtomicInteger mostWaiting = new AtomicInteger();
        AtomicInteger scheduled = new AtomicInteger();
        ExecutorService fxThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-fx"));
        Executor countingFx = runnable -> {
            scheduled.incrementAndGet();
            mostWaiting.accumulateAndGet(waiting.incrementAndGet(), Math::max);
            fxThread.execute(() -> {
                waiting.decrementAndGet();
                runnable.run();
            });
        };
        List<Long> seen = new CopyOnWriteArrayList<>();
        CoalescingFxUpdater<Long> concurrent = new CoalescingFxUpdater<>(seen::add, countingFx);

        int producers = 4;
        int perProducer = 50_000;
        ExecutorService producerPool = Executors.newFixedThreadPool(producers);
        for (int p = 0; p < producers; p++) {
            long base = p * 1_000_000L;
            producerPool.execute(() -> {
                for (int i = 0; i < perProducer; i++) {
                    concurrent.submit(base + i);
                }
            });
        }
        producerPool.shutdown();
        assertThat(producerPool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        concurrent.submit(-1L);

        await().atMost(10, TimeUnit.SECONDS).until(() -> !seen.isEmpty() && seen.get(seen.size() - 1) == -1L);
        fxThread.shutdown();
        assertThat(mostWaiting.get()).as("updates waiting for the FX thread at once").isEqualTo(1);
        assertThat(seen.size()).as("each scheduled update delivers at most one value").isLessThanOrEqualTo(scheduled.get());
        assertThat(scheduled.get()).as("updates scheduled for %d submits", producers * perProducer + 1)
                .isLessThan(producers * perProducer + 1);
    }

    private void runFxQueue() {
        Runnable next;
        while ((next = fxQueue.poll()) != null) {
            next.run();
        }
    }
}

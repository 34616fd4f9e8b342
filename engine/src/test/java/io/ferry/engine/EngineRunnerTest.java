package io.ferry.engine;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class EngineRunnerTest {

    @Test
    void eachJobRunsOnItsOwnLoopAndAFailingRunDoesNotStopIt() throws Exception {
        AtomicInteger failing = new AtomicInteger();
        AtomicInteger steady = new AtomicInteger();
        CountDownLatch enough = new CountDownLatch(3);
        EngineRunner runner = new EngineRunner(List.of(
                ScheduledWork.of("failing", Duration.ofMillis(10), () -> {
                    failing.incrementAndGet();
                    enough.countDown();
                    throw new IllegalStateException("the server is away");
                }),
                ScheduledWork.of("steady", Duration.ofMillis(10), steady::incrementAndGet)));
        runner.start();
        assertThat(enough.await(10, TimeUnit.SECONDS)).as("the failing job ran again after failing").isTrue();
        runner.stop();
        assertThat(steady.get()).isPositive();
        int after = failing.get();
        Thread.sleep(100);
        assertThat(failing.get()).as("no run after stop").isEqualTo(after);
    }

    @Test
    void stopLetsTheRunInProgressFinish() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        EngineRunner runner = new EngineRunner(List.of(ScheduledWork.of("slow", Duration.ofHours(1), () -> {
            started.countDown();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.set(true);
        })));
        runner.start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        runner.stop();
        assertThat(finished).as("stop waited for the run").isTrue();
    }
}

package io.ferry.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs each piece of scheduled work on a loop of its own (one thread each: a slow job does not hold up another)
 * until {@link #stop()}. Stopping lets a run in progress finish: an archive half-written is not a clean stop.
 */
public final class EngineRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EngineRunner.class);

    private final List<ScheduledWork> work;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final List<Thread> loops = new ArrayList<>();

    public EngineRunner(List<ScheduledWork> work) {
        this.work = List.copyOf(work);
    }

    public synchronized void start() {
        if (!loops.isEmpty()) {
            throw new IllegalStateException("already started");
        }
        for (ScheduledWork w : work) {
            Thread t = new Thread(() -> loop(w), "ferry-job-" + w.name());
            loops.add(t);
            t.start();
        }
    }

    private void loop(ScheduledWork w) {
        try {
            do {
                try {
                    w.runOnce();
                } catch (Exception | LinkageError e) {
                    LOG.error("{}: run failed: {}", w.name(), e.toString(), e);
                }
            } while (!stopping.await(w.every().toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks until {@link #stop()} was called and every loop has finished its run. */
    public void awaitStopped() throws InterruptedException {
        stopping.await();
        for (Thread t : snapshot()) {
            t.join();
        }
    }

    /** Asks every loop to stop after its current run, and waits for them. */
    public void stop() throws InterruptedException {
        stopping.countDown();
        for (Thread t : snapshot()) {
            t.join();
        }
    }

    private synchronized List<Thread> snapshot() {
        return List.copyOf(loops);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}

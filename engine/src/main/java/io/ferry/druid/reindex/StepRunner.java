package io.ferry.druid.reindex;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs steps in order, each only when the steps it depends on succeeded, retrying a failed step with exponential
 * backoff (what AWS Data Pipeline's activities did). A {@link PermanentFailure} is not retried: retrying a refused
 * spec or a verification mismatch changes nothing.
 */
public final class StepRunner {
    public enum Status { SUCCEEDED, FAILED, SKIPPED }

    /** One unit of work; {@code attempt} counts from 1. */
    public interface Action {
        void run(int attempt) throws Exception;
    }

    public record Step(String name, Set<String> dependsOn, boolean retried, Action action) {
        public static Step of(String name, Set<String> dependsOn, boolean retried, Action action) {
            return new Step(name, Set.copyOf(dependsOn), retried, action);
        }
    }

    /** A failure that another attempt cannot fix. */
    public static class PermanentFailure extends RuntimeException {
        public PermanentFailure(String message) {
            super(message);
        }

        public PermanentFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Sleeps between attempts (tests pass one that does not). */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final int retries;
    private final Duration backoff;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Consumer<String> progress;

    /** @param retries attempts after the first, for steps that are retried */
    public StepRunner(int retries, Duration backoff, Clock clock, Sleeper sleeper, Consumer<String> progress) {
        this.retries = retries;
        this.backoff = backoff;
        this.clock = clock;
        this.sleeper = sleeper;
        this.progress = progress;
    }

    /** Runs every step; returns what happened to each, in order. Interrupts stop the run at once. */
    public List<StepRecord> run(List<Step> steps) throws InterruptedException {
        List<StepRecord> out = new ArrayList<>();
        Map<String, Status> done = new HashMap<>();
        for (Step step : steps) {
            List<String> unmet = step.dependsOn().stream().filter(d -> done.get(d) != Status.SUCCEEDED).sorted().toList();
            if (!unmet.isEmpty()) {
                done.put(step.name(), Status.SKIPPED);
                out.add(new StepRecord(step.name(), Status.SKIPPED, 0, null, null, "not run: " + String.join(", ", unmet)
                        + " did not succeed"));
                continue;
            }
            StepRecord r = runOne(step);
            done.put(step.name(), r.status());
            out.add(r);
        }
        return out;
    }

    private StepRecord runOne(Step step) throws InterruptedException {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        int maxAttempts = step.retried() ? retries + 1 : 1;
        Duration wait = backoff;
        for (int attempt = 1; ; attempt++) {
            try {
                step.action().run(attempt);
                return new StepRecord(step.name(), Status.SUCCEEDED, attempt, started, Duration.ofNanos(System.nanoTime() - t0), null);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                String message = message(e);
                boolean permanent = e instanceof PermanentFailure;
                if (permanent || attempt >= maxAttempts) {
                    progress.accept(step.name() + " failed" + (attempt > 1 ? " after " + attempt + " attempts" : "") + ": " + message);
                    return new StepRecord(step.name(), Status.FAILED, attempt, started, Duration.ofNanos(System.nanoTime() - t0), message);
                }
                progress.accept(step.name() + " attempt " + attempt + " failed (" + message + "); retrying in " + wait.toSeconds() + " s");
                sleeper.sleep(wait);
                wait = wait.multipliedBy(2);
            }
        }
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}

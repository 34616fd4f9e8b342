package io.ferry.engine;

import java.time.Duration;

/**
 * A piece of work the engine repeats on its own loop: a genlog job's check, a Druid re-index round. (Replication
 * streams continuously and is not scheduled work.)
 */
public interface ScheduledWork {

    /** The job's name, in every log line. */
    String name();

    /** The pause between the end of one run and the start of the next. */
    Duration every();

    /** One run. What it throws is logged and the loop goes on. */
    void runOnce() throws Exception;

    /** One run of a job, which may throw. */
    @FunctionalInterface
    interface Run {
        void run() throws Exception;
    }

    static ScheduledWork of(String name, Duration every, Run run) {
        return new ScheduledWork() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Duration every() {
                return every;
            }

            @Override
            public void runOnce() throws Exception {
                run.run();
            }
        };
    }
}

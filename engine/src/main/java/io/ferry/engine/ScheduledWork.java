package io.ferry.engine;

import java.time.Duration;

/**
 * A piece of work the engine repeats on its own loop: a genlog job's check today; replication or a Druid
 * re-index are other kinds of scheduled work added the same way.
 */
public interface ScheduledWork {

    /** The job's name, in every log line. */
    String name();

    /** The pause between the end of one run and the start of the next. */
    Duration every();

    /** One run. What it throws is logged and the loop goes on. */
    void runOnce() throws Exception;

    static ScheduledWork of(String name, Duration every, Runnable run) {
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
            public void runOnce() {
                run.run();
            }
        };
    }
}

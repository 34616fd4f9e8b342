package io.ferry.app.replication;

import io.ferry.client.ReplicationSample;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The samples of one job the console has fetched, at most an hour of them: the poller appends what the engine
 * returns after the last one it has. Owned by the polling thread; the FX thread only gets copies.
 */
final class SampleBuffer {
    static final int CAPACITY = 3600;

    private final ArrayDeque<ReplicationSample> samples = new ArrayDeque<>(CAPACITY);
    private String job;

    /** Forgets everything when the job changes; returns the time to ask the engine "since" (null: everything). */
    Instant since(String forJob) {
        if (!forJob.equals(job)) {
            job = forJob;
            samples.clear();
        }
        return samples.isEmpty() ? null : samples.peekLast().time();
    }

    /** Appends samples newer than the last one kept; returns whether anything was added. */
    boolean append(List<ReplicationSample> newer) {
        boolean added = false;
        for (ReplicationSample s : newer) {
            if (samples.isEmpty() || s.time().isAfter(samples.peekLast().time())) {
                if (samples.size() == CAPACITY) {
                    samples.pollFirst();
                }
                samples.addLast(s);
                added = true;
            }
        }
        return added;
    }

    List<ReplicationSample> snapshot() {
        return List.copyOf(samples);
    }

    String job() {
        return job;
    }
}

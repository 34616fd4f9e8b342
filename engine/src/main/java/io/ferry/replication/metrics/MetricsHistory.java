package io.ferry.replication.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The samples of the last hour (by default: 3600 one-second samples), in a fixed ring: memory stays bounded
 * however long the job runs. Thread-safe.
 */
public final class MetricsHistory {
    public static final Duration DEFAULT_RETENTION = Duration.ofHours(1);

    private final MetricsSample[] ring;
    private int next;
    private int size;

    public MetricsHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.ring = new MetricsSample[capacity];
    }

    /** An hour of one-second samples. */
    public static MetricsHistory lastHour() {
        return new MetricsHistory((int) DEFAULT_RETENTION.toSeconds());
    }

    public synchronized void add(MetricsSample sample) {
        ring[next] = sample;
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
    }

    /** Samples strictly after {@code since} (null: all), oldest first. */
    public synchronized List<MetricsSample> since(Instant since) {
        List<MetricsSample> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            MetricsSample s = ring[(next - size + i + ring.length) % ring.length];
            if (since == null || s.time().isAfter(since)) {
                out.add(s);
            }
        }
        return out;
    }

    public synchronized Optional<MetricsSample> latest() {
        return size == 0 ? Optional.empty() : Optional.of(ring[(next - 1 + ring.length) % ring.length]);
    }

    public synchronized int size() {
        return size;
    }

    public int capacity() {
        return ring.length;
    }
}

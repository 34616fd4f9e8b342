package io.ferry.druid.reindex;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides which intervals a re-index may overwrite. An interval is closed once its end plus the supervisor's
 * {@link SupervisorTiming#closeDelay()} has passed. Batches are {@code batchChunks} whole segment-granularity chunks,
 * aligned to multiples of the batch length since the epoch (HOUR segments 4 at a time: 00-04, 04-08, ... UTC).
 */
public final class ReindexPlanner {
    private final Clock clock;
    private final SegmentGranularity granularity;
    private final int batchChunks;
    private final SupervisorTiming timing;

    public ReindexPlanner(Clock clock, SegmentGranularity granularity, int batchChunks, SupervisorTiming timing) {
        if (batchChunks < 1) {
            throw new IllegalArgumentException("a batch has at least one chunk: " + batchChunks);
        }
        this.clock = clock;
        this.granularity = granularity;
        this.batchChunks = batchChunks;
        this.timing = timing;
    }

    public Duration batchLength() {
        return granularity.length().multipliedBy(batchChunks);
    }

    public SegmentGranularity granularity() {
        return granularity;
    }

    public SupervisorTiming timing() {
        return timing;
    }

    public Instant now() {
        return clock.instant();
    }

    /** When {@code interval} closes (or closed). */
    public Instant closesAt(TimeInterval interval) {
        return interval.end().plus(timing.closeDelay());
    }

    public boolean isClosed(TimeInterval interval) {
        return !closesAt(interval).isAfter(clock.instant());
    }

    /** The batch holding {@code t}. */
    public TimeInterval batchAt(Instant t) {
        long ms = batchLength().toMillis();
        Instant start = Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), ms) * ms);
        return new TimeInterval(start, start.plus(batchLength()));
    }

    /** Every closed batch starting at or after {@code from}'s batch, oldest first. */
    public List<TimeInterval> closedBatchesSince(Instant from) {
        List<TimeInterval> out = new ArrayList<>();
        for (TimeInterval b = batchAt(from); isClosed(b); b = new TimeInterval(b.end(), b.end().plus(batchLength()))) {
            out.add(b);
        }
        return out;
    }

    /**
     * The closed batches of the last {@code lookback} that no successful run has re-indexed yet ({@code done}: the
     * intervals of successful runs; a batch overlapped by a done interval still needs a run only if not wholly covered).
     */
    public List<TimeInterval> due(Duration lookback, Set<TimeInterval> done) {
        return closedBatchesSince(clock.instant().minus(lookback)).stream()
                .filter(b -> done.stream().noneMatch(d -> !d.start().isAfter(b.start()) && !d.end().isBefore(b.end())))
                .toList();
    }

    /**
     * Checks an interval asked for by hand: whole chunks, and closed (unless {@code force}); the reason otherwise.
     */
    public List<String> problems(TimeInterval interval, boolean force) {
        List<String> problems = new ArrayList<>();
        if (!granularity.isAligned(interval.start()) || !granularity.isAligned(interval.end())) {
            problems.add("interval " + interval + " is not made of whole " + granularity + " chunks");
        }
        if (!force && !isClosed(interval)) {
            problems.add("interval " + interval + " is not closed yet: it closes at " + closesAt(interval) + " ("
                    + timing + "); real-time tasks could still append to it");
        }
        return problems;
    }
}

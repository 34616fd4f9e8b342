package io.ferry.druid.reindex;

import io.ferry.druid.CoordinatorClient;
import io.ferry.druid.SegmentInfo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Checks an overwrite once Druid has settled: the batch version is what the coordinator serves for every chunk, the
 * real-time segments it replaced are overshadowed (or already dropped), no partition was appended to the batch
 * version after the task published it, and {@code SUM(count)} and the metric sums per chunk equal the flattened
 * input's.
 */
public final class ReindexVerifier {
    private static final Duration POLL = Duration.ofSeconds(1);

    private final CoordinatorClient coordinator;
    private final String dataSource;
    private final SegmentGranularity granularity;
    private final DruidChunkFigures figures;
    private final Duration loadTimeout;
    private final StepRunner.Sleeper sleeper;

    public ReindexVerifier(CoordinatorClient coordinator, String dataSource, SegmentGranularity granularity,
                           DruidChunkFigures figures, Duration loadTimeout, StepRunner.Sleeper sleeper) {
        this.coordinator = coordinator;
        this.dataSource = dataSource;
        this.granularity = granularity;
        this.figures = figures;
        this.loadTimeout = loadTimeout;
        this.sleeper = sleeper;
    }

    public SegmentVersions segments(TimeInterval interval) {
        return SegmentVersions.of(interval, coordinator.segments(dataSource));
    }

    /**
     * Waits until the coordinator lists the segments the task published: a version not in {@code before} in every
     * chunk that had input rows or older segments. Returns those segments (their ids are the batch version's
     * partitions at publication).
     */
    public List<SegmentInfo> awaitPublished(TimeInterval interval, SegmentVersions before,
                                            Map<TimeInterval, ChunkFigures> expected) throws InterruptedException {
        Set<String> oldVersions = before.byVersion().keySet();
        List<TimeInterval> needed = interval.split(granularity.length()).stream()
                .filter(c -> expected.getOrDefault(c, ChunkFigures.NONE).events() > 0 || !before.in(c).isEmpty()).toList();
        long deadline = System.nanoTime() + loadTimeout.toNanos();
        while (true) {
            SegmentVersions now = segments(interval);
            List<SegmentInfo> fresh = now.segments().stream().filter(s -> !oldVersions.contains(s.version())).toList();
            List<TimeInterval> missing = needed.stream()
                    .filter(c -> fresh.stream().noneMatch(s -> SegmentVersions.intervalOf(s).overlaps(c))).toList();
            if (missing.isEmpty()) {
                return fresh;
            }
            if (System.nanoTime() > deadline) {
                throw new StepRunner.PermanentFailure("the task succeeded but after " + loadTimeout.toSeconds()
                        + " s the coordinator lists no new segment for " + missing.size() + " chunk(s): " + missing);
            }
            sleeper.sleep(POLL);
        }
    }

    /** Waits until {@code loadstatus} has nothing pending for the datasource in any tier. */
    public void awaitLoaded() throws InterruptedException {
        long deadline = System.nanoTime() + loadTimeout.toNanos();
        while (!coordinator.isFullyLoaded(dataSource)) {
            if (System.nanoTime() > deadline) {
                throw new StepRunner.PermanentFailure("segments of " + dataSource + " still pending load after "
                        + loadTimeout.toSeconds() + " s: " + coordinator.pendingLoads());
            }
            sleeper.sleep(POLL);
        }
    }

    /**
     * Runs every check; returns Druid's figures per chunk when all pass, else throws a {@link StepRunner.PermanentFailure}
     * listing every problem.
     */
    public Map<TimeInterval, ChunkFigures> verify(TimeInterval interval, SegmentVersions before, List<SegmentInfo> published,
                                                  Map<TimeInterval, ChunkFigures> expected) throws InterruptedException {
        awaitLoaded();
        Set<String> batchVersions = published.stream().map(SegmentInfo::version).collect(Collectors.toSet());
        Set<String> publishedIds = published.stream().map(SegmentInfo::id).collect(Collectors.toSet());
        Set<String> beforeIds = before.segments().stream().map(SegmentInfo::id).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        SegmentVersions now = segments(interval);
        for (SegmentInfo s : now.segments()) {
            if (batchVersions.contains(s.version())) {
                if (!publishedIds.contains(s.id())) {
                    problems.add("segment " + s.id() + " was appended to the batch version after the re-index"
                            + " (a late real-time write: lateMessageRejectionPeriod too short?)");
                } else if (s.overshadowed()) {
                    problems.add("batch segment " + s.id() + " is overshadowed by a newer version");
                }
            } else if (beforeIds.contains(s.id()) && !s.overshadowed()) {
                problems.add("segment " + s.id() + " (version " + s.version() + ", from before the re-index) is not overshadowed");
            } else if (!beforeIds.contains(s.id()) && !s.overshadowed()) {
                problems.add("segment " + s.id() + " (version " + s.version() + ") appeared during the re-index and is served");
            }
        }
        Map<TimeInterval, ChunkFigures> druid = awaitFigures(interval, expected);
        for (Map.Entry<TimeInterval, ChunkFigures> e : new TreeMap<>(expected).entrySet()) {
            ChunkFigures want = e.getValue();
            ChunkFigures got = druid.getOrDefault(e.getKey(), ChunkFigures.NONE);
            if (!matches(want, got)) {
                problems.add("chunk " + e.getKey() + ": Druid has " + got.events() + " events " + got.sums()
                        + ", the input " + want.events() + " " + want.sums());
            }
        }
        if (!problems.isEmpty()) {
            throw new StepRunner.PermanentFailure("verification failed: " + String.join("; ", problems));
        }
        return druid;
    }

    /** The broker may serve the new segments a moment after the coordinator counts them loaded. */
    private Map<TimeInterval, ChunkFigures> awaitFigures(TimeInterval interval, Map<TimeInterval, ChunkFigures> expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + Math.min(loadTimeout.toNanos(), Duration.ofSeconds(60).toNanos());
        while (true) {
            Map<TimeInterval, ChunkFigures> druid = figures.query(interval);
            boolean all = expected.entrySet().stream()
                    .allMatch(e -> matches(e.getValue(), druid.getOrDefault(e.getKey(), ChunkFigures.NONE)));
            if (all || System.nanoTime() > deadline) {
                return druid;
            }
            sleeper.sleep(POLL);
        }
    }

    private static boolean matches(ChunkFigures want, ChunkFigures got) {
        if (want.events() != got.events()) {
            return false;
        }
        return want.sums().keySet().stream().allMatch(k -> want.sum(k) == got.sum(k));
    }
}

package io.ferry.druid.reindex;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one segment chunk holds: events ({@code SUM(count)}, not Druid rows) and the sum of each summed metric, by
 * metric name ({@code revenue_micros}).
 */
public record ChunkFigures(long events, Map<String, Long> sums) {
    public static final ChunkFigures NONE = new ChunkFigures(0, Map.of());

    public ChunkFigures {
        sums = Map.copyOf(sums);
    }

    public long sum(String metric) {
        return sums.getOrDefault(metric, 0L);
    }

    public ChunkFigures plus(ChunkFigures other) {
        TreeMap<String, Long> s = new TreeMap<>(sums);
        other.sums.forEach((k, v) -> s.merge(k, v, Long::sum));
        return new ChunkFigures(events + other.events, s);
    }

    /** This minus {@code other}, metric by metric. */
    public ChunkFigures minus(ChunkFigures other) {
        TreeMap<String, Long> s = new TreeMap<>(sums);
        other.sums.forEach((k, v) -> s.merge(k, -v, Long::sum));
        return new ChunkFigures(events - other.events, s);
    }
}

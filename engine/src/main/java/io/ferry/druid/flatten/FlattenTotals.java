package io.ferry.druid.flatten;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Per time chunk, what was written: the row count and the sum of every long and double column, so a
 * verifier can compare them with Druid's {@code SUM(count)} and metric sums for the same chunk. Long sums wrap
 * on overflow as Druid's {@code longSum} does; double sums depend on the order of addition, so compare them
 * with a tolerance.
 */
public final class FlattenTotals {
    private final ChunkGranularity granularity;
    private final List<String> longColumns;
    private final List<String> doubleColumns;
    private final TreeMap<Long, Sums> chunks = new TreeMap<>();
    private long lastChunk = Long.MIN_VALUE;
    private Sums last;

    /** Mutable sums of one chunk, indexed like the columns. */
    static final class Sums {
        long rows;
        final long[] longs;
        final double[] doubles;

        Sums(int longCount, int doubleCount) {
            longs = new long[longCount];
            doubles = new double[doubleCount];
        }
    }

    /** One chunk's totals. */
    public record Chunk(Instant start, long rows, Map<String, Long> longSums, Map<String, Double> doubleSums) {
    }

    public FlattenTotals(ChunkGranularity granularity, List<String> longColumns, List<String> doubleColumns) {
        this.granularity = granularity;
        this.longColumns = List.copyOf(longColumns);
        this.doubleColumns = List.copyOf(doubleColumns);
    }

    /** The sums of the chunk holding {@code epochMillis}, counted as one more row. */
    Sums row(long epochMillis) {
        long chunk = granularity.floor(epochMillis);
        if (chunk != lastChunk || last == null) {
            last = chunks.computeIfAbsent(chunk, c -> new Sums(longColumns.size(), doubleColumns.size()));
            lastChunk = chunk;
        }
        last.rows++;
        return last;
    }

    public ChunkGranularity granularity() {
        return granularity;
    }

    public List<String> longColumns() {
        return longColumns;
    }

    public List<String> doubleColumns() {
        return doubleColumns;
    }

    /** Every chunk with at least one row, oldest first. */
    public NavigableMap<Instant, Chunk> chunks() {
        TreeMap<Instant, Chunk> out = new TreeMap<>();
        chunks.forEach((start, s) -> out.put(Instant.ofEpochMilli(start), chunk(start, s)));
        return Collections.unmodifiableNavigableMap(out);
    }

    public long rows() {
        return chunks.values().stream().mapToLong(s -> s.rows).sum();
    }

    /** Adds another run's totals (same spec) into these: e.g. one per thread. */
    public void add(FlattenTotals other) {
        if (other.granularity != granularity || !other.longColumns.equals(longColumns) || !other.doubleColumns.equals(doubleColumns)) {
            throw new IllegalArgumentException("totals of different specs cannot be added");
        }
        other.chunks.forEach((start, s) -> {
            Sums mine = chunks.computeIfAbsent(start, c -> new Sums(longColumns.size(), doubleColumns.size()));
            mine.rows += s.rows;
            for (int i = 0; i < s.longs.length; i++) {
                mine.longs[i] += s.longs[i];
            }
            for (int i = 0; i < s.doubles.length; i++) {
                mine.doubles[i] += s.doubles[i];
            }
        });
    }

    private Chunk chunk(long start, Sums s) {
        Map<String, Long> longs = new LinkedHashMap<>();
        for (int i = 0; i < longColumns.size(); i++) {
            longs.put(longColumns.get(i), s.longs[i]);
        }
        Map<String, Double> doubles = new LinkedHashMap<>();
        for (int i = 0; i < doubleColumns.size(); i++) {
            doubles.put(doubleColumns.get(i), s.doubles[i]);
        }
        return new Chunk(Instant.ofEpochMilli(start), s.rows, Collections.unmodifiableMap(longs), Collections.unmodifiableMap(doubles));
    }
}

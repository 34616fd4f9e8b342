package io.ferry.druid.reindex;

import io.ferry.druid.flatten.FlattenSpec;
import io.ferry.druid.flatten.FlattenStats;
import io.ferry.druid.flatten.FlattenTotals;
import io.ferry.druid.flatten.Flattener;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Flattens an interval's raw files with Ferry's {@link Flattener}, one gzipped flat file per hour, and totals what
 * it wrote per segment chunk. With {@code writeFiles=false} (Druid flattens the raw files itself) only the totals
 * are computed, from the same spec, so the verification has the same reference either way.
 */
public final class InputFlattener {
    private static final DateTimeFormatter FILE_HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);

    private final RawInput input;
    private final FlattenSpec spec;
    private final SegmentGranularity granularity;
    private final ReindexSchema schema;

    public InputFlattener(RawInput input, FlattenSpec spec, SegmentGranularity granularity, ReindexSchema schema) {
        long specChunk = spec.granularity().millis();
        if (granularity.length().toMillis() % specChunk != 0) {
            throw new IllegalArgumentException("the flatten spec totals per " + spec.granularity() + ", which does not divide "
                    + granularity + " segments; set granularity: " + granularity + " (or finer) in the flatten spec");
        }
        for (String column : schema.summedInputs().values()) {
            if (spec.summedColumns().stream().noneMatch(c -> c.name().equals(column))) {
                throw new IllegalArgumentException("the flatten spec has no long column '" + column
                        + "', which the datasource's metrics sum");
            }
        }
        this.input = input;
        this.spec = spec;
        this.granularity = granularity;
        this.schema = schema;
    }

    /** The timestamp column of the flat rows and its format for Druid's {@code timestampSpec}. */
    public String timestampColumn() {
        return spec.timestamp().column();
    }

    public String timestampFormat() {
        return spec.timestamp().output() == FlattenSpec.TimestampFormat.MILLIS ? "millis" : "iso";
    }

    public FlatBatch flatten(InputCheck check, Path workDir, boolean writeFiles) throws IOException {
        Files.createDirectories(workDir);
        List<Path> files = new ArrayList<>();
        FlattenStats stats = null;
        FlattenTotals totals = null;
        for (HourInput hour : check.hours()) {
            if (hour.parts().isEmpty()) {
                continue;
            }
            Path file = workDir.resolve("flat-" + FILE_HOUR.format(hour.hour()) + ".json.gz");
            try (OutputStream out = writeFiles ? new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), 1 << 16)
                    : OutputStream.nullOutputStream();
                 Flattener flattener = new Flattener(spec, out)) {
                for (RawInput.StoredFile part : hour.parts()) {
                    try (InputStream raw = input.open(part.key());
                         InputStream in = part.key().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
                        flattener.flatten(in, input.locate(part.key()));
                    }
                }
                flattener.close();
                if (stats == null) {
                    stats = flattener.stats();
                    totals = flattener.totals();
                } else {
                    stats.add(flattener.stats());
                    totals.add(flattener.totals());
                }
            }
            if (writeFiles) {
                files.add(file);
            }
        }
        return summarize(check.interval(), files, stats, totals);
    }

    private FlatBatch summarize(TimeInterval interval, List<Path> files, FlattenStats stats, FlattenTotals totals) {
        Map<TimeInterval, ChunkFigures> chunks = new HashMap<>();
        for (TimeInterval chunk : interval.split(granularity.length())) {
            chunks.put(chunk, ChunkFigures.NONE);
        }
        long outside = 0;
        if (totals != null) {
            for (FlattenTotals.Chunk c : totals.chunks().values()) {
                Instant start = granularity.floor(c.start());
                TimeInterval chunk = new TimeInterval(start, start.plus(granularity.length()));
                if (!chunks.containsKey(chunk)) {
                    outside += c.rows();
                    continue;
                }
                Map<String, Long> sums = new HashMap<>();
                schema.summedInputs().forEach((metric, column) -> sums.put(metric, c.longSums().getOrDefault(column, 0L)));
                chunks.merge(chunk, new ChunkFigures(c.rows(), sums), ChunkFigures::plus);
            }
        }
        List<String> rejections = stats == null ? List.of()
                : stats.firstRejections().stream().map(Object::toString).toList();
        return new FlatBatch(files, chunks, stats == null ? 0 : stats.rowsIn(), stats == null ? 0 : stats.rowsOut(),
                stats == null ? 0 : stats.rowsRejected(), outside, stats == null ? 0 : stats.bytesIn(), rejections);
    }
}

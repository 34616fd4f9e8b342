package io.ferry.druid.reindex;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The flattened input of one run: the flat files (empty when Druid flattens the raw files itself), and per
 * segment chunk what they hold, to compare with Druid after the overwrite.
 *
 * @param chunks     per chunk of the interval (every chunk, zero when no row fell in it)
 * @param outside    rows whose time fell outside the interval (Druid throws them away)
 */
public record FlatBatch(List<Path> files, Map<TimeInterval, ChunkFigures> chunks, long rowsIn, long rowsOut,
                        long rowsRejected, long outside, long bytesIn, List<String> firstRejections) {
    public FlatBatch {
        files = List.copyOf(files);
        chunks = Map.copyOf(chunks);
        firstRejections = List.copyOf(firstRejections);
    }
}

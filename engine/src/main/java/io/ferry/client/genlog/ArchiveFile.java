package io.ferry.client.genlog;

import java.nio.file.Path;
import java.time.Instant;

/** An archive a rotation wrote (gzip NDJSON). */
public record ArchiveFile(Path path, String name, long bytes, Instant modified) {
}

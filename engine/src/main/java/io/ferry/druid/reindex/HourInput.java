package io.ferry.druid.reindex;

import io.ferry.druid.lambda.HourManifest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The raw files of one hour that a run reads: the parts (from the manifest when there is one) and the manifest. */
public record HourInput(Instant hour, List<RawInput.StoredFile> parts, Optional<HourManifest> manifest) {
    public HourInput {
        parts = List.copyOf(parts);
    }

    public long bytes() {
        return parts.stream().mapToLong(RawInput.StoredFile::size).sum();
    }
}

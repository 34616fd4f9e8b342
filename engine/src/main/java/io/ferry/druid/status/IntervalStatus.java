package io.ferry.druid.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One interval of a datasource's timeline and its versions, newest first. */
public record IntervalStatus(Instant start, Instant end, List<VersionStatus> versions) {
    public IntervalStatus {
        versions = List.copyOf(versions);
    }

    /** The version queries read: the newest one not overshadowed. */
    public Optional<VersionStatus> active() {
        return versions.stream().filter(v -> !v.overshadowed()).findFirst();
    }
}

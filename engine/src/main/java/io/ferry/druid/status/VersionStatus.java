package io.ferry.druid.status;

import java.util.Map;

/**
 * One version of one interval: its partitions taken together.
 *
 * @param published           partitions in the metadata store as used
 * @param available           partitions served by at least one server
 * @param overshadowed        a newer version covers the interval (every partition says so)
 * @param replicas            segment replicas on data servers, all partitions together
 * @param replicasByTier      replicas on historicals, per tier (e.g. hot → 1, cold → 0 is left out)
 * @param servedByRealtimeTask at least one partition is served by a real-time (indexer) task
 */
public record VersionStatus(String version, SegmentOrigin origin, int partitions, long rows, long sizeBytes,
                            int published, int available, boolean overshadowed, long replicas,
                            Map<String, Integer> replicasByTier, boolean servedByRealtimeTask) {

    public VersionStatus {
        replicasByTier = Map.copyOf(replicasByTier);
    }

    /** One word for what a user most wants to know: is this the version queries read? */
    public String state() {
        if (overshadowed) {
            return "overshadowed";
        }
        if (published == 0) {
            return servedByRealtimeTask ? "real-time, not published" : "not published";
        }
        if (available < partitions) {
            return available == 0 ? "published, not loaded" : "partly loaded";
        }
        return "available";
    }

    /** The tiers holding this version, sorted, joined by "+"; "-" when none. */
    public String tiers() {
        return replicasByTier.isEmpty() ? "-" : String.join("+", new java.util.TreeSet<>(replicasByTier.keySet()));
    }
}

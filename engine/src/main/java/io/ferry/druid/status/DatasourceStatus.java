package io.ferry.druid.status;

import java.util.List;
import java.util.Map;

/**
 * What {@code ferry druid status} says of one datasource.
 *
 * @param loadedPercent     share of its used segments loaded somewhere (coordinator {@code loadstatus})
 * @param pendingByTier     replicas the rules still want loaded, per tier ({@code loadstatus?full}); 0s left out
 * @param segmentsByTier    segment replicas served by historicals, per tier
 */
public record DatasourceStatus(String dataSource, double loadedPercent, Map<String, Long> pendingByTier,
                               Map<String, Long> segmentsByTier, List<SupervisorHealth> supervisors, LoadRules rules,
                               CompactionCheck compaction) {
    public DatasourceStatus {
        pendingByTier = Map.copyOf(pendingByTier);
        segmentsByTier = Map.copyOf(segmentsByTier);
        supervisors = List.copyOf(supervisors);
    }
}

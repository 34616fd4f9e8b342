package io.ferry.druid.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.druid.DruidClient;
import io.ferry.druid.SegmentPlacement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reads the whole {@link DruidStatus} of a cluster from the coordinator, the overlord and the broker. */
public final class DruidStatusReader {
    private final DruidClient druid;
    private final Duration reindexLag;

    /** @param reindexLag how long after an interval's end the re-index overwrites it, for the compaction check */
    public DruidStatusReader(DruidClient druid, Duration reindexLag) {
        this.druid = druid;
        this.reindexLag = reindexLag;
    }

    public DruidStatus read() {
        List<SupervisorHealth> supervisors = new SupervisorReader(druid).all();
        Map<String, Double> loaded = druid.coordinator().loadStatus();
        Map<String, Map<String, Long>> pending = druid.coordinator().pendingLoads();
        JsonNode allRules = druid.coordinator().allRules();
        TreeSet<String> names = new TreeSet<>(druid.coordinator().usedDatasources());
        supervisors.forEach(s -> names.add(s.dataSource()));
        List<DatasourceStatus> datasources = new ArrayList<>();
        for (String ds : names) {
            datasources.add(datasource(ds, loaded, pending, allRules, supervisors));
        }
        return new DruidStatus(datasources, supervisors, druid.overlord().tasks("running", null), druid.coordinator().servers());
    }

    private DatasourceStatus datasource(String ds, Map<String, Double> loaded, Map<String, Map<String, Long>> pending,
                                        JsonNode allRules, List<SupervisorHealth> supervisors) {
        Map<String, Long> pendingByTier = new LinkedHashMap<>();
        pending.forEach((tier, perDs) -> {
            long n = perDs.getOrDefault(ds, 0L);
            if (n != 0) {
                pendingByTier.put(tier, n);
            }
        });
        Map<String, Long> byTier = new TreeMap<>();
        if (loaded.containsKey(ds)) { // a datasource with nothing served yet is "not found" to SQL for a while
            for (SegmentPlacement p : druid.broker().placements(ds)) {
                if (SegmentTimelineBuilder.HISTORICAL.equals(p.serverType())) {
                    byTier.merge(p.tier(), 1L, Long::sum);
                }
            }
        }
        return new DatasourceStatus(ds, loaded.getOrDefault(ds, 0.0), pendingByTier, byTier,
                supervisors.stream().filter(s -> ds.equals(s.dataSource())).toList(),
                LoadRules.of(druid.coordinator().rules(ds), allRules),
                CompactionCheck.of(druid.coordinator().compactionConfig(ds), reindexLag));
    }
}

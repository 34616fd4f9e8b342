package io.ferry.client.druid;

import io.ferry.config.DruidConnectionConfig;
import io.ferry.config.FerryConfig;
import io.ferry.druid.DruidClient;
import io.ferry.druid.TaskStatus;
import io.ferry.druid.status.IntervalStatus;
import io.ferry.druid.status.SegmentTimeline;
import io.ferry.druid.status.SegmentTimelineReader;
import io.ferry.druid.status.SupervisorReader;
import io.ferry.druid.status.SupervisorHealth;
import io.ferry.druid.status.VersionStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The Druid part of the in-process engine client: the first druid connection of the loaded configuration, read
 * through the engine's status readers and turned into the client's rows.
 */
public final class DruidClientSupport {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DruidClientSupport.class);

    private final Supplier<FerryConfig> config;
    private final Function<String, Set<String>> batchVersions;
    private DruidClient client;
    private String clientFor;

    /** @param batchVersions the versions Ferry's re-index runs produced for a datasource (its batch segments) */
    public DruidClientSupport(Supplier<FerryConfig> config, Function<String, Set<String>> batchVersions) {
        this.config = config;
        this.batchVersions = batchVersions;
    }

    public List<String> datasources() {
        Set<String> names = new TreeSet<>(druid().coordinator().usedDatasources());
        return List.copyOf(names);
    }

    public List<DruidTimelineRow> timeline(String dataSource) {
        SegmentTimeline timeline = new SegmentTimelineReader(druid()).read(dataSource, null, null, batchVersions(dataSource));
        List<DruidTimelineRow> rows = new ArrayList<>();
        for (IntervalStatus i : timeline.intervals()) {
            for (VersionStatus v : i.versions()) {
                rows.add(new DruidTimelineRow(dataSource, i.start(), i.end(), v.version(), v.origin().label(), v.state(),
                        v.partitions(), v.rows(), v.sizeBytes(), v.replicas(), tiers(v), v.overshadowed()));
            }
        }
        return rows;
    }

    public List<DruidSupervisorRow> supervisors() {
        List<DruidSupervisorRow> rows = new ArrayList<>();
        for (SupervisorHealth s : new SupervisorReader(druid()).all()) {
            rows.add(new DruidSupervisorRow(s.id(), s.dataSource(), s.detailedState(), s.healthy(), s.suspended(),
                    s.aggregateLag(), s.eventsPerSecond()));
        }
        return rows;
    }

    public List<DruidTaskRow> runningTasks() {
        List<DruidTaskRow> rows = new ArrayList<>();
        for (TaskStatus t : druid().overlord().tasks("running", null)) {
            rows.add(new DruidTaskRow(t.id(), t.type(), t.dataSource(), t.statusCode(), t.runnerStatusCode(), t.createdTime()));
        }
        return rows;
    }

    /**
     * The versions the re-index run records say Ferry produced. When the records cannot be read (another Ferry
     * process holds the state store), the timeline is still shown: batch versions then read as "unknown".
     */
    private Predicate<String> batchVersions(String dataSource) {
        try {
            return Set.copyOf(batchVersions.apply(dataSource))::contains;
        } catch (RuntimeException e) {
            LOG.warn("Re-index run records not readable, batch versions of {} shown as unknown: {}", dataSource,
                    e.getMessage());
            return version -> false;
        }
    }

    private static String tiers(VersionStatus v) {
        String tiers = v.replicasByTier().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "×" + e.getValue()).collect(Collectors.joining(", "));
        if (v.servedByRealtimeTask()) {
            tiers = tiers.isEmpty() ? "real-time task" : tiers + ", real-time task";
        }
        return tiers.isEmpty() ? "-" : tiers;
    }

    private synchronized DruidClient druid() {
        FerryConfig current = config.get();
        List<DruidConnectionConfig> all = current == null ? List.of() : current.connections(DruidConnectionConfig.class);
        if (all.isEmpty()) {
            throw new IllegalStateException("No druid connection is configured: add one to ferry.yaml "
                    + "(type: druid, coordinatorUrl, brokerUrl), or start the sandbox with Druid");
        }
        DruidConnectionConfig c = all.get(0);
        if (client == null || !c.name().equals(clientFor)) {
            client = new DruidClient(c.coordinatorUrl(), c.overlordUrl(), c.brokerUrl());
            clientFor = c.name();
        }
        return client;
    }
}

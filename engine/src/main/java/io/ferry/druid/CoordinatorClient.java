package io.ferry.druid;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The coordinator's API: datasources, segments and their load state, load rules, dynamic configuration, servers. */
public final class CoordinatorClient {
    private final DruidHttp http;

    CoordinatorClient(DruidHttp http) {
        this.http = http;
    }

    /** Datasources with at least one segment loaded on a data server. */
    public List<String> datasources() {
        return strings(http.get("/druid/coordinator/v1/datasources"));
    }

    /** Datasources with at least one used segment in the metadata store (loaded or not). */
    public List<String> usedDatasources() {
        return strings(http.get("/druid/coordinator/v1/metadata/datasources"));
    }

    /** Every used segment of a datasource, with its full metadata and whether it is overshadowed. */
    public List<SegmentInfo> segments(String dataSource) {
        JsonNode answer = http.get("/druid/coordinator/v1/metadata/segments?includeOvershadowedStatus&datasources="
                + DruidHttp.segment(dataSource));
        List<SegmentInfo> segments = new ArrayList<>();
        answer.forEach(node -> segments.add(SegmentInfo.from(node)));
        return segments;
    }

    /** Per datasource, the percentage of its used segments that are loaded somewhere. */
    public Map<String, Double> loadStatus() {
        Map<String, Double> status = new LinkedHashMap<>();
        http.get("/druid/coordinator/v1/loadstatus").fields().forEachRemaining(e -> status.put(e.getKey(), e.getValue().asDouble()));
        return status;
    }

    /**
     * Per tier, per datasource, how many segment replicas the load rules still want loaded ({@code loadstatus?full});
     * nothing pending everywhere means the cluster holds what the rules say.
     */
    public Map<String, Map<String, Long>> pendingLoads() {
        Map<String, Map<String, Long>> pending = new LinkedHashMap<>();
        http.get("/druid/coordinator/v1/loadstatus?full").fields().forEachRemaining(tier -> {
            Map<String, Long> perDatasource = new LinkedHashMap<>();
            tier.getValue().fields().forEachRemaining(ds -> perDatasource.put(ds.getKey(), ds.getValue().asLong()));
            pending.put(tier.getKey(), perDatasource);
        });
        return pending;
    }

    /** True when no tier has a replica of {@code dataSource} left to load (or drop). */
    public boolean isFullyLoaded(String dataSource) {
        return pendingLoads().values().stream().allMatch(perDs -> perDs.getOrDefault(dataSource, 0L) == 0L)
                && loadStatus().getOrDefault(dataSource, 0.0) >= 100.0;
    }

    /** The load rules of a datasource (without the cluster default ones), as Druid's JSON. */
    public JsonNode rules(String dataSource) {
        return http.get("/druid/coordinator/v1/rules/" + DruidHttp.segment(dataSource));
    }

    /** Every datasource's rules, including {@code _default}. */
    public JsonNode allRules() {
        return http.get("/druid/coordinator/v1/rules");
    }

    /** Replaces the load rules of a datasource; {@code _default} sets the cluster's default rules. */
    public void setRules(String dataSource, Object rules) {
        http.post("/druid/coordinator/v1/rules/" + DruidHttp.segment(dataSource), rules);
    }

    public JsonNode dynamicConfig() {
        return http.get("/druid/coordinator/v1/config");
    }

    /** Changes the given coordinator dynamic configuration fields; the others keep their current value. */
    public void updateDynamicConfig(Map<String, ?> fields) {
        http.post("/druid/coordinator/v1/config", fields);
    }

    /** The data servers (historicals, indexers) the coordinator sees, with their tier. */
    public List<ServerInfo> servers() {
        List<ServerInfo> servers = new ArrayList<>();
        http.get("/druid/coordinator/v1/servers?simple").forEach(node -> servers.add(ServerInfo.from(node)));
        return servers;
    }

    public List<String> tiers() {
        return strings(http.get("/druid/coordinator/v1/tiers"));
    }

    /**
     * The auto-compaction configuration of a datasource as Druid's JSON, or empty when it has none (the coordinator
     * answers 404 then).
     */
    public java.util.Optional<JsonNode> compactionConfig(String dataSource) {
        try {
            return java.util.Optional.of(http.get("/druid/coordinator/v1/config/compaction/" + DruidHttp.segment(dataSource)));
        } catch (DruidException e) {
            if (e.status() == 404) {
                return java.util.Optional.empty();
            }
            throw e;
        }
    }

    public boolean isHealthy() {
        return http.status("/status/health") == 200;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}

package io.ferry.druid.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.druid.DruidClient;
import io.ferry.druid.DruidException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The supervisors of a cluster with their state, lag and ingest rate (two overlord calls per supervisor). */
public final class SupervisorReader {
    private final DruidClient druid;

    public SupervisorReader(DruidClient druid) {
        this.druid = druid;
    }

    public List<SupervisorStatus> all() {
        List<SupervisorStatus> out = new ArrayList<>();
        for (String id : druid.overlord().supervisorIds()) {
            out.add(fromJson(id, druid.overlord().supervisorStatusJson(id), stats(id)));
        }
        return out;
    }

    /** The supervisors that write {@code dataSource}. */
    public List<SupervisorStatus> of(String dataSource) {
        return all().stream().filter(s -> dataSource.equals(s.dataSource())).toList();
    }

    private JsonNode stats(String id) {
        try {
            return druid.overlord().supervisorStatsJson(id);
        } catch (DruidException e) {
            return null; // a suspended supervisor has no tasks to ask; the status still says why
        }
    }

    static SupervisorStatus fromJson(String id, JsonNode status, JsonNode stats) {
        JsonNode p = status.path("payload");
        JsonNode lag = p.path("aggregateLag");
        return new SupervisorStatus(id, p.path("dataSource").asText(id), p.path("state").asText("UNKNOWN"),
                p.path("detailedState").asText(p.path("state").asText("UNKNOWN")), p.path("healthy").asBoolean(false),
                p.path("suspended").asBoolean(false), lag.isNumber() ? lag.asLong() : null, eventsPerSecond(stats));
    }

    /** Sums {@code movingAverages.buildSegments.1m.processed} over every task of every task group. */
    static Double eventsPerSecond(JsonNode stats) {
        if (stats == null || !stats.isObject()) {
            return null;
        }
        double sum = 0;
        boolean any = false;
        for (Iterator<JsonNode> groups = stats.elements(); groups.hasNext(); ) {
            for (Iterator<JsonNode> tasks = groups.next().elements(); tasks.hasNext(); ) {
                JsonNode rate = tasks.next().path("movingAverages").path("buildSegments").path("1m").path("processed");
                if (rate.isNumber()) {
                    sum += rate.asDouble();
                    any = true;
                }
            }
        }
        return any ? sum : null;
    }
}

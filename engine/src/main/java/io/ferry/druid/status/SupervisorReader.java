package io.ferry.druid.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.druid.DruidClient;
import io.ferry.druid.DruidException;
import io.ferry.druid.SupervisorStatus;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The supervisors of a cluster with their state, lag and ingest rate (two overlord calls per supervisor). */
public final class SupervisorReader {
    private final DruidClient druid;

    public SupervisorReader(DruidClient druid) {
        this.druid = druid;
    }

    public List<SupervisorHealth> all() {
        List<SupervisorHealth> out = new ArrayList<>();
        for (String id : druid.supervisors().ids()) {
            out.add(of(druid.supervisors().status(id), stats(id)));
        }
        return out;
    }

    private JsonNode stats(String id) {
        try {
            return druid.supervisors().stats(id);
        } catch (DruidException e) {
            return null; // a suspended supervisor has no tasks to ask; its status still says why
        }
    }

    static SupervisorHealth of(SupervisorStatus s, JsonNode stats) {
        String state = s.state() == null ? "UNKNOWN" : s.state();
        return new SupervisorHealth(s.id(), s.dataSource() == null ? s.id() : s.dataSource(), state,
                s.detailedState() == null ? state : s.detailedState(), s.healthy(), s.suspended(),
                s.lag() == null ? null : s.lag().total(), eventsPerSecond(stats));
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

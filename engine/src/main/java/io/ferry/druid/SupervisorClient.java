package io.ferry.druid;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The overlord's supervisor API: submit (which also updates an existing supervisor), list, status with lag and
 * recent errors, suspend, resume, reset and terminate. Every refusal is a {@link DruidException} carrying Druid's
 * message and the request.
 */
public final class SupervisorClient {
    private static final String BASE = "/druid/indexer/v1/supervisor";

    private final DruidHttp http;

    SupervisorClient(DruidHttp http) {
        this.http = http;
    }

    /** Creates the supervisor, or replaces the spec of the one with the same id; returns the id. */
    public String submit(KafkaSupervisorSpec spec) {
        return submit((Object) spec.toJson());
    }

    /** {@link #submit(KafkaSupervisorSpec)} for a spec given as a JSON string, Jackson tree or Map. */
    public String submit(Object spec) {
        JsonNode answer = http.post(BASE, spec);
        String id = TaskStatus.text(answer, "id");
        if (id == null) {
            throw new DruidException("POST " + http.base() + BASE.substring(1), 200,
                    "the overlord accepted the supervisor but returned no id: " + answer, null);
        }
        return id;
    }

    /** Ids of the active supervisors (running or suspended; terminated ones are gone). */
    public List<String> ids() {
        List<String> ids = new ArrayList<>();
        http.get(BASE).forEach(n -> ids.add(n.asText()));
        return ids;
    }

    /** Every active supervisor with its state. */
    public List<SupervisorSummary> list() {
        List<SupervisorSummary> all = new ArrayList<>();
        http.get(BASE + "?state=true").forEach(n -> all.add(SupervisorSummary.from(n)));
        return all;
    }

    /** The supervisor's current spec as Druid stores it, or empty when there is no such supervisor. */
    public Optional<JsonNode> spec(String id) {
        try {
            return Optional.of(http.get(BASE + "/" + DruidHttp.segment(id)));
        } catch (DruidException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** State, detailed state, tasks, lag and recent errors. */
    public SupervisorStatus status(String id) {
        return SupervisorStatus.from(id, http.get(BASE + "/" + DruidHttp.segment(id) + "/status"));
    }

    /** The lag of {@link #status}; null while the supervisor has not yet fetched the latest offsets. */
    public SupervisorStatus.Lag lag(String id) {
        return status(id).lag();
    }

    /**
     * Row statistics of the supervisor's running tasks, per task group and task: moving averages (1m, 5m, 15m) and
     * totals of rows processed, unparseable and thrown away.
     */
    public JsonNode stats(String id) {
        return http.get(BASE + "/" + DruidHttp.segment(id) + "/stats");
    }

    /** Stops reading: running tasks publish what they have and no new ones start until {@link #resume}. */
    public void suspend(String id) {
        http.post(BASE + "/" + DruidHttp.segment(id) + "/suspend", "");
    }

    public void resume(String id) {
        http.post(BASE + "/" + DruidHttp.segment(id) + "/resume", "");
    }

    /**
     * Forgets the stored offsets, so the next tasks start where {@code useEarliestOffset} says: data may be read
     * twice or skipped. For recovery only.
     */
    public void reset(String id) {
        http.post(BASE + "/" + DruidHttp.segment(id) + "/reset", "");
    }

    /** Stops the supervisor for good (its tasks publish and stop); its id can be submitted again later. */
    public void terminate(String id) {
        http.post(BASE + "/" + DruidHttp.segment(id) + "/terminate", "");
    }
}

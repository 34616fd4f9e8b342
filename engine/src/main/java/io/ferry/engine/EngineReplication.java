package io.ferry.engine;

import io.ferry.config.FerryConfig;
import io.ferry.config.ReplicationJobConfig;
import io.ferry.replication.ReplicationJobSpecs;
import io.ferry.replication.ReplicationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code type: replication} jobs of {@code ferry engine run}: each streams continuously on its own thread in a
 * {@link ReplicationService} (the service the console uses), sampled every second. A job whose configuration cannot
 * be turned into a runnable job is kept with the reason, for {@code ferry status}. {@link #close()} stops every job;
 * each commits its batch in flight with its checkpoint first.
 */
public final class EngineReplication implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EngineReplication.class);

    private final ReplicationService service;
    private final Map<String, ReplicationJobConfig> jobs = new LinkedHashMap<>();
    private final Map<String, String> unusable = new LinkedHashMap<>();

    private EngineReplication(ReplicationService service) {
        this.service = service;
    }

    public static EngineReplication from(FerryConfig config, Clock clock) {
        EngineReplication r = new EngineReplication(new ReplicationService(clock));
        for (ReplicationJobConfig job : config.jobs(ReplicationJobConfig.class)) {
            r.jobs.put(job.name(), job);
            try {
                r.service.add(ReplicationJobSpecs.build(config, job));
            } catch (RuntimeException e) {
                r.unusable.put(job.name(), e.getMessage());
            }
        }
        return r;
    }

    public boolean isEmpty() {
        return jobs.isEmpty();
    }

    /** One line per job, for the engine's start-up log. */
    public List<String> descriptions() {
        List<String> out = new ArrayList<>();
        jobs.values().forEach(j -> out.add(j.name() + ": replication " + j.source() + " → " + j.target() + ", tables "
                + j.tables() + (unusable.containsKey(j.name()) ? " (cannot run: " + unusable.get(j.name()) + ")" : "")));
        return out;
    }

    /** Starts every runnable job in the background. */
    public void start() {
        for (String name : service.names()) {
            service.start(name);
        }
        unusable.forEach((name, why) -> LOG.error("Replication job {} cannot run: {}", name, why));
    }

    public ReplicationService service() {
        return service;
    }

    public Map<String, ReplicationJobConfig> configs() {
        return jobs;
    }

    /** Jobs that could not be built, with the reason. */
    public Map<String, String> unusable() {
        return unusable;
    }

    @Override
    public void close() {
        service.close();
    }
}

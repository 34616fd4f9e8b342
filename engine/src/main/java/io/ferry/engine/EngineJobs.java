package io.ferry.engine;

import io.ferry.config.FerryConfig;
import io.ferry.config.GenlogJobConfig;
import io.ferry.genlog.GenlogPolicyJob;
import io.ferry.state.StateStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The scheduled work of a configuration's jobs: one entry per job type the engine runs. */
public final class EngineJobs {
    private EngineJobs() {
    }

    /** The work, and for each a line saying what it does. */
    public record Job(ScheduledWork work, String description) {
    }

    public static List<Job> from(FerryConfig config, StateStore state, Clock clock) {
        List<Job> out = new ArrayList<>();
        for (GenlogJobConfig g : config.jobs(GenlogJobConfig.class)) {
            GenlogPolicyJob job = GenlogPolicyJob.of(config, g, state, clock);
            out.add(new Job(ScheduledWork.of(job.name(), job.every(), job::check), job.describe()));
        }
        return out;
    }
}

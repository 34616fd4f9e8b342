package io.ferry.engine;

import io.ferry.config.DruidReindexJobConfig;
import io.ferry.config.FerryConfig;
import io.ferry.config.GenlogJobConfig;
import io.ferry.config.SecretResolver;
import io.ferry.druid.reindex.ReindexSchedule;
import io.ferry.genlog.GenlogPolicyJob;
import io.ferry.state.StateStore;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        for (DruidReindexJobConfig d : config.jobs(DruidReindexJobConfig.class)) {
            ReindexSchedule s = new ReindexSchedule(d, SecretResolver.forConfig(config), state, clock,
                    config.dataDir().resolve("druid-reindex"));
            out.add(new Job(ScheduledWork.of(s.name(), s.every(), s::runOnce), s.name() + ": Druid re-index of "
                    + d.datasource() + ", closed intervals of the last " + shortly(d.lookback()) + ", checked every "
                    + shortly(d.every())));
        }
        return out;
    }

    /** {@code 4h}, {@code 30m}, {@code 1h30m}. */
    private static String shortly(Duration d) {
        return d.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}

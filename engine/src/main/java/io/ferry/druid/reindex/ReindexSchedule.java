package io.ferry.druid.reindex;

import io.ferry.config.DruidReindexJobConfig;
import io.ferry.config.SecretResolver;
import io.ferry.state.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A druid-reindex job on its schedule: every {@code every}, {@link #runOnce} re-indexes the intervals that closed
 * since the last successful runs (within the lookback), oldest first, each through the job's steps. Shaped like the
 * engine's scheduled work ({@code name}, {@code every}, {@code runOnce}) so {@code ferry engine run} can loop it.
 */
public final class ReindexSchedule {
    private static final Logger LOG = LoggerFactory.getLogger(ReindexSchedule.class);

    private final DruidReindexJobConfig config;
    private final SecretResolver secrets;
    private final StateStore state;
    private final Clock clock;
    private final Path workDir;

    public ReindexSchedule(DruidReindexJobConfig config, SecretResolver secrets, StateStore state, Clock clock, Path workDir) {
        this.config = config;
        this.secrets = secrets;
        this.state = state;
        this.clock = clock;
        this.workDir = workDir;
    }

    public String name() {
        return config.name();
    }

    public Duration every() {
        return config.every();
    }

    /** One round: every due interval, each recorded in the run history. */
    public List<RunRecord> runOnce() throws InterruptedException {
        try (ReindexJob job = ReindexJob.open(config, secrets, new ReindexRuns(state), clock, workDir,
                d -> Thread.sleep(d.toMillis()), line -> LOG.info("{}: {}", config.name(), line))) {
            List<RunRecord> runs = job.runDue("schedule (every " + config.every() + ")");
            runs.stream().filter(r -> r.status() != RunStatus.SUCCEEDED)
                    .forEach(r -> LOG.warn("{}: run {} of {} {}: {}", config.name(), r.id(), r.interval(), r.status(), r.error()));
            return runs;
        }
    }
}

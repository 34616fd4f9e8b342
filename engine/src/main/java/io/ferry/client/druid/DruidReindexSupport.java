package io.ferry.client.druid;

import io.ferry.config.DruidReindexJobConfig;
import io.ferry.config.FerryConfig;
import io.ferry.config.SecretResolver;
import io.ferry.druid.reindex.ChunkRecord;
import io.ferry.druid.reindex.ReindexJob;
import io.ferry.druid.reindex.ReindexRuns;
import io.ferry.druid.reindex.RunRecord;
import io.ferry.druid.reindex.StepRecord;
import io.ferry.druid.reindex.TaskRecord;
import io.ferry.druid.reindex.TimeInterval;
import io.ferry.state.StateStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The re-index part of the in-process engine client: the configured druid-reindex jobs, their runs from the state
 * store, a run by hand, and the batch versions the timeline colours.
 */
public final class DruidReindexSupport {
    static final String TRIGGERED_BY = "console";
    private static final int RUNS_SHOWN = 50;

    private final Supplier<FerryConfig> config;
    private final Supplier<StateStore> state;
    private final Clock clock;

    public DruidReindexSupport(Supplier<FerryConfig> config, Supplier<StateStore> state, Clock clock) {
        this.config = config;
        this.state = state;
        this.clock = clock;
    }

    public List<DruidReindexJobRow> jobs() {
        return configuredJobs().stream()
                .map(j -> new DruidReindexJobRow(j.name(), j.datasource(), every(j.every()), j.input().location().describe()))
                .toList();
    }

    /** The job's runs, newest first. */
    public List<DruidReindexRunRow> runs(String job) {
        return new ReindexRuns(state.get()).history(job, RUNS_SHOWN).stream().map(DruidReindexSupport::row).toList();
    }

    /** The versions Ferry's re-index runs produced; none while nothing is configured (no state store to read). */
    public Set<String> batchVersions(String dataSource) {
        if (config.get() == null) {
            return Set.of();
        }
        return Set.copyOf(new ReindexRuns(state.get()).batchVersions(dataSource));
    }

    /**
     * Re-indexes one interval of a job now (refusing an interval that is not closed or whose input is partial) and
     * returns the run as recorded. Failures of the run are in the row; anything that stops it from starting is thrown
     * as one message.
     */
    public DruidReindexRunRow reindex(String job, Instant start, Instant end, Consumer<String> progress) {
        DruidReindexJobConfig jobConfig = configuredJobs().stream().filter(j -> j.name().equals(job)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No druid-reindex job '" + job + "' is configured; the jobs are "
                        + configuredJobs().stream().map(DruidReindexJobConfig::name).toList()));
        TimeInterval interval = new TimeInterval(start, end);
        FerryConfig current = config.get();
        try (ReindexJob reindex = ReindexJob.open(jobConfig, SecretResolver.forConfig(current), new ReindexRuns(state.get()),
                clock, current.dataDir().resolve("druid-reindex"), d -> Thread.sleep(d.toMillis()), progress)) {
            return row(reindex.run(interval, TRIGGERED_BY, false));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The re-index of " + interval + " was interrupted", e);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IllegalStateException("The re-index of " + interval + " could not run: " + message, e);
        }
    }

    private List<DruidReindexJobConfig> configuredJobs() {
        FerryConfig current = config.get();
        return current == null ? List.of() : current.jobs(DruidReindexJobConfig.class);
    }

    static DruidReindexRunRow row(RunRecord r) {
        Duration indexTook = r.steps().stream().filter(s -> s.step().equals("index")).map(StepRecord::took)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        List<DruidReindexChunkRow> chunks = r.chunks().stream().map(DruidReindexSupport::chunk).toList();
        return new DruidReindexRunRow(r.id(), r.job(), r.datasource(), r.startedAt(), r.finishedAt(), r.interval().start(),
                r.interval().end(), r.status().name(), r.rowsOut(), r.realtimeEvents(), r.batchEvents(), indexTook,
                r.tasks().stream().map(TaskRecord::taskId).toList(), chunks, r.error());
    }

    private static DruidReindexChunkRow chunk(ChunkRecord c) {
        return new DruidReindexChunkRow(c.chunk().start(), c.chunk().end(),
                c.realtime() == null ? null : c.realtime().events(), c.input() == null ? null : c.input().events());
    }

    private static String every(Duration d) {
        if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) {
            return d.toDays() + "d";
        }
        if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) {
            return d.toHours() + "h";
        }
        if (d.toMinutes() > 0 && d.equals(Duration.ofMinutes(d.toMinutes()))) {
            return d.toMinutes() + "m";
        }
        return d.toSeconds() + "s";
    }
}

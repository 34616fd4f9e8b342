package io.ferry.replication;

import io.ferry.replication.mapping.JobMapping;
import io.ferry.replication.metrics.HeadProbe;
import io.ferry.replication.metrics.MetricsHistory;
import io.ferry.replication.metrics.MetricsSample;
import io.ferry.replication.metrics.MetricsSampler;
import io.ferry.replication.metrics.PurgeHorizonProbe;
import io.ferry.warehouse.Checkpoint;
import io.ferry.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The replication jobs an engine runs in the background: each on its own thread, sampled every second into an hour
 * of history (which survives a stop and start of the job), started, stopped and told to reload a table on request.
 * Thread-safe.
 */
public final class ReplicationService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicationService.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    private static final Duration RELOAD_WAIT = Duration.ofSeconds(60);

    private final Clock clock;
    private final Map<String, ManagedJob> jobs = new LinkedHashMap<>();
    private final ScheduledExecutorService sampling;

    public ReplicationService(Clock clock) {
        this.clock = clock;
        this.sampling = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ferry-replication-metrics");
            t.setDaemon(true);
            return t;
        });
        sampling.scheduleAtFixedRate(this::sampleAll, 1, 1, TimeUnit.SECONDS);
    }

    /** What a caller sees of one job. {@code latest} is empty before its first sample. */
    public record JobView(ReplicationJobSpec spec, boolean running, ReplicationMetrics.State state,
                          Optional<MetricsSample> latest, String lastError) {
    }

    /** Registers a job (not started); a job of the same name is replaced once stopped. */
    public synchronized void add(ReplicationJobSpec spec) {
        ManagedJob old = jobs.get(spec.name());
        if (old != null) {
            old.stop();
            old.close();
        }
        jobs.put(spec.name(), new ManagedJob(spec, new MetricsSampler(HeadProbe.of(spec.source()),
                PurgeHorizonProbe.of(spec.name(), spec.source(), spec.serverId()), clock, MetricsHistory.lastHour())));
    }

    public synchronized List<String> names() {
        return List.copyOf(jobs.keySet());
    }

    /** Starts the job on a thread of its own; does nothing if it runs. */
    public void start(String name) {
        job(name).start();
    }

    /** Stops the job after the batch in flight and waits for it (up to 30 s). */
    public void stop(String name) {
        job(name).stop();
    }

    /**
     * Loads one table again. A running job does it while it streams (a new incremental snapshot of that table: the
     * target table is emptied and loaded again in chunks between watermarks, its changes and the other tables' keep
     * flowing); a stopped job gets the same in its checkpoint and is started. Returns what was done, for people.
     */
    public String reload(String name, TableId table) throws Exception {
        ManagedJob job = job(name);
        ReplicationJobSpec spec = job.spec;
        if (!spec.tables().matches(table)) {
            throw new IllegalArgumentException("Job " + name + " does not replicate " + table + " (its tables: "
                    + spec.tables() + ")");
        }
        ReplicationJob current = job.current;
        if (job.running() && current != null) {
            try {
                return current.reload(table).get(RELOAD_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("Job " + name + " did not take the reload of " + table + " within "
                        + RELOAD_WAIT.toSeconds() + " s (is it retrying? " + job.view().lastError() + "); it will once it streams");
            }
        }
        try (Connection source = spec.source().connect();
             Warehouse warehouse = spec.warehouses().open(spec.warehouse(), clock)) {
            Optional<Checkpoint> checkpoint = warehouse.checkpoint(name);
            if (checkpoint.isPresent()) {
                if (checkpoint.get().phase() == Checkpoint.Phase.SNAPSHOT) {
                    throw new IllegalStateException("Job " + name + " is stopped in the middle of a full load; start it and "
                            + "reload " + table + " while it runs.");
                }
                TableSchema schema = SchemaReader.read(source, table);
                Checkpoint next = new Checkpoint(name, checkpoint.get().position(), Checkpoint.Phase.SNAPSHOT,
                        SnapshotProgress.reload(List.of(table)).copying(List.of(table)).serialize(new ValueKind[0]));
                warehouse.restartLoad(spec.dialect().target(JobMapping.targetOf(name, spec.tables().rules(), schema)),
                        checkpoint.get(), next);
            }
        }
        job.start();
        LOG.info("Job {}: reloading {} (the job was stopped: started with a load of that table)", name, table);
        return "Job " + name + " started to load " + table + " again: the table was emptied in the warehouse and is being "
                + "loaded from the source in chunks while the job streams.";
    }

    public synchronized List<JobView> jobs() {
        List<JobView> out = new ArrayList<>();
        jobs.values().forEach(j -> out.add(j.view()));
        return out;
    }

    public JobView view(String name) {
        return job(name).view();
    }

    /** The job's samples after {@code since} (null: the whole hour kept), oldest first. */
    public List<MetricsSample> history(String name, Instant since) {
        return job(name).sampler.history().since(since);
    }

    /** The live counters of the job's current (or last) run; empty before it first started. */
    public Optional<ReplicationMetrics> metrics(String name) {
        ReplicationJob current = job(name).current;
        return current == null ? Optional.empty() : Optional.of(current.metrics());
    }

    /** The job's one-line status ({@link ReplicationStatusLine}, as {@code ferry replicate} prints it); empty before its first sample. */
    public Optional<String> statusLine(String name) {
        ManagedJob job = job(name);
        ReplicationJob current = job.current;
        return current == null ? Optional.empty() : job.sampler.history().latest()
                .map(s -> ReplicationStatusLine.format(s, current.metrics()));
    }

    /** Every table of the job with its live counters (empty before the job first started). */
    public Map<TableId, TableMetrics> tables(String name) {
        ReplicationJob current = job(name).current;
        return current == null ? Map.of() : current.metrics().tables();
    }

    private synchronized ManagedJob job(String name) {
        ManagedJob job = jobs.get(name);
        if (job == null) {
            throw new IllegalArgumentException("No replication job named '" + name + "'; the jobs are: " + jobs.keySet());
        }
        return job;
    }

    private void sampleAll() {
        List<ManagedJob> all;
        synchronized (this) {
            all = List.copyOf(jobs.values());
        }
        for (ManagedJob job : all) {
            try {
                job.sample();
            } catch (RuntimeException e) {
                LOG.debug("Sampling job {} failed", job.spec.name(), e);
            }
        }
    }

    /** Stops every job (each finishes its batch in flight) and the sampling. */
    @Override
    public void close() {
        List<ManagedJob> all;
        synchronized (this) {
            all = List.copyOf(jobs.values());
        }
        all.forEach(ManagedJob::requestStop);
        all.forEach(ManagedJob::stop);
        sampling.shutdownNow();
        all.forEach(ManagedJob::close);
    }

    private final class ManagedJob {
        private final ReplicationJobSpec spec;
        private final MetricsSampler sampler;
        private volatile ReplicationJob current;
        private volatile Thread thread;
        private volatile String failure;

        ManagedJob(ReplicationJobSpec spec, MetricsSampler sampler) {
            this.spec = spec;
            this.sampler = sampler;
        }

        synchronized void start() {
            if (running()) {
                return;
            }
            ReplicationJob job = new ReplicationJob(spec, clock);
            current = job;
            failure = null;
            sampler.track(job.metrics());
            Thread t = new Thread(() -> {
                try {
                    job.run();
                } catch (Exception e) {
                    failure = e.getMessage() == null ? e.toString() : e.getMessage();
                    LOG.warn("Replication job {} stopped: {}", spec.name(), failure);
                }
            }, "ferry-replication-" + spec.name());
            t.setDaemon(true);
            thread = t;
            t.start();
        }

        boolean running() {
            Thread t = thread;
            return t != null && t.isAlive();
        }

        void requestStop() {
            ReplicationJob job = current;
            if (job != null) {
                job.stop();
            }
        }

        synchronized void stop() {
            requestStop();
            Thread t = thread;
            if (t != null) {
                try {
                    t.join(STOP_WAIT.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (t.isAlive()) {
                    LOG.warn("Replication job {} did not stop within {} s", spec.name(), STOP_WAIT.toSeconds());
                }
            }
        }

        void sample() {
            if (current != null) {
                sampler.sample();
            }
        }

        JobView view() {
            ReplicationJob job = current;
            ReplicationMetrics.State state = job == null ? ReplicationMetrics.State.STOPPED : job.metrics().state();
            String error = failure != null ? failure : job == null ? null : job.metrics().lastError();
            return new JobView(spec, running(), state, sampler.history().latest(), error);
        }

        void close() {
            try {
                sampler.close();
            } catch (RuntimeException e) {
                LOG.debug("Closing the head probe of {} failed", spec.name(), e);
            }
        }
    }
}

package io.ferry.client;

import io.ferry.config.FerryConfig;
import io.ferry.config.ReplicationJobConfig;
import io.ferry.replication.ReplicationJobSpecs;
import io.ferry.replication.ReplicationService;
import io.ferry.replication.TableId;
import io.ferry.replication.TableMetrics;
import io.ferry.replication.metrics.MetricsSample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The replication part of the in-process engine: runs the {@code type: replication} jobs of a configuration in a
 * {@link ReplicationService} and answers the "Replication" methods of {@link EngineClient} with client records.
 * A job whose configuration cannot be turned into a runnable job (a Redshift target today, a missing secret) is
 * listed as FAILED with the reason.
 */
final class ReplicationClientSupport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicationClientSupport.class);

    private final ReplicationService service = new ReplicationService(Clock.systemUTC());
    private final Map<String, ReplicationJobStatus> unusable = new LinkedHashMap<>();
    private final Map<String, ReplicationJobConfig> configs = new LinkedHashMap<>();

    /** Registers every replication job of {@code config} and starts them in the background. */
    synchronized void startConfigured(FerryConfig config) {
        for (ReplicationJobConfig job : config.jobs(ReplicationJobConfig.class)) {
            configs.put(job.name(), job);
            try {
                service.add(ReplicationJobSpecs.build(config, job));
                unusable.remove(job.name());
                service.start(job.name());
                LOG.info("Replication job {} started ({} → {}, {})", job.name(), job.source(), job.target(), job.tables());
            } catch (RuntimeException e) {
                LOG.warn("Replication job {} cannot run: {}", job.name(), e.getMessage());
                unusable.put(job.name(), new ReplicationJobStatus(job.name(), job.source(), job.target(), job.tables(),
                        "FAILED", false, 0, 0, -1, -1, -1, 0, 0, 0, e.getMessage()));
            }
        }
    }

    synchronized List<ReplicationJobStatus> jobs() {
        List<ReplicationJobStatus> out = new ArrayList<>();
        for (ReplicationService.JobView v : service.jobs()) {
            MetricsSample s = v.latest().orElse(null);
            ReplicationJobConfig c = configs.get(v.spec().name());
            out.add(new ReplicationJobStatus(v.spec().name(), c.source(), c.target(), c.tables(), v.state().name(), v.running(),
                    s == null ? 0 : s.rowsInPerSecond(), s == null ? 0 : s.rowsOutPerSecond(),
                    s == null ? -1 : s.sourceLagSeconds(), s == null ? -1 : s.sourceLagBytes(),
                    s == null ? -1 : s.applyLagMillis(), s == null ? 0 : s.backlogTransactions(),
                    s == null ? 0 : s.backlogRows(), s == null ? 0 : s.batches(), v.lastError(),
                    s == null || s.purgeHorizon() == null ? null : s.purgeHorizon().statusText()));
        }
        out.addAll(unusable.values());
        return out;
    }

    List<ReplicationSample> history(String job, Instant since) {
        if (isUnusable(job)) {
            return List.of();
        }
        return service.history(job, since).stream().map(s -> new ReplicationSample(s.time(), s.rowsInPerSecond(),
                s.rowsOutPerSecond(), s.sourceLagSeconds(), s.sourceLagBytes(), s.applyLagMillis(),
                s.backlogTransactions(), s.backlogRows())).toList();
    }

    List<ReplicationTableStatus> tables(String job) {
        if (isUnusable(job)) {
            return List.of();
        }
        Map<TableId, MetricsSample.TableRate> rates = service.view(job).latest().map(MetricsSample::tables)
                .orElse(Map.of());
        List<ReplicationTableStatus> out = new ArrayList<>();
        for (Map.Entry<TableId, TableMetrics> e : service.tables(job).entrySet()) {
            TableMetrics m = e.getValue();
            MetricsSample.TableRate rate = rates.getOrDefault(e.getKey(), new MetricsSample.TableRate(0, 0));
            out.add(new ReplicationTableStatus(e.getKey().toString(), m.state().name(), m.loadPercent(), m.loadedRows(),
                    m.rowsApplied(), m.lastChange(), m.applyLag() == null ? -1 : m.applyLag().toMillis(), rate.in(),
                    rate.out(), m.suspendedBecause(), m.loadEta() == null ? -1 : m.loadEta().toSeconds()));
        }
        return out;
    }

    void start(String job) {
        requireUsable(job);
        service.start(job);
    }

    void stop(String job) {
        requireUsable(job);
        service.stop(job);
    }

    String reload(String job, String table) {
        requireUsable(job);
        try {
            return service.reload(job, TableId.parse(table));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Reloading " + table + " failed: " + e.getMessage(), e);
        }
    }

    private synchronized boolean isUnusable(String job) {
        return unusable.containsKey(job);
    }

    private void requireUsable(String job) {
        ReplicationJobStatus broken;
        synchronized (this) {
            broken = unusable.get(job);
        }
        if (broken != null) {
            throw new IllegalStateException("Job " + job + " cannot run: " + broken.lastError());
        }
    }

    @Override
    public void close() {
        service.close();
    }
}

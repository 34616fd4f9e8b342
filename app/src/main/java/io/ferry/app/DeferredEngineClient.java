package io.ferry.app;

import io.ferry.client.ConnectionStatus;
import io.ferry.client.EngineClient;
import io.ferry.client.EngineInfo;
import io.ferry.client.druid.DruidReindexJobRow;
import io.ferry.client.druid.DruidReindexRunRow;
import io.ferry.client.ReplicationJobStatus;
import io.ferry.client.ReplicationSample;
import io.ferry.client.ReplicationTableStatus;

import java.time.Instant;
import io.ferry.client.druid.DruidSupervisorRow;
import io.ferry.client.druid.DruidTaskRow;
import io.ferry.client.druid.DruidTimelineRow;
import io.ferry.client.genlog.AllocatedStorage;
import io.ferry.client.genlog.ArchiveFile;
import io.ferry.client.genlog.DigestGrouping;
import io.ferry.client.genlog.DigestPage;
import io.ferry.client.genlog.GenlogStatusView;
import io.ferry.client.genlog.LogQuery;
import io.ferry.client.genlog.LogSource;
import io.ferry.client.genlog.RotationOutcome;
import io.ferry.client.genlog.RotationPlan;
import io.ferry.client.genlog.RotationRecord;
import io.ferry.client.genlog.ScheduleEvery;
import io.ferry.client.genlog.ScheduleState;
import io.ferry.client.genlog.SearchPage;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Creates the real client on its first call. The console's first call comes from a background task, so
 * making the client (loading the configuration, the engine's classes, its logging) never holds up the FX
 * thread or the first frame.
 */
final class DeferredEngineClient implements EngineClient {
    private final Supplier<EngineClient> factory;
    private EngineClient client;
    private boolean closed;

    DeferredEngineClient(Supplier<EngineClient> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    private synchronized EngineClient client() {
        if (closed) {
            throw new IllegalStateException("the console is closing; the engine client is closed");
        }
        if (client == null) {
            client = Objects.requireNonNull(factory.get(), "the engine client factory returned null");
        }
        return client;
    }

    @Override
    public EngineInfo info() {
        return client().info();
    }

    @Override
    public boolean isConfigured() {
        return client().isConfigured();
    }

    @Override
    public void startSandbox(Consumer<String> progress) {
        client().startSandbox(progress);
    }

    @Override
    public List<ConnectionStatus> checkConnections() {
        return client().checkConnections();
    }

    // ---- Replication ------------------------------------------------------------------------------------------

    @Override
    public List<ReplicationJobStatus> replicationJobs() {
        return client().replicationJobs();
    }

    @Override
    public List<ReplicationSample> replicationHistory(String job, Instant since) {
        return client().replicationHistory(job, since);
    }

    @Override
    public List<ReplicationTableStatus> replicationTables(String job) {
        return client().replicationTables(job);
    }

    @Override
    public void startReplication(String job) {
        client().startReplication(job);
    }

    @Override
    public void stopReplication(String job) {
        client().stopReplication(job);
    }

    @Override
    public String reloadReplicationTable(String job, String table) {
        return client().reloadReplicationTable(job, table);
    }

    // -------------------------------------------------------------------------------------------------------------
    // --- Druid (druid-status) ---

    @Override
    public List<String> druidDatasources() {
        return client().druidDatasources();
    }

    @Override
    public List<DruidTimelineRow> druidTimeline(String dataSource) {
        return client().druidTimeline(dataSource);
    }

    @Override
    public List<DruidSupervisorRow> druidSupervisors() {
        return client().druidSupervisors();
    }

    @Override
    public List<DruidTaskRow> druidRunningTasks() {
        return client().druidRunningTasks();
    }

    @Override
    public List<DruidReindexJobRow> druidReindexJobs() {
        return client().druidReindexJobs();
    }

    @Override
    public List<DruidReindexRunRow> druidReindexRuns(String job) {
        return client().druidReindexRuns(job);
    }

    @Override
    public DruidReindexRunRow druidReindex(String job, java.time.Instant start, java.time.Instant end,
                                           java.util.function.Consumer<String> progress) {
        return client().druidReindex(job, start, end, progress);
    }

    // --- end of Druid ---
    // ---- General log (issue 4)

    @Override
    public List<String> genlogConnections() {
        return client().genlogConnections();
    }

    @Override
    public GenlogStatusView genlogStatus(String connection, Optional<AllocatedStorage> storage) {
        return client().genlogStatus(connection, storage);
    }

    @Override
    public RotationPlan genlogRotationPlan(String connection) {
        return client().genlogRotationPlan(connection);
    }

    @Override
    public RotationOutcome genlogRotate(String connection, Consumer<String> progress) {
        return client().genlogRotate(connection, progress);
    }

    @Override
    public List<RotationRecord> genlogHistory(String connection) {
        return client().genlogHistory(connection);
    }

    @Override
    public ScheduleState genlogSchedule(String connection) {
        return client().genlogSchedule(connection);
    }

    @Override
    public ScheduleState genlogInstallSchedule(String connection, ScheduleEvery every) {
        return client().genlogInstallSchedule(connection, every);
    }

    @Override
    public ScheduleState genlogRemoveSchedule(String connection) {
        return client().genlogRemoveSchedule(connection);
    }

    @Override
    public List<ArchiveFile> genlogArchives(String connection) {
        return client().genlogArchives(connection);
    }

    @Override
    public SearchPage genlogSearch(LogSource source, LogQuery query, int limit) {
        return client().genlogSearch(source, query, limit);
    }

    @Override
    public DigestPage genlogDigest(LogSource source, LogQuery query, DigestGrouping by, int top) {
        return client().genlogDigest(source, query, by, top);
    }

    @Override
    public long genlogExportSearchCsv(LogSource source, LogQuery query, Path file) {
        return client().genlogExportSearchCsv(source, query, file);
    }

    @Override
    public int genlogExportDigestCsv(LogSource source, LogQuery query, DigestGrouping by, Path file) {
        return client().genlogExportDigestCsv(source, query, by, file);
    }

    // ---- end of General log

    @Override
    public void close() {
        EngineClient created;
        synchronized (this) {
            closed = true;
            created = client;
        }
        if (created != null) {
            created.close();
        }
    }
}

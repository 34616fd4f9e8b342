package io.ferry.client;

import io.ferry.client.druid.DruidReindexJobRow;
import io.ferry.client.druid.DruidReindexRunRow;
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
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one door from the console (or any other client) into the engine. Today an in-process
 * implementation; a remote one over the HTTP API will implement the same interface, so views never
 * call engine internals directly.
 * <p>
 * Methods block: a client that has a UI thread calls them from a background thread.
 */
public interface EngineClient extends AutoCloseable {

    /** Version, data directory and where the configuration came from. */
    EngineInfo info();

    /** True when a ferry.yaml with at least one connection is loaded. */
    boolean isConfigured();

    /**
     * Starts the local sandbox (MariaDB, PostgreSQL, S3) and adopts its configuration. Reports
     * progress as short human messages. Returns when every service is healthy.
     */
    void startSandbox(Consumer<String> progress);

    /** Checks every configured connection now and returns their statuses, in configuration order. */
    List<ConnectionStatus> checkConnections();

    // ---- Replication ------------------------------------------------------------------------------------------

    /** The replication jobs of the configuration (the engine starts them at start-up), with their latest figures. */
    List<ReplicationJobStatus> replicationJobs();

    /** The job's one-second samples after {@code since} (null: the whole hour the engine keeps), oldest first. */
    List<ReplicationSample> replicationHistory(String job, Instant since);

    /** Every table of the job: state, load progress, rows, last change, lag, rows/s. */
    List<ReplicationTableStatus> replicationTables(String job);

    /** Starts a stopped (or failed) job; nothing when it runs. */
    void startReplication(String job);

    /** Stops a job after its batch in flight; its checkpoint keeps where it was. */
    void stopReplication(String job);

    /**
     * Loads one table ({@code schema.table}) of the job again. The in-process engine restarts the job with a full
     * load of that table (the other tables wait for it); returns what was done, in words.
     */
    String reloadReplicationTable(String job, String table);

    // -------------------------------------------------------------------------------------------------------------
    // --- Druid: segment status (druid-status); the re-index runs and action join this block (druid-reindex) ---

    /** The datasources of the configured Druid; throws, saying what to configure, when there is no druid connection. */
    List<String> druidDatasources();

    /** One row per interval and version of a datasource's segments, intervals in time order, newest version first. */
    List<DruidTimelineRow> druidTimeline(String dataSource);

    /** The stream supervisors with state, lag and events/s ingested. */
    List<DruidSupervisorRow> druidSupervisors();

    /** The tasks the overlord is running, waiting or pending. */
    List<DruidTaskRow> druidRunningTasks();

    /** The configured druid-reindex jobs (name, datasource, schedule, input location). */
    List<DruidReindexJobRow> druidReindexJobs();

    /** A job's re-index runs, newest first, with real-time vs batch events per chunk. */
    List<DruidReindexRunRow> druidReindexRuns(String job);

    /**
     * Re-indexes {@code [start, end)} of a job now, blocking; {@code progress} gets each step. A refused or failed run
     * is returned as recorded (result and error); what keeps it from starting is thrown with one readable message.
     */
    DruidReindexRunRow druidReindex(String job, java.time.Instant start, java.time.Instant end, Consumer<String> progress);

    // --- end of Druid ---
    // ---- General log (issue 4): mysql.general_log size, rotation, schedule, history, search and digest.
    // Failures are exceptions whose message says what is wrong and how to fix it (log off, log_output=FILE,
    // a missing privilege, the event scheduler off), ready to show as is.

    /** The mysql connections whose general log can be shown, in configuration order. */
    List<String> genlogConnections();

    /**
     * The figures of {@code ferry genlog status} for one connection (each exact or an estimate), with the RDS
     * threshold when {@code storage} is given, and the size samples for a chart. Records a new sample.
     */
    GenlogStatusView genlogStatus(String connection, Optional<AllocatedStorage> storage);

    /** What "rotate now" would do (flavour, rows, archive folder, in plain sentences); changes nothing. */
    RotationPlan genlogRotationPlan(String connection);

    /** Rotates now, archiving first whatever would otherwise be dropped; {@code progress} gets each step. */
    RotationOutcome genlogRotate(String connection, Consumer<String> progress);

    /** Every rotation of the connection's logs, newest first. */
    List<RotationRecord> genlogHistory(String connection);

    /** The installed rotation event, if any, and whether the event scheduler is on (with the fix when not). */
    ScheduleState genlogSchedule(String connection);

    /** Installs the rotation event, or changes its interval; refuses, changing nothing, when the scheduler is off. */
    ScheduleState genlogInstallSchedule(String connection, ScheduleEvery every);

    /** Removes the rotation event (dated tables already made stay, to be archived). */
    ScheduleState genlogRemoveSchedule(String connection);

    /** The archives written for the connection, newest first. */
    List<ArchiveFile> genlogArchives(String connection);

    /** The first {@code limit} matching rows, and whether more match. */
    SearchPage genlogSearch(LogSource source, LogQuery query, int limit);

    /** The top {@code top} groups of the matching rows (pt-query-digest style), and how many there are. */
    DigestPage genlogDigest(LogSource source, LogQuery query, DigestGrouping by, int top);

    /** Writes every matching row to {@code file} as CSV; returns the rows written. */
    long genlogExportSearchCsv(LogSource source, LogQuery query, Path file);

    /** Writes every group of the digest to {@code file} as CSV; returns the groups written. */
    int genlogExportDigestCsv(LogSource source, LogQuery query, DigestGrouping by, Path file);

    // ---- end of General log

    /** Stops what this client started (the sandbox, background work). */
    @Override
    void close();
}

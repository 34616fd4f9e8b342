package io.ferry.client;

import io.ferry.client.druid.DruidSupervisorRow;
import io.ferry.client.druid.DruidTaskRow;
import io.ferry.client.druid.DruidTimelineRow;

import java.util.List;
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

    // --- Druid: segment status (druid-status); the re-index runs and action join this block (druid-reindex) ---

    /** The datasources of the configured Druid; throws, saying what to configure, when there is no druid connection. */
    List<String> druidDatasources();

    /** One row per interval and version of a datasource's segments, intervals in time order, newest version first. */
    List<DruidTimelineRow> druidTimeline(String dataSource);

    /** The stream supervisors with state, lag and events/s ingested. */
    List<DruidSupervisorRow> druidSupervisors();

    /** The tasks the overlord is running, waiting or pending. */
    List<DruidTaskRow> druidRunningTasks();

    // --- end of Druid ---

    /** Stops what this client started (the sandbox, background work). */
    @Override
    void close();
}

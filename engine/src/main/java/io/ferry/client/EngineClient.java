package io.ferry.client;

import java.time.Instant;
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

    /** Stops what this client started (the sandbox, background work). */
    @Override
    void close();
}

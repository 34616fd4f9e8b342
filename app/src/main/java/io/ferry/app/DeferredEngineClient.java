package io.ferry.app;

import io.ferry.client.ConnectionStatus;
import io.ferry.client.EngineClient;
import io.ferry.client.EngineInfo;
import io.ferry.client.ReplicationJobStatus;
import io.ferry.client.ReplicationSample;
import io.ferry.client.ReplicationTableStatus;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
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

package io.ferry.app;

import io.ferry.client.ConnectionStatus;
import io.ferry.client.EngineClient;
import io.ferry.client.EngineInfo;
import io.ferry.client.druid.DruidSupervisorRow;
import io.ferry.client.druid.DruidTaskRow;
import io.ferry.client.druid.DruidTimelineRow;

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

    // --- end of Druid ---

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

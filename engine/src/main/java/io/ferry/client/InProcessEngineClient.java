package io.ferry.client;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The engine running in the client's own JVM. Placeholder until the configuration, connection checks and
 * sandbox are wired in.
 */
public final class InProcessEngineClient implements EngineClient {

    /**
     * @param configFile a ferry.yaml to load; empty means "none given": the client then looks for
     *                   ./ferry.yaml and otherwise stays unconfigured (the console then starts the sandbox)
     */
    public InProcessEngineClient(Optional<Path> configFile) {
    }

    @Override
    public EngineInfo info() {
        throw new UnsupportedOperationException("not yet built");
    }

    @Override
    public boolean isConfigured() {
        return false;
    }

    @Override
    public void startSandbox(Consumer<String> progress) {
        throw new UnsupportedOperationException("not yet built");
    }

    @Override
    public List<ConnectionStatus> checkConnections() {
        return List.of();
    }

    @Override
    public void close() {
    }
}

package io.ferry.app;

import io.ferry.client.EngineClient;
import io.ferry.client.InProcessEngineClient;

import java.nio.file.Path;
import java.util.Optional;

/** Makes the console's engine client; tests hand in their own. */
@FunctionalInterface
public interface EngineClientFactory {
    EngineClient create(Optional<Path> configFile);

    /** The engine in the console's own JVM. */
    static EngineClientFactory inProcess() {
        return InProcessEngineClient::new;
    }
}

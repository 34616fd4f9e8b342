package io.ferry.app.shell;

import io.ferry.app.connections.ConnectionsViewModel;
import io.ferry.app.task.TaskExecutor;
import io.ferry.client.EngineClient;

import java.util.Objects;

/**
 * What a page needs to build its view model: the engine client (the only door into the engine), the task
 * executor (engine calls never run on the FX thread) and the view models shared between pages.
 */
public record ConsoleContext(EngineClient client, TaskExecutor tasks, ConnectionsViewModel connections) {
    public ConsoleContext {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(connections, "connections");
    }
}

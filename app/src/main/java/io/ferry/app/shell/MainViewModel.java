package io.ferry.app.shell;

import io.ferry.app.connections.ConnectionsViewModel;
import io.ferry.app.task.BackgroundTask;
import io.ferry.app.task.TaskExecutor;
import io.ferry.client.EngineClient;
import io.ferry.client.EngineInfo;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Objects;

/**
 * The console window's state: which section is shown, the engine's start-up (including the sandbox and its
 * progress messages) and the status line. Properties out, commands in ({@link #start()}, {@link #select});
 * called on the UI thread, engine calls run on a worker.
 */
public final class MainViewModel {
    /** The section shown at start-up, where the sandbox progress and then the connections appear. */
    public static final String CONNECTIONS = "Connections";

    private final EngineClient client;
    private final TaskExecutor tasks;
    private final ConnectionsViewModel connections;

    private final ReadOnlyStringWrapper selectedSection = new ReadOnlyStringWrapper(this, "selectedSection", CONNECTIONS);
    private final ReadOnlyObjectWrapper<EngineState> engineState =
            new ReadOnlyObjectWrapper<>(this, "engineState", EngineState.STARTING);
    private final ReadOnlyObjectWrapper<EngineInfo> engineInfo = new ReadOnlyObjectWrapper<>(this, "engineInfo");
    private final ReadOnlyStringWrapper startupError = new ReadOnlyStringWrapper(this, "startupError", "");
    private final ReadOnlyStringWrapper sandboxProgress = new ReadOnlyStringWrapper(this, "sandboxProgress", "");
    private final ObservableList<String> sandboxMessages = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlySandboxMessages =
            FXCollections.unmodifiableObservableList(sandboxMessages);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText");
    private boolean started;

    public MainViewModel(EngineClient client, TaskExecutor tasks, ConnectionsViewModel connections) {
        this.client = Objects.requireNonNull(client, "client");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.connections = Objects.requireNonNull(connections, "connections");
        engineState.addListener((obs, old, now) -> updateStatus());
        sandboxProgress.addListener((obs, old, now) -> updateStatus());
        connections.summaryProperty().addListener((obs, old, now) -> updateStatus());
        updateStatus();
    }

    /**
     * Starts the engine side in the background: when nothing is configured, starts the sandbox (its progress
     * messages appear in {@link #sandboxMessages()}); then shows the connections and keeps them refreshed.
     * Calling it again does nothing.
     */
    public void start() {
        if (started) {
            return;
        }
        started = true;
        tasks.execute(BackgroundTask.of("Reading the configuration", progress -> client.isConfigured())
                .onSuccess(configured -> {
                    if (configured) {
                        tasks.execute(BackgroundTask.of("Reading engine info", progress -> client.info())
                                .onSuccess(this::engineReady)
                                .onFailure(this::engineFailed));
                    } else {
                        startSandbox();
                    }
                })
                .onFailure(this::engineFailed));
    }

    private void startSandbox() {
        engineState.set(EngineState.STARTING_SANDBOX);
        sandboxProgressed("Nothing is configured: starting the local sandbox");
        tasks.execute(BackgroundTask.of("Starting the sandbox", progress -> {
                    client.startSandbox(progress);
                    return client.info();
                })
                .onProgress(this::sandboxProgressed)
                .onSuccess(this::engineReady)
                .onFailure(this::engineFailed));
    }

    private void sandboxProgressed(String message) {
        sandboxMessages.add(message);
        sandboxProgress.set(message);
    }

    private void engineReady(EngineInfo info) {
        engineInfo.set(info);
        engineState.set(EngineState.READY);
        // The connections page is the first one shown; a user who went elsewhere meanwhile stays there.
        connections.startAutoRefresh();
    }

    private void engineFailed(Throwable error) {
        String reason = error.getMessage() == null || error.getMessage().isBlank()
                ? error.getClass().getSimpleName() : error.getMessage();
        String what = engineState.get() == EngineState.STARTING_SANDBOX
                ? "Could not start the sandbox: " : "Could not start the engine: ";
        startupError.set(what + reason);
        engineState.set(EngineState.FAILED);
    }

    /** Shows the section with this title (as listed in the navigation). */
    public void select(String sectionTitle) {
        selectedSection.set(Objects.requireNonNull(sectionTitle, "sectionTitle"));
    }

    /** Stops the background refresh; the caller closes the executor and the client. */
    public void stop() {
        connections.stopAutoRefresh();
    }

    private void updateStatus() {
        statusText.set(switch (engineState.get()) {
            case STARTING -> "Engine starting…";
            case STARTING_SANDBOX -> "Starting the sandbox: " + sandboxProgress.get();
            case READY -> "Engine ready (configuration: " + configSource() + ") · " + connections.summaryProperty().get();
            case FAILED -> startupError.get();
        });
    }

    private String configSource() {
        EngineInfo info = engineInfo.get();
        return info == null ? "unknown" : info.configSource();
    }

    public ReadOnlyStringProperty selectedSectionProperty() {
        return selectedSection.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EngineState> engineStateProperty() {
        return engineState.getReadOnlyProperty();
    }

    /** Version, data directory and configuration source, once the engine is ready; null before. */
    public ReadOnlyObjectProperty<EngineInfo> engineInfoProperty() {
        return engineInfo.getReadOnlyProperty();
    }

    /** Why start-up failed; empty otherwise. */
    public ReadOnlyStringProperty startupErrorProperty() {
        return startupError.getReadOnlyProperty();
    }

    /** The latest sandbox progress message. */
    public ReadOnlyStringProperty sandboxProgressProperty() {
        return sandboxProgress.getReadOnlyProperty();
    }

    /** Every sandbox progress message so far, oldest first. */
    public ObservableList<String> sandboxMessages() {
        return readOnlySandboxMessages;
    }

    /** The one-line engine state of the status bar. */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }
}

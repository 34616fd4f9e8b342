package io.ferry.app.connections;

import io.ferry.app.task.BackgroundTask;
import io.ferry.app.task.TaskExecutor;
import io.ferry.app.task.TaskHandle;
import io.ferry.client.ConnectionHealth;
import io.ferry.client.ConnectionStatus;
import io.ferry.client.EngineClient;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The configured connections and their health. Properties out, commands in ({@link #refresh()},
 * {@link #startAutoRefresh()}); called on the UI thread, the checks themselves run on a worker.
 */
public final class ConnectionsViewModel {
    public static final Duration DEFAULT_REFRESH_PERIOD = Duration.ofSeconds(5);

    private final EngineClient client;
    private final TaskExecutor tasks;
    private final Duration refreshPeriod;
    private final Clock clock;

    private final ObservableList<ConnectionStatus> rows = FXCollections.observableArrayList();
    private final ObservableList<ConnectionStatus> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking");
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper(this, "lastError", "");
    private final ReadOnlyObjectWrapper<Instant> lastRefreshed = new ReadOnlyObjectWrapper<>(this, "lastRefreshed");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "Not checked yet");
    private TaskHandle autoRefresh;

    public ConnectionsViewModel(EngineClient client, TaskExecutor tasks) {
        this(client, tasks, DEFAULT_REFRESH_PERIOD, Clock.systemDefaultZone());
    }

    public ConnectionsViewModel(EngineClient client, TaskExecutor tasks, Duration refreshPeriod, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.refreshPeriod = Objects.requireNonNull(refreshPeriod, "refreshPeriod");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Checks every connection now, unless a check is already running (then its answer is as fresh). */
    public void refresh() {
        if (checking.get()) {
            return;
        }
        checking.set(true);
        tasks.execute(BackgroundTask.of("Checking connections", progress -> client.checkConnections())
                .onSuccess(this::show)
                .onFailure(error -> lastError.set("Checking the connections failed: " + describe(error)))
                .onFinished(() -> checking.set(false)));
    }

    /** Checks now, then every refresh period, until {@link #stopAutoRefresh()}. */
    public void startAutoRefresh() {
        if (autoRefresh != null) {
            return;
        }
        refresh();
        autoRefresh = tasks.repeatOnCallbackThread(this::refresh, refreshPeriod, refreshPeriod);
    }

    public void stopAutoRefresh() {
        if (autoRefresh != null) {
            autoRefresh.cancel();
            autoRefresh = null;
        }
    }

    private void show(List<ConnectionStatus> statuses) {
        rows.setAll(statuses);
        lastError.set("");
        lastRefreshed.set(clock.instant());
        summary.set(summarize(statuses));
    }

    static String summarize(List<ConnectionStatus> statuses) {
        if (statuses.isEmpty()) {
            return "No connections configured";
        }
        long up = statuses.stream().filter(s -> s.health() == ConnectionHealth.UP).count();
        long down = statuses.stream().filter(s -> s.health() == ConnectionHealth.DOWN).count();
        String text = statuses.size() + (statuses.size() == 1 ? " connection: " : " connections: ") + up + " up";
        return down > 0 ? text + ", " + down + " down" : text;
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    public ObservableList<ConnectionStatus> rows() {
        return readOnlyRows;
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /** Empty when the last check answered; otherwise why it did not. */
    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError.getReadOnlyProperty();
    }

    /** When the table was last filled, or null. */
    public ReadOnlyObjectProperty<Instant> lastRefreshedProperty() {
        return lastRefreshed.getReadOnlyProperty();
    }

    /** One line: how many connections, how many up and down. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}

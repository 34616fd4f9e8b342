package io.ferry.app.druid;

import io.ferry.app.task.BackgroundTask;
import io.ferry.app.task.TaskExecutor;
import io.ferry.app.task.TaskHandle;
import io.ferry.client.EngineClient;
import io.ferry.client.druid.DruidSupervisorRow;
import io.ferry.client.druid.DruidTaskRow;
import io.ferry.client.druid.DruidTimelineRow;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The Druid page: datasources, the selected datasource's segment timeline, supervisors with state and lag, running
 * tasks, and a live series of events/s ingested (sampled from the supervisors at each refresh). Properties out,
 * commands in; called on the UI thread, the engine calls run on a worker.
 */
public final class DruidViewModel {
    public static final Duration DEFAULT_REFRESH_PERIOD = Duration.ofSeconds(5);
    /** Ten minutes of throughput at the default period. */
    static final int MAX_SAMPLES = 120;
    static final String REINDEX_NOT_WIRED = "Re-indexing an interval from the raw files comes with the re-index job "
            + "(ferry druid reindex); select an interval of the timeline to re-index it then.";

    private final EngineClient client;
    private final TaskExecutor tasks;
    private final Duration refreshPeriod;
    private final Clock clock;

    private final ObservableList<String> datasources = FXCollections.observableArrayList();
    private final StringProperty selectedDatasource = new SimpleStringProperty(this, "selectedDatasource");
    private final ObservableList<DruidTimelineRow> timeline = FXCollections.observableArrayList();
    private final ObservableList<DruidSupervisorRow> supervisors = FXCollections.observableArrayList();
    private final ObservableList<DruidTaskRow> runningTasks = FXCollections.observableArrayList();
    private final ObservableList<ThroughputSample> throughput = FXCollections.observableArrayList();
    private final ObjectProperty<DruidTimelineRow> selectedInterval = new SimpleObjectProperty<>(this, "selectedInterval");
    private final ReadOnlyBooleanWrapper refreshing = new ReadOnlyBooleanWrapper(this, "refreshing");
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper(this, "lastError", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "Not loaded yet");
    private final ReadOnlyBooleanWrapper reindexAvailable = new ReadOnlyBooleanWrapper(this, "reindexAvailable", false);
    private final ObservableList<String> readOnlyDatasources = FXCollections.unmodifiableObservableList(datasources);
    private final ObservableList<DruidTimelineRow> readOnlyTimeline = FXCollections.unmodifiableObservableList(timeline);
    private final ObservableList<DruidSupervisorRow> readOnlySupervisors = FXCollections.unmodifiableObservableList(supervisors);
    private final ObservableList<DruidTaskRow> readOnlyTasks = FXCollections.unmodifiableObservableList(runningTasks);
    private final ObservableList<ThroughputSample> readOnlyThroughput = FXCollections.unmodifiableObservableList(throughput);
    private TaskHandle autoRefresh;
    private boolean refreshAgain;

    public DruidViewModel(EngineClient client, TaskExecutor tasks) {
        this(client, tasks, DEFAULT_REFRESH_PERIOD, Clock.systemUTC());
    }

    public DruidViewModel(EngineClient client, TaskExecutor tasks, Duration refreshPeriod, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.refreshPeriod = Objects.requireNonNull(refreshPeriod, "refreshPeriod");
        this.clock = Objects.requireNonNull(clock, "clock");
        selectedDatasource.addListener((obs, old, now) -> {
            if (!Objects.equals(old, now)) {
                timeline.clear();
                selectedInterval.set(null);
                refresh();
            }
        });
    }

    /**
     * Reads everything once. While a read runs, another request is remembered and made when it ends (the user may
     * have picked another datasource meanwhile).
     */
    public void refresh() {
        if (refreshing.get()) {
            refreshAgain = true;
            return;
        }
        refreshing.set(true);
        String wanted = selectedDatasource.get();
        tasks.execute(BackgroundTask.of("Reading Druid status", progress -> Snapshot.read(client, wanted))
                .onSuccess(this::show)
                .onFailure(error -> lastError.set(describe(error)))
                .onFinished(() -> {
                    refreshing.set(false);
                    if (refreshAgain) {
                        refreshAgain = false;
                        refresh();
                    }
                }));
    }

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

    /**
     * Re-indexes the selected interval. Not wired yet: the re-index job (druid-reindex) makes {@link #reindexAvailableProperty()}
     * true and runs it here.
     */
    public void reindexSelectedInterval() {
        if (!reindexAvailable.get() || selectedInterval.get() == null) {
            return;
        }
    }

    /** Why the re-index action is disabled, for its tooltip. */
    public String reindexUnavailableReason() {
        return REINDEX_NOT_WIRED;
    }

    private void show(Snapshot s) {
        lastError.set("");
        // Only what changed: a refresh every few seconds must not redraw the timeline or drop a table's selection.
        replaceIfChanged(datasources, s.datasources());
        if (selectedDatasource.get() == null && s.timelineOf() != null) {
            selectedDatasource.set(s.timelineOf());
        }
        if (Objects.equals(selectedDatasource.get(), s.timelineOf())) {
            replaceIfChanged(timeline, s.timeline());
        }
        replaceIfChanged(supervisors, s.supervisors());
        replaceIfChanged(runningTasks, s.tasks());
        double rate = s.supervisors().stream().map(DruidSupervisorRow::eventsPerSecond).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).sum();
        throughput.add(new ThroughputSample(clock.instant(), rate));
        if (throughput.size() > MAX_SAMPLES) {
            throughput.remove(0, throughput.size() - MAX_SAMPLES);
        }
        summary.set(summarize(s));
    }

    private static <T> void replaceIfChanged(ObservableList<T> list, List<T> now) {
        if (!list.equals(now)) {
            list.setAll(now);
        }
    }

    static String summarize(Snapshot s) {
        long overshadowed = s.timeline().stream().filter(DruidTimelineRow::overshadowed).count();
        long intervals = s.timeline().stream().map(r -> r.start() + "/" + r.end()).distinct().count();
        String text = s.datasources().size() + (s.datasources().size() == 1 ? " datasource" : " datasources")
                + ", " + s.supervisors().size() + (s.supervisors().size() == 1 ? " supervisor" : " supervisors")
                + ", " + s.tasks().size() + " running " + (s.tasks().size() == 1 ? "task" : "tasks");
        if (s.timelineOf() != null) {
            text += String.format(Locale.ROOT, "; %s: %d interval(s), %d overshadowed version(s)", s.timelineOf(), intervals, overshadowed);
        }
        return text;
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    /** One read of everything the page shows, made on a worker. */
    record Snapshot(List<String> datasources, String timelineOf, List<DruidTimelineRow> timeline,
                    List<DruidSupervisorRow> supervisors, List<DruidTaskRow> tasks) {
        static Snapshot read(EngineClient client, String dataSource) {
            List<String> datasources = client.druidDatasources();
            String of = dataSource != null ? dataSource : datasources.isEmpty() ? null : datasources.get(0);
            List<DruidTimelineRow> timeline = of == null ? List.of() : client.druidTimeline(of);
            return new Snapshot(datasources, of, timeline, client.druidSupervisors(), client.druidRunningTasks());
        }
    }

    public ObservableList<String> datasources() {
        return readOnlyDatasources;
    }

    public StringProperty selectedDatasourceProperty() {
        return selectedDatasource;
    }

    public ObservableList<DruidTimelineRow> timeline() {
        return readOnlyTimeline;
    }

    public ObservableList<DruidSupervisorRow> supervisors() {
        return readOnlySupervisors;
    }

    public ObservableList<DruidTaskRow> runningTasks() {
        return readOnlyTasks;
    }

    /** Events/s ingested, oldest first, at most {@value #MAX_SAMPLES} samples. */
    public ObservableList<ThroughputSample> throughput() {
        return readOnlyThroughput;
    }

    /** The timeline row (interval and version) the user picked, or null. */
    public ObjectProperty<DruidTimelineRow> selectedIntervalProperty() {
        return selectedInterval;
    }

    public ReadOnlyBooleanProperty refreshingProperty() {
        return refreshing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty reindexAvailableProperty() {
        return reindexAvailable.getReadOnlyProperty();
    }
}

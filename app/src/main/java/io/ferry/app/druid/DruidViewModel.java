package io.ferry.app.druid;

import io.ferry.app.task.BackgroundTask;
import io.ferry.app.task.TaskExecutor;
import io.ferry.app.task.TaskHandle;
import io.ferry.client.EngineClient;
import io.ferry.client.druid.DruidReindexJobRow;
import io.ferry.client.druid.DruidReindexRunRow;
import io.ferry.client.druid.DruidSupervisorRow;
import io.ferry.client.druid.DruidTaskRow;
import io.ferry.client.druid.DruidTimelineRow;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Objects;

/**
 * The Druid page: datasources, the selected datasource's segment timeline, supervisors with state and lag, running
 * tasks, a live series of events/s ingested (sampled from the supervisors at each refresh), the re-index runs of the
 * datasource's druid-reindex job and the action that re-indexes the selected interval. Properties out,
 * commands in; called on the UI thread, the engine calls run on a worker.
 */
public final class DruidViewModel {
    public static final Duration DEFAULT_REFRESH_PERIOD = Duration.ofSeconds(5);
    /** Ten minutes of throughput at the default period. */
    static final int MAX_SAMPLES = 120;
    static final String NO_JOB = "No druid-reindex job is configured for this datasource: add one under jobs: in "
            + "ferry.yaml (type: druid-reindex; see docs/druid.md).";
    static final String NO_INTERVAL = "Select an interval in the timeline or the segment table.";
    static final String RUNNING = "A re-index is running.";

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
    private final ObservableList<DruidReindexJobRow> jobs = FXCollections.observableArrayList();
    private final ObservableList<DruidReindexRunRow> runs = FXCollections.observableArrayList();
    private final ObservableList<DruidReindexRunRow> readOnlyRuns = FXCollections.unmodifiableObservableList(runs);
    private final ReadOnlyBooleanWrapper reindexRunning = new ReadOnlyBooleanWrapper(this, "reindexRunning", false);
    private final ReadOnlyStringWrapper reindexProgress = new ReadOnlyStringWrapper(this, "reindexProgress", "");
    private final ReadOnlyStringWrapper reindexUnavailableReason = new ReadOnlyStringWrapper(this, "reindexUnavailableReason", NO_JOB);
    private final ReadOnlyObjectWrapper<Double> batchRowsPerSecond = new ReadOnlyObjectWrapper<>(this, "batchRowsPerSecond");
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
                runs.clear();
                refresh();
            }
            updateReindexAvailable();
        });
        selectedInterval.addListener((obs, old, now) -> updateReindexAvailable());
        reindexRunning.addListener((obs, old, now) -> updateReindexAvailable());
        jobs.addListener((javafx.collections.ListChangeListener<DruidReindexJobRow>) c -> updateReindexAvailable());
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

    /** The druid-reindex job of the selected datasource, if one is configured. */
    public Optional<DruidReindexJobRow> reindexJob() {
        String ds = selectedDatasource.get();
        return jobs.stream().filter(j -> j.datasource().equals(ds)).findFirst();
    }

    /** What re-indexing the selected interval will do, for the confirmation; empty when it is not available. */
    public Optional<String> reindexConfirmation() {
        DruidTimelineRow row = selectedInterval.get();
        Optional<DruidReindexJobRow> job = reindexJob();
        if (!reindexAvailable.get() || row == null || job.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Job " + job.get().name() + " re-indexes " + row.dataSource() + " " + row.start() + " / " + row.end()
                + " from the raw files in " + job.get().input() + ".\n"
                + "Druid then holds a batch version of every segment chunk of the interval, and the real-time segments of "
                + "the interval are overshadowed (chunks without batch rows lose their real-time rows too).\n"
                + "An interval that is not closed yet, or whose input is partial, is refused and nothing is overwritten.");
    }

    /** The user confirmed: re-indexes the selected interval in the background, then reads everything again. */
    public void reindexSelectedInterval() {
        DruidTimelineRow row = selectedInterval.get();
        Optional<DruidReindexJobRow> job = reindexJob();
        if (!reindexAvailable.get() || row == null || job.isEmpty()) {
            return;
        }
        String name = job.get().name();
        reindexRunning.set(true);
        reindexProgress.set("Re-indexing " + row.start() + " / " + row.end() + "…");
        tasks.execute(BackgroundTask.<DruidReindexRunRow>of("Re-indexing " + row.dataSource() + " " + row.start() + "/" + row.end(),
                        progress -> client.druidReindex(name, row.start(), row.end(), progress))
                .onProgress(message -> reindexProgress.set(message))
                .onSuccess(run -> reindexProgress.set(outcome(run)))
                .onFailure(error -> reindexProgress.set("Re-index failed: " + describe(error)))
                .onFinished(() -> {
                    reindexRunning.set(false);
                    refresh();
                }));
    }

    static String outcome(DruidReindexRunRow run) {
        String text = "Run " + run.id() + " " + run.result().toLowerCase(Locale.ROOT);
        if (run.eventDifference() != null) {
            text += String.format(Locale.ROOT, ": batch %,d events vs real-time %,d (%+,d)", run.batchEvents(),
                    run.realtimeEvents(), run.eventDifference());
        }
        return run.error() == null ? text : text + ": " + run.error();
    }

    /** Why the re-index action is disabled, for its tooltip (empty when it is enabled). */
    public ReadOnlyStringProperty reindexUnavailableReasonProperty() {
        return reindexUnavailableReason.getReadOnlyProperty();
    }

    private void updateReindexAvailable() {
        String reason = reindexRunning.get() ? RUNNING : reindexJob().isEmpty() ? NO_JOB
                : selectedInterval.get() == null ? NO_INTERVAL : "";
        reindexUnavailableReason.set(reason);
        reindexAvailable.set(reason.isEmpty());
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
        replaceIfChanged(jobs, s.jobs());
        if (Objects.equals(selectedDatasource.get(), s.timelineOf())) {
            replaceIfChanged(runs, s.runs());
            batchRowsPerSecond.set(s.runs().stream().map(DruidReindexRunRow::batchRowsPerSecond).filter(Objects::nonNull)
                    .findFirst().orElse(null));
        }
        updateReindexAvailable();
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
                    List<DruidSupervisorRow> supervisors, List<DruidTaskRow> tasks, List<DruidReindexJobRow> jobs,
                    List<DruidReindexRunRow> runs) {
        static Snapshot read(EngineClient client, String dataSource) {
            List<String> datasources = client.druidDatasources();
            String of = dataSource != null ? dataSource : datasources.isEmpty() ? null : datasources.get(0);
            List<DruidTimelineRow> timeline = of == null ? List.of() : client.druidTimeline(of);
            List<DruidReindexJobRow> jobs = client.druidReindexJobs();
            List<DruidReindexRunRow> runs = new ArrayList<>();
            for (DruidReindexJobRow job : jobs) {
                if (job.datasource().equals(of)) {
                    runs.addAll(client.druidReindexRuns(job.name()));
                }
            }
            runs.sort(Comparator.comparing(DruidReindexRunRow::startedAt).reversed());
            return new Snapshot(datasources, of, timeline, client.druidSupervisors(), client.druidRunningTasks(), jobs, runs);
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

    /** The selected datasource's re-index runs, newest first. */
    public ObservableList<DruidReindexRunRow> reindexRuns() {
        return readOnlyRuns;
    }

    public ReadOnlyBooleanProperty reindexRunningProperty() {
        return reindexRunning.getReadOnlyProperty();
    }

    /** The running re-index's last step, then its outcome. */
    public ReadOnlyStringProperty reindexProgressProperty() {
        return reindexProgress.getReadOnlyProperty();
    }

    /** Rows/s of the newest run's index task that has one (rows / task duration), or null. */
    public ReadOnlyObjectProperty<Double> batchRowsPerSecondProperty() {
        return batchRowsPerSecond.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty reindexAvailableProperty() {
        return reindexAvailable.getReadOnlyProperty();
    }
}

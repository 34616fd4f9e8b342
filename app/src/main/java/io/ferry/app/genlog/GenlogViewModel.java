package io.ferry.app.genlog;

import io.ferry.app.task.BackgroundTask;
import io.ferry.app.task.TaskExecutor;
import io.ferry.app.task.TaskHandle;
import io.ferry.client.ConnectionStatus;
import io.ferry.client.EngineClient;
import io.ferry.client.genlog.AllocatedStorage;
import io.ferry.client.genlog.ArchiveFile;
import io.ferry.client.genlog.DigestGrouping;
import io.ferry.client.genlog.DigestLine;
import io.ferry.client.genlog.DigestPage;
import io.ferry.client.genlog.GenlogFigure;
import io.ferry.client.genlog.GenlogStatusView;
import io.ferry.client.genlog.LogEntry;
import io.ferry.client.genlog.LogQuery;
import io.ferry.client.genlog.LogSource;
import io.ferry.client.genlog.RotationOutcome;
import io.ferry.client.genlog.RotationPlan;
import io.ferry.client.genlog.RotationRecord;
import io.ferry.client.genlog.ScheduleEvery;
import io.ferry.client.genlog.ScheduleState;
import io.ferry.client.genlog.SearchPage;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The General log page's state and commands: which connection, its status figures and growth, the rotation (plan,
 * confirmation, progress, outcome), the schedule, the history, the archives, and the log browser with its digest.
 * Properties out, commands in; called on the UI thread, every engine call runs as a background task. Never
 * touches a control, so it is tested without a screen.
 */
public final class GenlogViewModel {
    public static final Duration DEFAULT_REFRESH_PERIOD = Duration.ofSeconds(30);
    /** Where a search or digest reads when no archive is chosen. */
    public static final String LIVE_TABLE = "live table (mysql.general_log)";

    private final EngineClient client;
    private final TaskExecutor tasks;
    private final Duration refreshPeriod;

    private final ObservableList<String> connections = FXCollections.observableArrayList();
    private final ObservableList<String> connectionsView = FXCollections.unmodifiableObservableList(connections);
    private final StringProperty connection = new SimpleStringProperty(this, "connection");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");

    // status and growth
    private final ReadOnlyObjectWrapper<GenlogStatusView> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ObservableList<GenlogFigure> figures = FXCollections.observableArrayList();
    private final ObservableList<GenlogFigure> figuresView = FXCollections.unmodifiableObservableList(figures);
    private final ReadOnlyBooleanWrapper loadingStatus = new ReadOnlyBooleanWrapper(this, "loadingStatus");
    private final StringProperty allocatedStorageGb = new SimpleStringProperty(this, "allocatedStorageGb", "");
    private final StringProperty storageUsedPercent = new SimpleStringProperty(this, "storageUsedPercent", "50");
    private final ObjectProperty<GrowthChartData.Measure> chartMeasure =
            new SimpleObjectProperty<>(this, "chartMeasure", GrowthChartData.Measure.ROWS);
    private final ReadOnlyObjectWrapper<GrowthChartData> chart = new ReadOnlyObjectWrapper<>(this, "chart", GrowthChartData.EMPTY);

    // rotation
    private final ReadOnlyObjectWrapper<RotationPlan> pendingRotation = new ReadOnlyObjectWrapper<>(this, "pendingRotation");
    private final ReadOnlyBooleanWrapper rotating = new ReadOnlyBooleanWrapper(this, "rotating");
    private final ReadOnlyStringWrapper rotationProgress = new ReadOnlyStringWrapper(this, "rotationProgress", "");
    private final ReadOnlyObjectWrapper<RotationOutcome> lastRotation = new ReadOnlyObjectWrapper<>(this, "lastRotation");
    private final ReadOnlyBooleanWrapper canRotate = new ReadOnlyBooleanWrapper(this, "canRotate");

    // schedule
    private final ReadOnlyObjectWrapper<ScheduleState> schedule = new ReadOnlyObjectWrapper<>(this, "schedule");
    private final ReadOnlyStringWrapper scheduleText = new ReadOnlyStringWrapper(this, "scheduleText", "");
    private final IntegerProperty scheduleAmount = new SimpleIntegerProperty(this, "scheduleAmount", 1);
    private final ObjectProperty<ScheduleEvery.Unit> scheduleUnit =
            new SimpleObjectProperty<>(this, "scheduleUnit", ScheduleEvery.Unit.DAYS);
    private final ReadOnlyBooleanWrapper schedulingBusy = new ReadOnlyBooleanWrapper(this, "schedulingBusy");

    // history and archives
    private final ObservableList<RotationRecord> history = FXCollections.observableArrayList();
    private final ObservableList<RotationRecord> historyView = FXCollections.unmodifiableObservableList(history);
    private final ObservableList<String> sources = FXCollections.observableArrayList(LIVE_TABLE);
    private final ObservableList<String> sourcesView = FXCollections.unmodifiableObservableList(sources);
    private List<ArchiveFile> archives = List.of();

    // browser and digest
    private final StringProperty source = new SimpleStringProperty(this, "source", LIVE_TABLE);
    private final StringProperty from = new SimpleStringProperty(this, "from", "");
    private final StringProperty to = new SimpleStringProperty(this, "to", "");
    private final StringProperty userHost = new SimpleStringProperty(this, "userHost", "");
    private final StringProperty commandType = new SimpleStringProperty(this, "commandType", "");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final IntegerProperty limit = new SimpleIntegerProperty(this, "limit", 200);
    private final ObservableList<LogEntry> searchResults = FXCollections.observableArrayList();
    private final ObservableList<LogEntry> searchResultsView = FXCollections.unmodifiableObservableList(searchResults);
    private final ReadOnlyStringWrapper searchSummary = new ReadOnlyStringWrapper(this, "searchSummary", "");
    private final ObjectProperty<DigestGrouping> grouping = new SimpleObjectProperty<>(this, "grouping", DigestGrouping.FINGERPRINT);
    private final IntegerProperty top = new SimpleIntegerProperty(this, "top", 50);
    private final ObservableList<DigestLine> digestResults = FXCollections.observableArrayList();
    private final ObservableList<DigestLine> digestResultsView = FXCollections.unmodifiableObservableList(digestResults);
    private final ReadOnlyStringWrapper digestSummary = new ReadOnlyStringWrapper(this, "digestSummary", "");
    private final ReadOnlyBooleanWrapper browsing = new ReadOnlyBooleanWrapper(this, "browsing");

    private List<String> watchedMysqlNames;
    private TaskHandle autoRefresh;

    public GenlogViewModel(EngineClient client, TaskExecutor tasks) {
        this(client, tasks, DEFAULT_REFRESH_PERIOD);
    }

    public GenlogViewModel(EngineClient client, TaskExecutor tasks, Duration refreshPeriod) {
        this.client = Objects.requireNonNull(client, "client");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.refreshPeriod = Objects.requireNonNull(refreshPeriod, "refreshPeriod");
        connection.addListener((obs, old, now) -> connectionChanged(now));
        chartMeasure.addListener((obs, old, now) -> updateChart());
        status.addListener((obs, old, now) -> updateCanRotate());
        rotating.addListener((obs, old, now) -> updateCanRotate());
        pendingRotation.addListener((obs, old, now) -> updateCanRotate());
    }

    // ---- commands: connections

    /** Asks the engine which mysql connections there are; keeps the chosen one if it is still there. */
    public void reloadConnections() {
        tasks.execute(BackgroundTask.of("Listing the mysql connections", progress -> client.genlogConnections())
                .onSuccess(names -> {
                    connections.setAll(names);
                    if (connection.get() == null || !names.contains(connection.get())) {
                        connection.set(names.isEmpty() ? null : names.get(0));
                    }
                })
                .onFailure(this::fail));
    }

    /**
     * Follows the configured connections (the Connections page's list): when the mysql ones change, e.g. once the
     * sandbox is up, the list here is read again.
     */
    public void follow(ObservableList<ConnectionStatus> configured) {
        ListChangeListener<ConnectionStatus> listener = change -> {
            List<String> mysql = configured.stream().filter(c -> "mysql".equals(c.type())).map(ConnectionStatus::name).toList();
            if (!mysql.equals(watchedMysqlNames)) {
                watchedMysqlNames = mysql;
                reloadConnections();
            }
        };
        configured.addListener(listener);
        watchedMysqlNames = configured.stream().filter(c -> "mysql".equals(c.type())).map(ConnectionStatus::name).toList();
        reloadConnections();
    }

    /** Reads the status now, then every refresh period, until {@link #stopAutoRefresh()}. */
    public void startAutoRefresh() {
        if (autoRefresh == null) {
            autoRefresh = tasks.repeatOnCallbackThread(this::refreshStatus, refreshPeriod, refreshPeriod);
        }
    }

    public void stopAutoRefresh() {
        if (autoRefresh != null) {
            autoRefresh.cancel();
            autoRefresh = null;
        }
    }

    private void connectionChanged(String now) {
        status.set(null);
        figures.clear();
        chart.set(GrowthChartData.EMPTY);
        history.clear();
        schedule.set(null);
        scheduleText.set("");
        setArchives(List.of());
        searchResults.clear();
        digestResults.clear();
        searchSummary.set("");
        digestSummary.set("");
        lastRotation.set(null);
        error.set("");
        notice.set("");
        if (now != null) {
            refreshAll();
        }
    }

    /** Status, history, schedule and archives of the chosen connection, read again. */
    public void refreshAll() {
        refreshStatus();
        refreshHistory();
        refreshSchedule();
        refreshArchives();
    }

    // ---- commands: status

    /** Reads the status (and records a growth sample), unless a read is running. */
    public void refreshStatus() {
        String name = connection.get();
        if (name == null || loadingStatus.get()) {
            return;
        }
        Optional<AllocatedStorage> storage;
        try {
            storage = storage();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        loadingStatus.set(true);
        tasks.execute(BackgroundTask.of("Reading the general log status", progress -> client.genlogStatus(name, storage))
                .onSuccess(s -> {
                    if (name.equals(connection.get())) {
                        status.set(s);
                        figures.setAll(s.figures());
                        updateChart();
                    }
                })
                .onFailure(this::fail)
                .onFinished(() -> loadingStatus.set(false)));
    }

    private Optional<AllocatedStorage> storage() {
        String gb = allocatedStorageGb.get() == null ? "" : allocatedStorageGb.get().trim();
        if (gb.isEmpty()) {
            return Optional.empty();
        }
        String pct = storageUsedPercent.get() == null || storageUsedPercent.get().isBlank() ? "50" : storageUsedPercent.get().trim();
        try {
            return Optional.of(new AllocatedStorage(Double.parseDouble(gb), Double.parseDouble(pct)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Allocated storage '" + gb + "' GB, used '" + pct + "' %: give numbers, e.g. 100 and 50.");
        }
    }

    private void updateChart() {
        GenlogStatusView s = status.get();
        chart.set(s == null ? GrowthChartData.EMPTY : GrowthChartData.of(s, chartMeasure.get()));
    }

    private void updateCanRotate() {
        GenlogStatusView s = status.get();
        canRotate.set(s != null && s.tableLog() && !rotating.get() && pendingRotation.get() == null);
    }

    // ---- commands: rotation

    /** Step one of "Rotate now": asks the engine what it would do; {@link #pendingRotationProperty()} then holds it. */
    public void requestRotation() {
        String name = connection.get();
        if (name == null || rotating.get()) {
            return;
        }
        error.set("");
        rotationProgress.set("Preparing the rotation...");
        tasks.execute(BackgroundTask.of("Preparing the rotation", progress -> client.genlogRotationPlan(name))
                .onSuccess(plan -> {
                    rotationProgress.set("");
                    pendingRotation.set(plan);
                })
                .onFailure(e -> {
                    rotationProgress.set("");
                    fail(e);
                }));
    }

    /** The user said no: nothing happens. */
    public void cancelRotation() {
        if (pendingRotation.get() != null) {
            pendingRotation.set(null);
            notice.set("Rotation cancelled; nothing was changed.");
        }
    }

    /** The user confirmed: rotates in the background, reporting each step, then reads everything again. */
    public void confirmRotation() {
        RotationPlan plan = pendingRotation.get();
        if (plan == null || rotating.get()) {
            return;
        }
        pendingRotation.set(null);
        rotating.set(true);
        error.set("");
        notice.set("");
        rotationProgress.set("Rotating " + plan.connection() + "...");
        tasks.execute(BackgroundTask.of("Rotating the general log", progress -> client.genlogRotate(plan.connection(), progress))
                .onProgress(rotationProgress::set)
                .onSuccess(outcome -> {
                    lastRotation.set(outcome);
                    notice.set(describe(outcome));
                })
                .onFailure(this::fail)
                .onFinished(() -> {
                    rotating.set(false);
                    rotationProgress.set("");
                    if (plan.connection().equals(connection.get())) {
                        refreshAll();
                    }
                }));
    }

    static String describe(RotationOutcome o) {
        RotationRecord r = o.rotation();
        String text = String.format(Locale.ROOT, "Rotated %s rows into %s; %s archived and verified in %s.",
                GenlogFormat.count(r.rowsRotated()), r.rotatedTable(), GenlogFormat.count(r.rowsArchived()),
                r.archivePath().orElse("-"));
        if (!o.caughtUp().isEmpty()) {
            text += " First archived " + o.caughtUp().size() + " table(s) left by earlier rotations.";
        }
        return o.note().isEmpty() ? text : text + " " + o.note();
    }

    // ---- commands: schedule

    public void refreshSchedule() {
        String name = connection.get();
        if (name == null) {
            return;
        }
        runSchedule("Reading the scheduled rotation", name, () -> client.genlogSchedule(name));
    }

    /** Installs the event, or changes its interval, to every {@link #scheduleAmountProperty()} {@link #scheduleUnitProperty()}. */
    public void installSchedule() {
        String name = connection.get();
        if (name == null) {
            return;
        }
        ScheduleEvery every;
        try {
            every = new ScheduleEvery(scheduleAmount.get(), scheduleUnit.get());
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        runSchedule("Scheduling the rotation", name, () -> client.genlogInstallSchedule(name, every));
    }

    public void removeSchedule() {
        String name = connection.get();
        if (name == null) {
            return;
        }
        runSchedule("Removing the scheduled rotation", name, () -> client.genlogRemoveSchedule(name));
    }

    private void runSchedule(String title, String name, java.util.function.Supplier<ScheduleState> call) {
        if (schedulingBusy.get()) {
            return;
        }
        schedulingBusy.set(true);
        tasks.execute(BackgroundTask.of(title, progress -> call.get())
                .onSuccess(s -> {
                    if (name.equals(connection.get())) {
                        showSchedule(s);
                    }
                })
                .onFailure(this::fail)
                .onFinished(() -> schedulingBusy.set(false)));
    }

    private void showSchedule(ScheduleState s) {
        schedule.set(s);
        s.event().ifPresent(e -> {
            String[] parts = e.every().split(" ");
            if (parts.length == 2) {
                try {
                    scheduleAmount.set(Integer.parseInt(parts[0]));
                    scheduleUnit.set(ScheduleEvery.Unit.valueOf(parts[1].toUpperCase(Locale.ROOT) + "S"));
                } catch (IllegalArgumentException ignored) {
                    // an interval Ferry does not offer (installed by hand): shown as is, the editor keeps its values
                }
            }
        });
        scheduleText.set(scheduleDescription(s));
    }

    static String scheduleDescription(ScheduleState s) {
        StringBuilder b = new StringBuilder();
        if (s.event().isEmpty()) {
            b.append("No scheduled rotation installed. It would run: ").append(s.flavour()).append('.');
        } else {
            ScheduleState.InstalledEvent e = s.event().get();
            b.append("Every ").append(e.every().toLowerCase(Locale.ROOT)).append(", ").append(e.status().toLowerCase(Locale.ROOT))
                    .append("; event ").append(e.name()).append(", definer ").append(e.definer()).append("; last fired ")
                    .append(e.lastFired().orElse("never")).append('.');
        }
        b.append("\nevent_scheduler is ").append(s.eventScheduler());
        s.schedulerFix().ifPresentOrElse(fix -> b.append(": a scheduled rotation never fires. Fix: ").append(fix).append('.'),
                () -> b.append('.'));
        return b.toString();
    }

    // ---- commands: history and archives

    public void refreshHistory() {
        String name = connection.get();
        if (name == null) {
            return;
        }
        tasks.execute(BackgroundTask.of("Reading the rotation history", progress -> client.genlogHistory(name))
                .onSuccess(rows -> {
                    if (name.equals(connection.get())) {
                        history.setAll(rows);
                    }
                })
                .onFailure(this::fail));
    }

    public void refreshArchives() {
        String name = connection.get();
        if (name == null) {
            return;
        }
        tasks.execute(BackgroundTask.of("Listing the archives", progress -> client.genlogArchives(name))
                .onSuccess(files -> {
                    if (name.equals(connection.get())) {
                        setArchives(files);
                    }
                })
                .onFailure(this::fail));
    }

    private void setArchives(List<ArchiveFile> files) {
        String chosen = source.get();
        archives = List.copyOf(files);
        List<String> names = new java.util.ArrayList<>();
        names.add(LIVE_TABLE);
        files.forEach(f -> names.add(f.name()));
        sources.setAll(names);
        source.set(names.contains(chosen) ? chosen : LIVE_TABLE);
    }

    // ---- commands: browser and digest

    /** The first {@link #limitProperty()} rows matching the filters, from the chosen source. */
    public void search() {
        Optional<LogSource> from = chosenSource();
        if (from.isEmpty() || browsing.get()) {
            return;
        }
        LogQuery query = query();
        int max = Math.max(1, limit.get());
        browsing.set(true);
        searchSummary.set("Searching...");
        tasks.execute(BackgroundTask.of("Searching the log", progress -> client.genlogSearch(from.get(), query, max))
                .onSuccess(page -> {
                    searchResults.setAll(page.rows());
                    searchSummary.set(summary(page, max));
                })
                .onFailure(e -> {
                    searchSummary.set("");
                    fail(e);
                })
                .onFinished(() -> browsing.set(false)));
    }

    static String summary(SearchPage page, int max) {
        if (page.rows().isEmpty()) {
            return "No row matches.";
        }
        return page.more() ? "First " + GenlogFormat.count(max) + " matching rows shown; more match (Export CSV writes all)."
                : GenlogFormat.count(page.rows().size()) + " matching rows.";
    }

    /** Groups the matching rows by {@link #groupingProperty()}; the top {@link #topProperty()} groups are shown. */
    public void digest() {
        Optional<LogSource> from = chosenSource();
        if (from.isEmpty() || browsing.get()) {
            return;
        }
        LogQuery query = query();
        DigestGrouping by = grouping.get();
        int n = Math.max(1, top.get());
        browsing.set(true);
        digestSummary.set("Digesting...");
        tasks.execute(BackgroundTask.of("Digesting the log", progress -> client.genlogDigest(from.get(), query, by, n))
                .onSuccess(page -> {
                    digestResults.setAll(page.groups());
                    digestSummary.set(summary(page, by));
                })
                .onFailure(e -> {
                    digestSummary.set("");
                    fail(e);
                })
                .onFinished(() -> browsing.set(false)));
    }

    static String summary(DigestPage page, DigestGrouping by) {
        return String.format(Locale.ROOT, "%s rows read, %s matched, %s groups by %s%s.", GenlogFormat.count(page.rowsRead()),
                GenlogFormat.count(page.rowsMatched()), GenlogFormat.count(page.totalGroups()), by.name().toLowerCase(Locale.ROOT),
                page.groups().size() < page.totalGroups() ? " (top " + page.groups().size() + " shown)" : "");
    }

    /** Writes every matching row of the chosen source to {@code file}. */
    public void exportSearchCsv(Path file) {
        Optional<LogSource> from = chosenSource();
        if (from.isEmpty()) {
            return;
        }
        LogQuery query = query();
        tasks.execute(BackgroundTask.of("Exporting the search", progress -> client.genlogExportSearchCsv(from.get(), query, file))
                .onSuccess(n -> notice.set(GenlogFormat.count(n) + " rows written to " + file))
                .onFailure(this::fail));
    }

    /** Writes every group of the digest to {@code file}. */
    public void exportDigestCsv(Path file) {
        Optional<LogSource> from = chosenSource();
        if (from.isEmpty()) {
            return;
        }
        LogQuery query = query();
        DigestGrouping by = grouping.get();
        tasks.execute(BackgroundTask.of("Exporting the digest",
                        progress -> client.genlogExportDigestCsv(from.get(), query, by, file))
                .onSuccess(n -> notice.set(GenlogFormat.count(n) + " groups written to " + file))
                .onFailure(this::fail));
    }

    private LogQuery query() {
        return LogQuery.of(from.get(), to.get(), userHost.get(), commandType.get(), text.get());
    }

    private Optional<LogSource> chosenSource() {
        String name = connection.get();
        String chosen = source.get();
        if (chosen == null || LIVE_TABLE.equals(chosen)) {
            return name == null ? Optional.empty() : Optional.of(LogSource.live(name));
        }
        return archives.stream().filter(a -> a.name().equals(chosen)).findFirst()
                .map(a -> LogSource.archives(List.of(a.path())));
    }

    private void fail(Throwable e) {
        String message = e.getMessage();
        error.set(message == null || message.isBlank() ? e.getClass().getSimpleName() : message);
    }

    // ---- properties

    public ObservableList<String> connections() {
        return connectionsView;
    }

    /** The chosen mysql connection; setting it reads that connection's page. */
    public StringProperty connectionProperty() {
        return connection;
    }

    /** The last failure, as one message with the fix; empty when the last request went well. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the last command did (rotation done, cancelled, CSV written). */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<GenlogStatusView> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<GenlogFigure> figures() {
        return figuresView;
    }

    public ReadOnlyBooleanProperty loadingStatusProperty() {
        return loadingStatus.getReadOnlyProperty();
    }

    /** The RDS instance's allocated storage in GB, typed by the user; empty: unknown. */
    public StringProperty allocatedStorageGbProperty() {
        return allocatedStorageGb;
    }

    public StringProperty storageUsedPercentProperty() {
        return storageUsedPercent;
    }

    public ObjectProperty<GrowthChartData.Measure> chartMeasureProperty() {
        return chartMeasure;
    }

    public ReadOnlyObjectProperty<GrowthChartData> chartProperty() {
        return chart.getReadOnlyProperty();
    }

    /** The rotation waiting for the user's yes or no, or null. */
    public ReadOnlyObjectProperty<RotationPlan> pendingRotationProperty() {
        return pendingRotation.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty rotatingProperty() {
        return rotating.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rotationProgressProperty() {
        return rotationProgress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RotationOutcome> lastRotationProperty() {
        return lastRotation.getReadOnlyProperty();
    }

    /** True when the log is a table, and no rotation is running or waiting for confirmation. */
    public ReadOnlyBooleanProperty canRotateProperty() {
        return canRotate.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ScheduleState> scheduleProperty() {
        return schedule.getReadOnlyProperty();
    }

    /** The installed event (interval, status, definer, last fired) and the event scheduler, with the fix when off. */
    public ReadOnlyStringProperty scheduleTextProperty() {
        return scheduleText.getReadOnlyProperty();
    }

    public IntegerProperty scheduleAmountProperty() {
        return scheduleAmount;
    }

    public ObjectProperty<ScheduleEvery.Unit> scheduleUnitProperty() {
        return scheduleUnit;
    }

    public ReadOnlyBooleanProperty schedulingBusyProperty() {
        return schedulingBusy.getReadOnlyProperty();
    }

    public ObservableList<RotationRecord> history() {
        return historyView;
    }

    /** {@link #LIVE_TABLE} and the names of the connection's archives, newest first. */
    public ObservableList<String> sources() {
        return sourcesView;
    }

    public StringProperty sourceProperty() {
        return source;
    }

    public StringProperty fromProperty() {
        return from;
    }

    public StringProperty toProperty() {
        return to;
    }

    public StringProperty userHostProperty() {
        return userHost;
    }

    public StringProperty commandTypeProperty() {
        return commandType;
    }

    public StringProperty textProperty() {
        return text;
    }

    public IntegerProperty limitProperty() {
        return limit;
    }

    public ObservableList<LogEntry> searchResults() {
        return searchResultsView;
    }

    public ReadOnlyStringProperty searchSummaryProperty() {
        return searchSummary.getReadOnlyProperty();
    }

    public ObjectProperty<DigestGrouping> groupingProperty() {
        return grouping;
    }

    public IntegerProperty topProperty() {
        return top;
    }

    public ObservableList<DigestLine> digestResults() {
        return digestResultsView;
    }

    public ReadOnlyStringProperty digestSummaryProperty() {
        return digestSummary.getReadOnlyProperty();
    }

    /** True while a search, digest or export reads the log. */
    public ReadOnlyBooleanProperty browsingProperty() {
        return browsing.getReadOnlyProperty();
    }
}

package io.ferry.app.replication;

import io.ferry.app.fx.CoalescingFxUpdater;
import io.ferry.app.task.BackgroundTask;
import io.ferry.app.task.TaskExecutor;
import io.ferry.client.EngineClient;
import io.ferry.client.ReplicationJobStatus;
import io.ferry.client.ReplicationSample;
import io.ferry.client.ReplicationTableStatus;
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

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Replication page's state: the jobs, the selected job's figures, its last hour of samples (for the charts)
 * and its tables, refreshed by polling the engine several times a second on a thread of its own; each poll's
 * result reaches the UI thread through a {@link CoalescingFxUpdater}, so a slow UI thread gets the newest state
 * once instead of a queue of them. Commands (start, stop, reload a table) run as background tasks.
 * Properties are read and commands called on the UI thread.
 */
public final class ReplicationViewModel {
    public static final Duration DEFAULT_POLL_PERIOD = Duration.ofMillis(200);

    private final EngineClient client;
    private final TaskExecutor tasks;
    private final Duration pollPeriod;
    private final CoalescingFxUpdater<Poll> updater;

    private final ObservableList<ReplicationJobStatus> jobs = FXCollections.observableArrayList();
    private final StringProperty selectedJob = new SimpleStringProperty(this, "selectedJob");
    private final ReadOnlyObjectWrapper<ReplicationJobStatus> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ReadOnlyObjectWrapper<List<ReplicationSample>> samples =
            new ReadOnlyObjectWrapper<>(this, "samples", List.of());
    private final ObservableList<ReplicationTableStatus> tables = FXCollections.observableArrayList();
    private final ObservableList<ReplicationJobStatus> readOnlyJobs = FXCollections.unmodifiableObservableList(jobs);
    private final ObservableList<ReplicationTableStatus> readOnlyTables = FXCollections.unmodifiableObservableList(tables);
    private final ObjectProperty<ChartWindow> window = new SimpleObjectProperty<>(this, "window", ChartWindow.FIVE_MINUTES);
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper(this, "lastError", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper pollError = new ReadOnlyStringWrapper(this, "pollError", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    /** Written on the UI thread, read by the poller. */
    private volatile String wantedJob;
    /** Owned by the poller. */
    private final SampleBuffer buffer = new SampleBuffer();
    /** The poller's latest copy of the buffer: every poll carries it, so a poll replaced by a newer one loses nothing. */
    private List<ReplicationSample> lastSnapshot = List.of();
    private ScheduledExecutorService poller;

    /** What one poll found; immutable, handed to the UI thread. */
    record Poll(List<ReplicationJobStatus> jobs, String job, List<ReplicationSample> samples,
                List<ReplicationTableStatus> tables, String error) {
    }

    /** @param uiThread where poll results are applied (the FX thread; tests give their own) */
    public ReplicationViewModel(EngineClient client, TaskExecutor tasks, Executor uiThread, Duration pollPeriod) {
        this.client = Objects.requireNonNull(client, "client");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.pollPeriod = Objects.requireNonNull(pollPeriod, "pollPeriod");
        this.updater = new CoalescingFxUpdater<>(this::apply, uiThread);
        selectedJob.addListener((obs, old, now) -> {
            wantedJob = now;
            status.set(find(jobs, now));
        });
    }

    /** Polls the engine every poll period until {@link #stop()}. */
    public synchronized void start() {
        if (poller != null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ferry-replication-poll");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::pollQuietly, 0, pollPeriod.toMillis(), TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    private void pollQuietly() {
        try {
            pollOnce();
        } catch (RuntimeException e) {
            updater.submit(new Poll(null, null, null, null, describe(e)));
        }
    }

    /**
     * One poll, blocking: the jobs, then the selected job's (or the first job's) new samples and tables. Called on
     * the poller thread (tests call it directly).
     */
    void pollOnce() {
        List<ReplicationJobStatus> all = client.replicationJobs();
        String job = wantedJob;
        if ((job == null || find(all, job) == null) && !all.isEmpty()) {
            job = all.get(0).name();
        }
        if (job == null) {
            updater.submit(new Poll(all, null, List.of(), List.of(), ""));
            return;
        }
        boolean changed = !job.equals(buffer.job());
        changed |= buffer.append(client.replicationHistory(job, buffer.since(job)));
        List<ReplicationTableStatus> tableRows = client.replicationTables(job);
        if (changed) {
            lastSnapshot = buffer.snapshot();
        }
        updater.submit(new Poll(all, job, lastSnapshot, tableRows, ""));
    }

    private void apply(Poll poll) {
        pollError.set(poll.error());
        if (poll.jobs() == null) {
            return;
        }
        if (!jobs.equals(poll.jobs())) {
            jobs.setAll(poll.jobs());
        }
        if (poll.job() != null && !poll.job().equals(selectedJob.get())) {
            if (selectedJob.get() == null || find(poll.jobs(), selectedJob.get()) == null) {
                selectedJob.set(poll.job());
            } else {
                return; // a poll for the job shown before the user chose another
            }
        }
        ReplicationJobStatus current = find(poll.jobs(), poll.job());
        status.set(current);
        lastError.set(current == null || current.lastError() == null ? "" : current.lastError());
        if (samples.get() != poll.samples()) {
            samples.set(poll.samples());
        }
        if (!tables.equals(poll.tables())) {
            tables.setAll(poll.tables());
        }
    }

    private static ReplicationJobStatus find(List<ReplicationJobStatus> all, String name) {
        if (name == null) {
            return null;
        }
        return all.stream().filter(j -> j.name().equals(name)).findFirst().orElse(null);
    }

    /** Starts the selected job. */
    public void startJob() {
        command("Starting", job -> {
            client.startReplication(job);
            return "Job " + job + " started";
        });
    }

    /** Stops the selected job after its batch in flight. */
    public void stopJob() {
        command("Stopping", job -> {
            client.stopReplication(job);
            return "Job " + job + " stopped; it resumes from its checkpoint when started";
        });
    }

    /** Loads one table of the selected job again. */
    public void reloadTable(String table) {
        Objects.requireNonNull(table, "table");
        command("Reloading " + table + " in", job -> client.reloadReplicationTable(job, table));
    }

    private interface JobCommand {
        String run(String job) throws Exception;
    }

    private void command(String what, JobCommand action) {
        String job = selectedJob.get();
        if (job == null || busy.get()) {
            return;
        }
        busy.set(true);
        message.set(what + " job " + job + "…");
        tasks.execute(BackgroundTask.of(what + " job " + job, progress -> action.run(job))
                .onSuccess(message::set)
                .onFailure(error -> message.set(what + " job " + job + " failed: " + describe(error)))
                .onFinished(() -> busy.set(false)));
    }

    private static String describe(Throwable error) {
        String m = error.getMessage();
        return m == null || m.isBlank() ? error.getClass().getSimpleName() : m;
    }

    public ObservableList<ReplicationJobStatus> jobs() {
        return readOnlyJobs;
    }

    /** The job shown; the first job until the user picks one. */
    public StringProperty selectedJobProperty() {
        return selectedJob;
    }

    /** The shown job's latest status and figures, or null. */
    public ReadOnlyObjectProperty<ReplicationJobStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The shown job's samples (up to an hour, oldest first); replaced as a whole when new ones arrive. */
    public ReadOnlyObjectProperty<List<ReplicationSample>> samplesProperty() {
        return samples.getReadOnlyProperty();
    }

    public ObservableList<ReplicationTableStatus> tables() {
        return readOnlyTables;
    }

    public ObjectProperty<ChartWindow> windowProperty() {
        return window;
    }

    /** The job's last error, as the engine words it; empty when none. */
    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError.getReadOnlyProperty();
    }

    /** What the last command did (or why it failed). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Why the engine could not be asked; empty when the last poll answered. */
    public ReadOnlyStringProperty pollErrorProperty() {
        return pollError.getReadOnlyProperty();
    }

    /** True while a command runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}

package io.ferry.app;

import io.ferry.client.ConnectionHealth;
import io.ferry.client.ConnectionStatus;
import io.ferry.client.EngineClient;
import io.ferry.client.EngineInfo;
import io.ferry.client.druid.DruidReindexJobRow;
import io.ferry.client.druid.DruidReindexRunRow;
import io.ferry.client.ReplicationJobStatus;
import io.ferry.client.ReplicationSample;
import io.ferry.client.ReplicationTableStatus;
import io.ferry.client.druid.DruidSupervisorRow;
import io.ferry.client.druid.DruidTaskRow;
import io.ferry.client.druid.DruidTimelineRow;
import io.ferry.client.genlog.AllocatedStorage;
import io.ferry.client.genlog.ArchiveFile;
import io.ferry.client.genlog.DigestGrouping;
import io.ferry.client.genlog.DigestPage;
import io.ferry.client.genlog.GenlogStatusView;
import io.ferry.client.genlog.LogQuery;
import io.ferry.client.genlog.LogSource;
import io.ferry.client.genlog.RotationOutcome;
import io.ferry.client.genlog.RotationPlan;
import io.ferry.client.genlog.RotationRecord;
import io.ferry.client.genlog.ScheduleEvery;
import io.ferry.client.genlog.ScheduleState;
import io.ferry.client.genlog.SearchPage;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A test double of our own {@link EngineClient} interface, for testing UI logic (view models, views) without
 * an engine. The engine itself is tested against real servers in the engine module; the lead's console
 * {@code *IT} drives the real sandbox through {@code InProcessEngineClient}.
 */
public class StubEngineClient implements EngineClient {
    public static final EngineInfo INFO = new EngineInfo("0.1.0-test", "/tmp/ferry-test", "sandbox");

    private volatile boolean configured;
    private final AtomicReference<List<ConnectionStatus>> statuses = new AtomicReference<>(List.of());
    private final AtomicReference<RuntimeException> checkFailure = new AtomicReference<>();
    private final AtomicReference<RuntimeException> sandboxFailure = new AtomicReference<>();
    private final CountDownLatch sandboxMayFinish;
    private final List<String> sandboxMessages;
    private final AtomicInteger checks = new AtomicInteger();
    private final AtomicInteger sandboxStarts = new AtomicInteger();
    private volatile CountDownLatch checkGate = new CountDownLatch(0);
    private volatile boolean closed;

    /** A configured client with no connections: for test doubles of one page that override its methods. */
    protected StubEngineClient() {
        this(true, false, List.of());
    }

    private StubEngineClient(boolean configured, boolean holdSandbox, List<String> sandboxMessages) {
        this.configured = configured;
        this.sandboxMayFinish = new CountDownLatch(holdSandbox ? 1 : 0);
        this.sandboxMessages = sandboxMessages;
    }

    /** Configured: no sandbox is started. */
    public static StubEngineClient configured(List<ConnectionStatus> statuses) {
        StubEngineClient client = new StubEngineClient(true, false, List.of());
        client.statuses.set(statuses);
        return client;
    }

    /**
     * Unconfigured: {@link #startSandbox} reports {@code messages}, then waits for {@link #finishSandbox()}
     * when {@code hold} is true, and adopts {@code statuses}.
     */
    public static StubEngineClient unconfigured(List<String> messages, boolean hold, List<ConnectionStatus> statuses) {
        StubEngineClient client = new StubEngineClient(false, hold, messages);
        client.statuses.set(statuses);
        return client;
    }

    public static ConnectionStatus up(String name, String type, String target) {
        return new ConnectionStatus(name, type, target, ConnectionHealth.UP, "MariaDB 11.4.5", 12,
                Instant.parse("2026-01-01T10:00:00Z"));
    }

    public static ConnectionStatus down(String name, String type, String target, String why) {
        return new ConnectionStatus(name, type, target, ConnectionHealth.DOWN, why, 2003,
                Instant.parse("2026-01-01T10:00:00Z"));
    }

    @Override
    public EngineInfo info() {
        return INFO;
    }

    @Override
    public boolean isConfigured() {
        return configured;
    }

    @Override
    public void startSandbox(Consumer<String> progress) {
        sandboxStarts.incrementAndGet();
        sandboxMessages.forEach(progress);
        try {
            if (!sandboxMayFinish.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the stub sandbox finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        RuntimeException failure = sandboxFailure.get();
        if (failure != null) {
            throw failure;
        }
        configured = true;
    }

    @Override
    public List<ConnectionStatus> checkConnections() {
        checks.incrementAndGet();
        try {
            checkGate.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RuntimeException failure = checkFailure.get();
        if (failure != null) {
            throw failure;
        }
        return configured ? statuses.get() : List.of();
    }

    // ---- Replication ------------------------------------------------------------------------------------------

    private final AtomicReference<List<ReplicationJobStatus>> replicationJobs = new AtomicReference<>(List.of());
    private final AtomicReference<List<ReplicationSample>> replicationSamples = new AtomicReference<>(List.of());
    private final AtomicReference<List<ReplicationTableStatus>> replicationTables = new AtomicReference<>(List.of());
    private final List<String> replicationCommands = new CopyOnWriteArrayList<>();
    private final AtomicInteger historyCalls = new AtomicInteger();

    @Override
    public List<ReplicationJobStatus> replicationJobs() {
        return replicationJobs.get();
    }

    /** The samples after {@code since}, as the engine answers. */
    @Override
    public List<ReplicationSample> replicationHistory(String job, Instant since) {
        historyCalls.incrementAndGet();
        return replicationSamples.get().stream().filter(s -> since == null || s.time().isAfter(since)).toList();
    }

    @Override
    public List<ReplicationTableStatus> replicationTables(String job) {
        return replicationTables.get();
    }

    @Override
    public void startReplication(String job) {
        replicationCommands.add("start " + job);
    }

    @Override
    public void stopReplication(String job) {
        replicationCommands.add("stop " + job);
    }

    @Override
    public String reloadReplicationTable(String job, String table) {
        replicationCommands.add("reload " + job + " " + table);
        return "Job " + job + " restarted to load " + table + " again";
    }

    public void answerReplicationWith(List<ReplicationJobStatus> jobs, List<ReplicationTableStatus> tables) {
        replicationJobs.set(jobs);
        replicationTables.set(tables);
    }

    /** Replaces the whole history the stub answers from (a real engine keeps an hour). */
    public void replicationSamples(List<ReplicationSample> samples) {
        replicationSamples.set(List.copyOf(samples));
    }

    /** Adds one sample at the end. */
    public synchronized void addReplicationSample(ReplicationSample sample) {
        List<ReplicationSample> next = new java.util.ArrayList<>(replicationSamples.get());
        next.add(sample);
        replicationSamples.set(next);
    }

    public List<String> replicationCommands() {
        return List.copyOf(replicationCommands);
    }

    public int historyCalls() {
        return historyCalls.get();
    }

    // -------------------------------------------------------------------------------------------------------------
    // --- Druid (druid-status): what the Druid page reads; set by tests ---

    private final AtomicReference<List<String>> druidDatasources = new AtomicReference<>(List.of());
    private final java.util.Map<String, List<DruidTimelineRow>> druidTimelines = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicReference<List<DruidSupervisorRow>> druidSupervisors = new AtomicReference<>(List.of());
    private final AtomicReference<List<DruidTaskRow>> druidTasks = new AtomicReference<>(List.of());
    private final AtomicReference<RuntimeException> druidFailure = new AtomicReference<>();

    public StubEngineClient withDruid(List<String> datasources, java.util.Map<String, List<DruidTimelineRow>> timelines,
                                      List<DruidSupervisorRow> supervisors, List<DruidTaskRow> tasks) {
        druidDatasources.set(List.copyOf(datasources));
        druidTimelines.clear();
        druidTimelines.putAll(timelines);
        druidSupervisors.set(List.copyOf(supervisors));
        druidTasks.set(List.copyOf(tasks));
        return this;
    }

    public void setDruidSupervisors(List<DruidSupervisorRow> supervisors) {
        druidSupervisors.set(List.copyOf(supervisors));
    }

    /** Every Druid call throws this until it is set back to null. */
    public void failDruidWith(RuntimeException failure) {
        druidFailure.set(failure);
    }

    private void druidMayAnswer() {
        RuntimeException failure = druidFailure.get();
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public List<String> druidDatasources() {
        druidMayAnswer();
        return druidDatasources.get();
    }

    @Override
    public List<DruidTimelineRow> druidTimeline(String dataSource) {
        druidMayAnswer();
        return druidTimelines.getOrDefault(dataSource, List.of());
    }

    @Override
    public List<DruidSupervisorRow> druidSupervisors() {
        druidMayAnswer();
        return druidSupervisors.get();
    }

    @Override
    public List<DruidTaskRow> druidRunningTasks() {
        druidMayAnswer();
        return druidTasks.get();
    }

    private final AtomicReference<List<DruidReindexJobRow>> druidReindexJobs = new AtomicReference<>(List.of());
    private final java.util.Map<String, List<DruidReindexRunRow>> druidReindexRuns = new java.util.concurrent.ConcurrentHashMap<>();
    /** Calls of {@link #druidReindex}: "job start/end". */
    public final List<String> druidReindexCalls = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicReference<java.util.function.Function<String, DruidReindexRunRow>> druidReindexOutcome =
            new AtomicReference<>();

    public StubEngineClient withDruidReindex(List<DruidReindexJobRow> jobs, java.util.Map<String, List<DruidReindexRunRow>> runs) {
        druidReindexJobs.set(List.copyOf(jobs));
        druidReindexRuns.clear();
        druidReindexRuns.putAll(runs);
        return this;
    }

    /** What {@link #druidReindex} does for a job: returns the run (then listed first among the job's runs) or throws. */
    public void onDruidReindex(java.util.function.Function<String, DruidReindexRunRow> outcome) {
        druidReindexOutcome.set(outcome);
    }

    @Override
    public List<DruidReindexJobRow> druidReindexJobs() {
        druidMayAnswer();
        return druidReindexJobs.get();
    }

    @Override
    public List<DruidReindexRunRow> druidReindexRuns(String job) {
        druidMayAnswer();
        return druidReindexRuns.getOrDefault(job, List.of());
    }

    @Override
    public DruidReindexRunRow druidReindex(String job, java.time.Instant start, java.time.Instant end,
                                           java.util.function.Consumer<String> progress) {
        druidReindexCalls.add(job + " " + start + "/" + end);
        progress.accept("run 1: re-index " + start + "/" + end);
        var outcome = druidReindexOutcome.get();
        if (outcome == null) {
            throw new IllegalStateException("the stub was given no re-index outcome");
        }
        DruidReindexRunRow run = outcome.apply(job);
        List<DruidReindexRunRow> runs = new java.util.ArrayList<>(druidReindexRuns.getOrDefault(job, List.of()));
        runs.add(0, run);
        druidReindexRuns.put(job, List.copyOf(runs));
        return run;
    }

    // --- end of Druid ---
    // ---- General log (issue 4): the stub has no mysql connection; the genlog page's own tests use FakeGenlogClient.

    @Override
    public List<String> genlogConnections() {
        return List.of();
    }

    @Override
    public GenlogStatusView genlogStatus(String connection, Optional<AllocatedStorage> storage) {
        throw noGenlog();
    }

    @Override
    public RotationPlan genlogRotationPlan(String connection) {
        throw noGenlog();
    }

    @Override
    public RotationOutcome genlogRotate(String connection, Consumer<String> progress) {
        throw noGenlog();
    }

    @Override
    public List<RotationRecord> genlogHistory(String connection) {
        throw noGenlog();
    }

    @Override
    public ScheduleState genlogSchedule(String connection) {
        throw noGenlog();
    }

    @Override
    public ScheduleState genlogInstallSchedule(String connection, ScheduleEvery every) {
        throw noGenlog();
    }

    @Override
    public ScheduleState genlogRemoveSchedule(String connection) {
        throw noGenlog();
    }

    @Override
    public List<ArchiveFile> genlogArchives(String connection) {
        throw noGenlog();
    }

    @Override
    public SearchPage genlogSearch(LogSource source, LogQuery query, int limit) {
        throw noGenlog();
    }

    @Override
    public DigestPage genlogDigest(LogSource source, LogQuery query, DigestGrouping by, int top) {
        throw noGenlog();
    }

    @Override
    public long genlogExportSearchCsv(LogSource source, LogQuery query, Path file) {
        throw noGenlog();
    }

    @Override
    public int genlogExportDigestCsv(LogSource source, LogQuery query, DigestGrouping by, Path file) {
        throw noGenlog();
    }

    private static UnsupportedOperationException noGenlog() {
        return new UnsupportedOperationException("the stub engine client has no mysql connection");
    }

    // ---- end of General log

    @Override
    public void close() {
        closed = true;
    }

    public void finishSandbox() {
        sandboxMayFinish.countDown();
    }

    public void failSandboxWith(RuntimeException failure) {
        sandboxFailure.set(failure);
    }

    public void failChecksWith(RuntimeException failure) {
        checkFailure.set(failure);
    }

    public void answerChecksWith(List<ConnectionStatus> now) {
        checkFailure.set(null);
        statuses.set(now);
    }

    /** Makes checks wait until the returned latch is counted down. */
    public CountDownLatch holdChecks() {
        CountDownLatch gate = new CountDownLatch(1);
        checkGate = gate;
        return gate;
    }

    public int checks() {
        return checks.get();
    }

    public int sandboxStarts() {
        return sandboxStarts.get();
    }

    public boolean isClosed() {
        return closed;
    }
}

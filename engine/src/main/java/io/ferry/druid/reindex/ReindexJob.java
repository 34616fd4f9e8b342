package io.ferry.druid.reindex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.config.DruidReindexJobConfig;
import io.ferry.config.SecretResolver;
import io.ferry.druid.DruidClient;
import io.ferry.druid.DruidException;
import io.ferry.druid.IndexParallelSpec;
import io.ferry.druid.SegmentInfo;
import io.ferry.druid.flatten.FlattenSpec;
import io.ferry.druid.flatten.FlattenSpecReader;
import io.ferry.druid.lambda.RawEventLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One druid-reindex job, ready to plan and run intervals: check (closed, complete input) → flatten → stage →
 * snapshot (the real-time figures) → index → verify, each step recorded in {@link ReindexRuns}. An interval whose
 * input is partial, or that is not closed, is refused before anything is written to Druid.
 */
public final class ReindexJob implements AutoCloseable {
    private static final DateTimeFormatter KEY_HOUR = DateTimeFormatter.ofPattern("yyyyMMdd'T'HH").withZone(ZoneOffset.UTC);

    private final DruidReindexJobConfig config;
    private final DruidClient druid;
    private final RawInput input;
    private final Optional<S3Access> inputS3;
    private final Staging staging;
    private final List<AutoCloseable> resources;
    private final FlattenSpec flattenSpec;
    private final InputFlattener flattener;
    private final ReindexSchema schema = ReindexSchema.adEvents();
    private final SegmentGranularity granularity;
    private final RawEventLayout layout;
    private final ReindexRuns runs;
    private final Clock clock;
    private final Path workDir;
    private final StepRunner.Sleeper sleeper;
    private final Consumer<String> progress;

    private ReindexJob(DruidReindexJobConfig config, DruidClient druid, RawInput input, Optional<S3Access> inputS3, Staging staging,
                       List<AutoCloseable> resources, FlattenSpec flattenSpec, ReindexRuns runs, Clock clock, Path workDir,
                       StepRunner.Sleeper sleeper, Consumer<String> progress) {
        this.config = config;
        this.druid = druid;
        this.input = input;
        this.inputS3 = inputS3;
        this.staging = staging;
        this.resources = resources;
        this.flattenSpec = flattenSpec;
        this.granularity = SegmentGranularity.of(config.segmentGranularity());
        this.flattener = new InputFlattener(input, flattenSpec, granularity, schema);
        this.layout = new RawEventLayout(config.input().location().prefix());
        this.runs = runs;
        this.clock = clock;
        this.workDir = workDir;
        this.sleeper = sleeper;
        this.progress = progress;
    }

    /**
     * Opens the job's clients. {@code workDir} holds flat files while a run needs them; {@code sleeper} waits between
     * attempts and polls (tests may shorten it).
     */
    public static ReindexJob open(DruidReindexJobConfig config, SecretResolver secrets, ReindexRuns runs, Clock clock,
                                  Path workDir, StepRunner.Sleeper sleeper, Consumer<String> progress) {
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            DruidClient druid = new DruidClient(config.druid().coordinatorUrl(), config.druid().overlordUrl(), config.druid().brokerUrl());
            Map<String, S3Access> s3 = new TreeMap<>();
            RawInput input;
            Optional<S3Access> inputS3 = Optional.empty();
            if (config.input().location() instanceof DruidReindexJobConfig.S3 in) {
                S3Access access = s3.computeIfAbsent(in.connection().name(), n -> S3Access.of(in.connection(), secrets));
                inputS3 = Optional.of(access);
                input = new S3RawInput(access.client(), access.bucket(), false);
            } else {
                input = new FolderRawInput(((DruidReindexJobConfig.Local) config.input().location()).folder());
            }
            Staging staging;
            if (config.staging().location() instanceof DruidReindexJobConfig.S3 st) {
                S3Access access = s3.computeIfAbsent(st.connection().name(), n -> S3Access.of(st.connection(), secrets));
                staging = new S3Staging(access, st.prefix(), config.staging().urlExpiry());
            } else {
                DruidReindexJobConfig.Local st = (DruidReindexJobConfig.Local) config.staging().location();
                staging = new LocalStaging(st.folder().resolve(st.prefix()));
            }
            resources.addAll(s3.values());
            FlattenSpec spec = config.flattenSpec().map(FlattenSpecReader::read)
                    .orElseGet(() -> FlattenSpecReader.readResource(FlattenSpecReader.AD_EVENTS_RESOURCE));
            return new ReindexJob(config, druid, input, inputS3, staging, resources, spec, runs, clock, workDir, sleeper, progress);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    public DruidReindexJobConfig config() {
        return config;
    }

    public ReindexRuns runs() {
        return runs;
    }

    /** The supervisor's timing from its spec in Druid when the job names one and Druid has it, else the job's keys. */
    public SupervisorTiming timing() {
        SupervisorTiming fallback = SupervisorTiming.of(config.timing(), "job configuration");
        if (config.supervisor().isEmpty()) {
            return fallback;
        }
        String id = config.supervisor().get();
        try {
            Optional<JsonNode> spec = druid.supervisors().spec(id);
            return spec.map(s -> SupervisorTiming.fromSupervisorSpec(id, s, fallback))
                    .orElseGet(() -> SupervisorTiming.of(config.timing(), "job configuration; Druid has no supervisor " + id));
        } catch (DruidException e) {
            return SupervisorTiming.of(config.timing(), "job configuration; supervisor " + id + " unreadable: " + e.druidMessage());
        }
    }

    public ReindexPlanner planner() {
        return new ReindexPlanner(clock, granularity, config.batchChunks(), timing());
    }

    /** The closed batches of the lookback window that no successful run covers. */
    public List<TimeInterval> due() {
        return planner().due(config.lookback(), runs.succeededIntervals(config.name()));
    }

    /** What a run of {@code interval} would do; changes nothing. */
    public ReindexPlan plan(TimeInterval interval, boolean force) throws IOException {
        ReindexPlanner planner = planner();
        List<String> problems = new ArrayList<>(planner.problems(interval, force));
        InputCheck check = completeness().check(interval);
        if (!check.complete()) {
            problems.add(check.refusal());
        }
        IndexParallelSpec.InputSource source;
        String where;
        if (config.druidFlattenSpec()) {
            source = rawSource(check);
            where = "the raw files, read by Druid with its flattenSpec";
        } else {
            String runKey = runKey(interval, "<id>");
            List<String> names = check.hours().stream().filter(h -> !h.parts().isEmpty())
                    .map(h -> "flat-" + DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC).format(h.hour()) + ".json.gz").toList();
            source = staging instanceof S3Staging ? IndexParallelSpec.InputSource.http(names.stream()
                    .map(n -> "<presigned GET URL of " + staging.describe().replaceFirst(" .*", "") + runKey + "/" + n + ">").toList())
                    : IndexParallelSpec.InputSource.local(Path.of(staging.describe(), runKey), "*.json.gz");
            where = staging.describe() + " under " + runKey;
        }
        return new ReindexPlan(interval, planner.isClosed(interval), planner.closesAt(interval), planner.timing(), check,
                problems, where, taskSpec(interval, source));
    }

    /** Runs one interval by hand or for the schedule ({@code triggeredBy}); {@code force} skips the closed check only. */
    public RunRecord run(TimeInterval interval, String triggeredBy, boolean force) throws InterruptedException {
        long runId = runs.start(config.name(), config.datasource(), interval, triggeredBy, clock.instant());
        progress.accept("run " + runId + ": re-index " + config.datasource() + " " + interval);
        ReindexPlanner planner = planner();
        List<String> refusal = new ArrayList<>(planner.problems(interval, force));
        InputCheck check;
        try {
            check = completeness().check(interval);
        } catch (IOException | RuntimeException e) {
            runs.finish(runId, RunStatus.FAILED, "cannot list the input: " + StepRunner.message(e), clock.instant());
            return runs.run(runId);
        }
        runs.input(runId, check);
        if (!check.complete()) {
            refusal.add(check.refusal());
        }
        if (!refusal.isEmpty()) {
            String reason = String.join("; ", refusal);
            progress.accept("run " + runId + " refused: " + reason);
            runs.finish(runId, RunStatus.REFUSED, reason, clock.instant());
            return runs.run(runId);
        }
        return execute(runId, interval, check);
    }

    /** Runs every due interval, oldest first (one scheduled round). */
    public List<RunRecord> runDue(String triggeredBy) throws InterruptedException {
        List<RunRecord> out = new ArrayList<>();
        for (TimeInterval interval : due()) {
            out.add(run(interval, triggeredBy, false));
        }
        return out;
    }

    private RunRecord execute(long runId, TimeInterval interval, InputCheck check) throws InterruptedException {
        String runKey = runKey(interval, String.valueOf(runId));
        Path runDir = workDir.resolve(config.name()).resolve("run-" + runId);
        DruidChunkFigures figures = new DruidChunkFigures(druid.broker(), config.datasource(), schema, granularity);
        ReindexVerifier verifier = new ReindexVerifier(druid.coordinator(), config.datasource(), granularity, figures,
                config.loadTimeout(), sleeper);
        IndexTaskRunner tasks = new IndexTaskRunner(druid.overlord(), config.taskTimeout());
        var state = new Object() {
            FlatBatch batch;
            Staging.Staged staged;
            SegmentVersions before;
            List<SegmentInfo> published;
        };
        List<StepRunner.Step> steps = List.of(
                StepRunner.Step.of("flatten", Set.of(), true, attempt -> {
                    state.batch = flattener.flatten(check, runDir, !config.druidFlattenSpec());
                    runs.flattened(runId, state.batch);
                    runs.chunks(runId, state.batch.chunks().entrySet().stream()
                            .map(e -> new ChunkRecord(e.getKey(), null, e.getValue(), null)).toList());
                    progress.accept(String.format("flattened %,d events (%,d rejected, %,d outside the interval) from %d files",
                            state.batch.rowsOut(), state.batch.rowsRejected(), state.batch.outside(), check.files()));
                }),
                StepRunner.Step.of("stage", Set.of("flatten"), true, attempt -> {
                    state.staged = config.druidFlattenSpec()
                            ? new Staging.Staged(rawSource(check), check.hours().stream().flatMap(h -> h.parts().stream())
                            .map(p -> input.locate(p.key())).toList())
                            : staging.stage(runKey, state.batch.files());
                    progress.accept("staged " + state.staged.locations().size() + " file(s) for Druid");
                }),
                StepRunner.Step.of("snapshot", Set.of("stage"), true, attempt -> {
                    state.before = verifier.segments(interval);
                    Map<TimeInterval, ChunkFigures> realtime = figures.query(interval);
                    runs.chunks(runId, realtime.entrySet().stream()
                            .map(e -> new ChunkRecord(e.getKey(), e.getValue(), null, null)).toList());
                    progress.accept("before the overwrite Druid has " + realtime.values().stream().mapToLong(ChunkFigures::events).sum()
                            + " events in " + state.before.segments().size() + " segment(s)");
                }),
                StepRunner.Step.of("index", Set.of("snapshot"), true, attempt -> {
                    ObjectNode spec = taskSpec(interval, state.staged.source());
                    String[] id = new String[1];
                    try {
                        var report = tasks.run(spec, taskId -> {
                            id[0] = taskId;
                            runs.task(runId, new TaskRecord(taskId, attempt, "RUNNING", null));
                            progress.accept("task " + taskId + " submitted (attempt " + attempt + ")");
                        });
                        runs.task(runId, new TaskRecord(id[0], attempt, "SUCCESS", null));
                        progress.accept(String.format("task %s succeeded: %,d rows processed, %,d unparseable, %,d thrown away",
                                id[0], report.processed(), report.unparseable(), report.thrownAway()));
                    } catch (IndexTaskRunner.TaskFailed e) {
                        runs.task(runId, new TaskRecord(e.taskId(), attempt, "FAILED", e.getMessage()));
                        throw e;
                    }
                }),
                StepRunner.Step.of("verify", Set.of("index"), false, attempt -> {
                    state.published = verifier.awaitPublished(interval, state.before, state.batch.chunks());
                    runs.versions(runId, config.datasource(), state.published.stream()
                            .collect(Collectors.groupingBy(SegmentInfo::version, TreeMap::new, Collectors.summingInt(s -> 1))));
                    Map<TimeInterval, ChunkFigures> after = verifier.verify(interval, state.before, state.published, state.batch.chunks());
                    runs.chunks(runId, after.entrySet().stream().map(e -> new ChunkRecord(e.getKey(), null, null, e.getValue())).toList());
                    progress.accept("verified: batch version " + state.published.stream().map(SegmentInfo::version).distinct().toList()
                            + " loaded, real-time segments overshadowed, sums match per chunk");
                }));
        StepRunner runner = new StepRunner(config.retries(), config.backoff(), clock, sleeper, progress);
        List<StepRecord> results;
        try {
            results = runner.run(steps);
        } finally {
            cleanUp(runKey, runDir);
        }
        runs.steps(runId, results);
        String error = results.stream().filter(r -> r.status() == StepRunner.Status.FAILED)
                .map(r -> r.step() + ": " + r.error()).findFirst().orElse(null);
        runs.finish(runId, error == null ? RunStatus.SUCCEEDED : RunStatus.FAILED, error, clock.instant());
        return runs.run(runId);
    }

    private ObjectNode taskSpec(TimeInterval interval, IndexParallelSpec.InputSource source) {
        boolean raw = config.druidFlattenSpec();
        return schema.taskSpec(config.datasource(), source, raw ? flattenSpec.timestamp().column() : flattener.timestampColumn(),
                        raw ? flattenSpec.timestamp().format().name().toLowerCase(java.util.Locale.ROOT) : flattener.timestampFormat(),
                        granularity, raw)
                .intervals(interval.toString())
                .appendToExisting(false)
                .dropExisting(true)
                .toJson();
    }

    /** Druid reads the raw files itself: presigned URLs of the S3 parts, or the local parts by path. */
    private IndexParallelSpec.InputSource rawSource(InputCheck check) {
        List<String> keys = check.hours().stream().flatMap(h -> h.parts().stream()).map(RawInput.StoredFile::key).toList();
        if (inputS3.isPresent()) {
            S3Staging presigner = new S3Staging(inputS3.get(), "", config.staging().urlExpiry());
            return IndexParallelSpec.InputSource.http(keys.stream().map(presigner::presign).toList());
        }
        FolderRawInput folder = (FolderRawInput) input;
        return IndexParallelSpec.InputSource.localFiles(keys.stream().map(folder::path).toList());
    }

    private InputCompleteness completeness() {
        return new InputCompleteness(input, layout, config.completeness());
    }

    private String runKey(TimeInterval interval, String runId) {
        return config.name() + "/" + KEY_HOUR.format(interval.start()) + "-" + KEY_HOUR.format(interval.end()) + "/run-" + runId;
    }

    private void cleanUp(String runKey, Path runDir) {
        try {
            if (!config.druidFlattenSpec()) {
                staging.remove(runKey);
            }
            if (Files.exists(runDir)) {
                try (Stream<Path> walk = Files.walk(runDir)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            progress.accept("could not remove the staged files of " + runKey + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        closeAll(resources);
        input.close();
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception ignored) {
                // closing clients: nothing left to do
            }
        }
    }
}

package io.ferry.app.genlog;

import io.ferry.client.ConnectionStatus;
import io.ferry.app.StubEngineClient;
import io.ferry.client.EngineClient;
import io.ferry.client.EngineInfo;
import io.ferry.client.genlog.AllocatedStorage;
import io.ferry.client.genlog.ArchiveFile;
import io.ferry.client.genlog.DigestGrouping;
import io.ferry.client.genlog.DigestLine;
import io.ferry.client.genlog.DigestPage;
import io.ferry.client.genlog.GenlogFigure;
import io.ferry.client.genlog.GenlogStatusView;
import io.ferry.client.genlog.GrowthSample;
import io.ferry.client.genlog.LogEntry;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A test double of our own {@link EngineClient} for the General log page's view model and view tests: one
 * in-memory "server" whose log has a few rows, a rotation that moves them to an archive and writes a history row,
 * and a schedule. The engine itself is tested against a real MariaDB (engine module ITs, and
 * {@code GenlogConsoleIT} through the real sandbox).
 */
final class FakeGenlogClient extends StubEngineClient {
    static final String CONNECTION = "shop-db";
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    private final List<LogEntry> live = new CopyOnWriteArrayList<>();
    private final List<RotationRecord> history = new CopyOnWriteArrayList<>();
    private final List<ArchiveFile> archives = new CopyOnWriteArrayList<>();
    private final List<GrowthSample> samples = new CopyOnWriteArrayList<>();
    private final AtomicInteger rotations = new AtomicInteger();
    private final AtomicInteger statusReads = new AtomicInteger();
    private volatile Optional<ScheduleState.InstalledEvent> event = Optional.empty();
    private volatile String eventScheduler = "ON";
    private volatile String logOutput = "TABLE";
    final List<Path> exported = new CopyOnWriteArrayList<>();

    FakeGenlogClient() {
        live.add(new LogEntry("2026-11-28 10:00:01.000000", "shop[shop] @ localhost [127.0.0.1]", 7, "Connect", "shop@localhost on shop"));
        live.add(new LogEntry("2026-11-28 10:00:02.000000", "shop[shop] @ localhost [127.0.0.1]", 7, "Query", "SELECT * FROM orders WHERE id = 1"));
        live.add(new LogEntry("2026-11-28 10:00:03.000000", "shop[shop] @ localhost [127.0.0.1]", 7, "Query", "SELECT * FROM orders WHERE id = 2"));
        live.add(new LogEntry("2026-11-28 10:00:04.000000", "report[report] @ 10.0.0.7 [10.0.0.7]", 9, "Query", "UPDATE stock SET n = n - 1 WHERE sku = 'A'"));
    }

    void logOutputIsFile() {
        logOutput = "FILE";
    }

    void schedulerOff() {
        eventScheduler = "OFF";
    }

    int rotations() {
        return rotations.get();
    }

    int statusReads() {
        return statusReads.get();
    }

    @Override
    public EngineInfo info() {
        return new EngineInfo("0.1.0-test", "/tmp/ferry-test", "test");
    }

    @Override
    public boolean isConfigured() {
        return true;
    }

    @Override
    public void startSandbox(Consumer<String> progress) {
    }

    @Override
    public List<ConnectionStatus> checkConnections() {
        return List.of();
    }

    @Override
    public List<String> genlogConnections() {
        return List.of(CONNECTION, "other-db");
    }

    @Override
    public GenlogStatusView genlogStatus(String connection, Optional<AllocatedStorage> storage) {
        int n = statusReads.incrementAndGet();
        long rows = live.size();
        long bytes = rows * 100;
        samples.add(new GrowthSample(T0.plusSeconds(60L * n), rows, bytes));
        boolean table = logOutput.equals("TABLE");
        Optional<Long> threshold = storage.map(s -> (long) Math.min(10L << 30, s.gigabytes() * 0.2 * (1L << 30)));
        Optional<Instant> crossing = threshold.map(t -> T0.plusSeconds(86_400L * 30));
        List<GenlogFigure> figures = new ArrayList<>(List.of(
                new GenlogFigure("general_log", "ON", GenlogFigure.Accuracy.SETTING, ""),
                new GenlogFigure("log_output", logOutput, GenlogFigure.Accuracy.SETTING, "")));
        if (table) {
            figures.add(new GenlogFigure("rows", String.format(Locale.ROOT, "%,d", rows), GenlogFigure.Accuracy.EXACT, "counted in full"));
            figures.add(new GenlogFigure("bytes", bytes + " B", GenlogFigure.Accuracy.ESTIMATE, "rows x sampled row size"));
            figures.add(new GenlogFigure("growth", "1,440 rows/day", GenlogFigure.Accuracy.ESTIMATE, "from Ferry's samples"));
        }
        return new GenlogStatusView(connection, connection + " - mysql.general_log (11.4.5-MariaDB-log)", table,
                table ? Optional.empty() : Optional.of("log_output is FILE, so the general log is not kept in mysql.general_log."
                        + " Fix: SET GLOBAL log_output = 'TABLE'"), "self-managed: atomic double RENAME into a dated table",
                rows, bytes, figures, threshold, crossing, List.copyOf(samples), "logging costs throughput");
    }

    @Override
    public RotationPlan genlogRotationPlan(String connection) {
        return new RotationPlan(connection, "self-managed: atomic double RENAME into a dated table", live.size(),
                "/tmp/ferry-test/genlog-archive/" + connection, List.of(),
                "Ferry renames mysql.general_log to ferry_admin.general_log_<UTC date and time> and archives it.");
    }

    @Override
    public RotationOutcome genlogRotate(String connection, Consumer<String> progress) {
        progress.accept("Renamed mysql.general_log to ferry_admin.general_log_20261128_1000; archiving it");
        int n = rotations.incrementAndGet();
        long rows = live.size();
        live.clear();
        Path file = Path.of("/tmp/ferry-test/genlog-archive", connection, "general_log_20261128_100" + n + ".ndjson.gz");
        archives.add(0, new ArchiveFile(file, file.getFileName().toString(), 1234, T0.plusSeconds(n)));
        RotationRecord r = new RotationRecord(n, "general", "self-managed: atomic double RENAME into a dated table",
                "user:tester (console)", T0.plusSeconds(n), Optional.of(T0.plusSeconds(n + 1)),
                "ferry_admin.general_log_20261128_100" + n, rows, rows, Optional.of("2026-11-28 10:00:01.000000"),
                Optional.of("2026-11-28 10:00:04.000000"), Optional.of(file.toString()), "OK", "archived and verified");
        history.add(0, r);
        return new RotationOutcome(r.flavour(), List.of(), r, "");
    }

    @Override
    public List<RotationRecord> genlogHistory(String connection) {
        return List.copyOf(history);
    }

    private ScheduleState schedule() {
        return new ScheduleState(eventScheduler, eventScheduler.equals("ON") ? Optional.empty()
                : Optional.of("SET GLOBAL event_scheduler = ON, and add event_scheduler=ON to my.cnf"),
                "self-managed: atomic double RENAME into a dated table", event);
    }

    @Override
    public ScheduleState genlogSchedule(String connection) {
        return schedule();
    }

    @Override
    public ScheduleState genlogInstallSchedule(String connection, ScheduleEvery every) {
        if (!eventScheduler.equals("ON")) {
            throw new IllegalStateException("the event scheduler is OFF, so a scheduled rotation would never fire."
                    + " Fix: SET GLOBAL event_scheduler = ON. Nothing was changed.");
        }
        String unit = every.unit().name().substring(0, every.unit().name().length() - 1);
        event = Optional.of(new ScheduleState.InstalledEvent("ferry_admin.ferry_rotate_general_log", every.amount() + " " + unit,
                "ENABLED", "ferry@%", Optional.empty(), "CALL `ferry_admin`.`ferry_rotate_general_log`()"));
        return schedule();
    }

    @Override
    public ScheduleState genlogRemoveSchedule(String connection) {
        event = Optional.empty();
        return schedule();
    }

    @Override
    public List<ArchiveFile> genlogArchives(String connection) {
        return List.copyOf(archives);
    }

    private List<LogEntry> rows(LogSource source, LogQuery q) {
        List<LogEntry> from = source instanceof LogSource.Live ? live : List.of(
                new LogEntry("2026-11-28 09:00:00.000000", "old[old] @ localhost []", 3, "Query", "SELECT 1"));
        return from.stream()
                .filter(e -> q.commandType().map(c -> c.equalsIgnoreCase(e.commandType())).orElse(true))
                .filter(e -> q.text().map(t -> e.argument().toLowerCase(Locale.ROOT).contains(t.toLowerCase(Locale.ROOT))).orElse(true))
                .filter(e -> q.userHost().map(t -> e.userHost().toLowerCase(Locale.ROOT).contains(t.toLowerCase(Locale.ROOT))).orElse(true))
                .toList();
    }

    @Override
    public SearchPage genlogSearch(LogSource source, LogQuery query, int limit) {
        List<LogEntry> all = rows(source, query);
        return new SearchPage(all.stream().limit(limit).toList(), all.size() > limit);
    }

    @Override
    public DigestPage genlogDigest(LogSource source, LogQuery query, DigestGrouping by, int top) {
        List<LogEntry> all = rows(source, query);
        Map<String, List<LogEntry>> groups = all.stream().collect(Collectors.groupingBy(e -> switch (by) {
            case USER -> e.userHost().substring(0, e.userHost().indexOf('['));
            case FINGERPRINT -> e.commandType().equals("Query") ? e.argument().replaceAll("\\d+", "?").replaceAll("'[^']*'", "?").toLowerCase(Locale.ROOT)
                    : "[" + e.commandType() + "]";
            default -> "(none)";
        }));
        List<DigestLine> lines = groups.entrySet().stream()
                .sorted((a, b) -> b.getValue().size() - a.getValue().size())
                .map(g -> new DigestLine(g.getKey(), g.getValue().size(), g.getValue().get(0).eventTime(),
                        g.getValue().get(g.getValue().size() - 1).eventTime(), "shop (" + g.getValue().size() + ")",
                        "localhost", g.getValue().get(0).argument()))
                .toList();
        return new DigestPage(lines.stream().limit(top).toList(), lines.size(), all.size(), all.size());
    }

    @Override
    public long genlogExportSearchCsv(LogSource source, LogQuery query, Path file) {
        exported.add(file);
        return rows(source, query).size();
    }

    @Override
    public int genlogExportDigestCsv(LogSource source, LogQuery query, DigestGrouping by, Path file) {
        exported.add(file);
        return genlogDigest(source, query, by, Integer.MAX_VALUE).totalGroups();
    }

    @Override
    public void close() {
    }
}

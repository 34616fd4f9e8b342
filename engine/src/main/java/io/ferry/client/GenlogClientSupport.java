package io.ferry.client;

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
import io.ferry.config.FerryConfig;
import io.ferry.config.MySqlConnectionConfig;
import io.ferry.genlog.DigestGroup;
import io.ferry.genlog.DigestKey;
import io.ferry.genlog.DigestCsv;
import io.ferry.genlog.GenlogException;
import io.ferry.genlog.GenlogService;
import io.ferry.genlog.GenlogStatus;
import io.ferry.genlog.GrowthEstimator;
import io.ferry.genlog.LogFilter;
import io.ferry.genlog.LogKind;
import io.ferry.genlog.LogRow;
import io.ferry.genlog.LogSearch;
import io.ferry.genlog.LogSettings;
import io.ferry.genlog.Rotation;
import io.ferry.genlog.RotationFlavour;
import io.ferry.genlog.RotationPreview;
import io.ferry.genlog.RotationResult;
import io.ferry.genlog.ScheduleInterval;
import io.ferry.genlog.ScheduledRotation;
import io.ferry.genlog.StatusFigures;
import io.ferry.genlog.StatusReader;
import io.ferry.state.StateStore;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The general-log part of {@link InProcessEngineClient}: {@link GenlogService} calls turned into the client's
 * plain values, and every failure into one message that says what is wrong and how to fix it.
 */
final class GenlogClientSupport {
    private static final LogKind KIND = LogKind.GENERAL;
    private static final Duration SAMPLE_WINDOW = Duration.ofDays(7);

    private final Supplier<FerryConfig> config;
    private final Supplier<StateStore> state;
    private final Clock clock;

    /** @param state the client's one state store, opened on first use */
    GenlogClientSupport(Supplier<FerryConfig> config, Supplier<StateStore> state, Clock clock) {
        this.config = config;
        this.state = state;
        this.clock = clock;
    }

    /** Who the history names for a rotation started from the console. */
    static String consoleUser() {
        return "user:" + System.getProperty("user.name", "unknown") + " (console)";
    }

    List<String> connections() {
        FerryConfig current = config.get();
        return current == null ? List.of()
                : current.connections(MySqlConnectionConfig.class).stream().map(MySqlConnectionConfig::name).toList();
    }

    GenlogStatusView status(String connection, Optional<AllocatedStorage> storage) {
        return call("Reading the general log of " + connection, () -> {
            GenlogService service = service();
            Optional<StatusReader.RdsStorage> rds = storage.map(s -> new StatusReader.RdsStorage(s.gigabytes(), s.usedPercent()));
            GenlogStatus s = service.status(connection, KIND, rds);
            Optional<String> problem = Optional.empty();
            try {
                s.settings().requireTableLog(KIND);
            } catch (GenlogException e) {
                problem = Optional.of(e.getMessage());
            }
            List<GenlogFigure> figures = StatusFigures.of(s, rds).stream()
                    .map(f -> new GenlogFigure(f.name(), f.value(), GenlogFigure.Accuracy.valueOf(f.accuracy().name()), f.note()))
                    .toList();
            return new GenlogStatusView(s.connection(), s.connection() + " - mysql." + KIND.table() + " (" + s.settings().version() + ")",
                    problem.isEmpty(), problem, s.flavour().description(), s.count().rows(), s.size().bytes(), figures,
                    s.rdsThresholdBytes(), s.rdsCrossing(), samples(service, connection), StatusFigures.COST_NOTE);
        });
    }

    private List<GrowthSample> samples(GenlogService service, String connection) {
        Instant since = clock.instant().minus(SAMPLE_WINDOW);
        Map<Instant, long[]> byTime = new TreeMap<>();
        for (GrowthEstimator.Sample s : service.samples(connection, KIND, "rows", since)) {
            byTime.computeIfAbsent(s.at(), t -> new long[2])[0] = (long) s.value();
        }
        for (GrowthEstimator.Sample s : service.samples(connection, KIND, "bytes", since)) {
            byTime.computeIfAbsent(s.at(), t -> new long[2])[1] = (long) s.value();
        }
        return byTime.entrySet().stream().map(e -> new GrowthSample(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    RotationPlan plan(String connection) {
        return call("Preparing the rotation of " + connection, () -> {
            RotationPreview p = service().preview(connection, KIND);
            return new RotationPlan(connection, p.flavour().description(), p.rowsToMove(), p.archiveFolder().toString(),
                    p.leftoverTables(), p.whatWillHappen());
        });
    }

    RotationOutcome rotate(String connection, Consumer<String> progress) {
        return call("Rotating the general log of " + connection, () -> {
            RotationResult r = service().rotate(connection, KIND, consoleUser(), progress);
            String note = r.flavour() == RotationFlavour.RDS ? "RDS's own emergency rotation (storage thresholds, upgrades) can"
                    + " still drop a backup Ferry had no chance to archive." : "";
            return new RotationOutcome(r.flavour().description(), r.caughtUp().stream().map(GenlogClientSupport::record).toList(),
                    record(r.rotation()), note);
        });
    }

    List<RotationRecord> history(String connection) {
        return call("Reading the rotation history of " + connection,
                () -> service().history(connection).stream().map(GenlogClientSupport::record).toList());
    }

    ScheduleState schedule(String connection) {
        return call("Reading the scheduled rotation of " + connection, () -> scheduleState(service(), connection));
    }

    ScheduleState installSchedule(String connection, ScheduleEvery every) {
        return call("Scheduling the rotation of " + connection, () -> {
            GenlogService service = service();
            service.schedule(connection, KIND, new ScheduleInterval(every.amount(), switch (every.unit()) {
                case DAYS -> ScheduleInterval.Unit.DAY;
                case HOURS -> ScheduleInterval.Unit.HOUR;
                case MINUTES -> ScheduleInterval.Unit.MINUTE;
            }));
            return scheduleState(service, connection);
        });
    }

    ScheduleState removeSchedule(String connection) {
        return call("Removing the scheduled rotation of " + connection, () -> {
            GenlogService service = service();
            service.unschedule(connection, KIND);
            return scheduleState(service, connection);
        });
    }

    private static ScheduleState scheduleState(GenlogService service, String connection) throws SQLException {
        LogSettings settings = service.settings(connection);
        Optional<ScheduledRotation> event = service.schedule(connection, KIND);
        return new ScheduleState(settings.eventScheduler(), settings.schedulerFix(), service.flavour(connection, KIND).description(),
                event.map(e -> new ScheduleState.InstalledEvent(e.event(), e.every(), e.status(), e.definer(), e.lastExecuted(),
                        e.body())));
    }

    List<ArchiveFile> archives(String connection) {
        return call("Listing the archives of " + connection, () -> service().archives(connection).stream()
                .map(e -> new ArchiveFile(e.file(), e.file().getFileName().toString(), e.bytes(), e.modified())).toList());
    }

    SearchPage search(LogSource source, LogQuery query, int limit) {
        return call("Searching " + describe(source), () -> {
            GenlogService service = service();
            LogFilter filter = filter(query);
            LogSearch.Hits hits = source instanceof LogSource.Live live
                    ? service.search(live.connection(), KIND, filter, limit)
                    : service.search(((LogSource.Archives) source).files(), filter, limit);
            return new SearchPage(hits.rows().stream().map(GenlogClientSupport::entry).toList(), hits.more());
        });
    }

    DigestPage digest(LogSource source, LogQuery query, DigestGrouping by, int top) {
        return call("Digesting " + describe(source), () -> {
            GenlogService.DigestReport report = digestReport(source, query, by);
            List<DigestLine> lines = report.groups().stream().limit(Math.max(top, 0)).map(GenlogClientSupport::line).toList();
            return new DigestPage(lines, report.groups().size(), report.rowsRead(), report.rowsMatched());
        });
    }

    long exportSearchCsv(LogSource source, LogQuery query, Path file) {
        return call("Exporting the search of " + describe(source) + " to " + file, () -> {
            GenlogService service = service();
            LogFilter filter = filter(query);
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                return source instanceof LogSource.Live live
                        ? service.searchCsv(live.connection(), KIND, filter, w)
                        : service.searchCsv(((LogSource.Archives) source).files(), filter, w);
            }
        });
    }

    int exportDigestCsv(LogSource source, LogQuery query, DigestGrouping by, Path file) {
        return call("Exporting the digest of " + describe(source) + " to " + file, () -> {
            List<DigestGroup> groups = digestReport(source, query, by).groups();
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                DigestCsv.writeDigest(groups, w);
            }
            return groups.size();
        });
    }

    private GenlogService.DigestReport digestReport(LogSource source, LogQuery query, DigestGrouping by)
            throws SQLException, IOException {
        GenlogService service = service();
        DigestKey key = DigestKey.valueOf(by.name());
        LogFilter filter = filter(query);
        return source instanceof LogSource.Live live
                ? service.digestReport(live.connection(), KIND, key, filter)
                : service.digestReport(((LogSource.Archives) source).files(), key, filter);
    }

    private GenlogService service() {
        FerryConfig current = config.get();
        if (current == null) {
            throw new GenlogException("nothing is configured yet: load a ferry.yaml with a mysql connection, or start the sandbox");
        }
        return new GenlogService(current, state.get(), clock);
    }

    private static LogFilter filter(LogQuery q) {
        return new LogFilter(q.from(), q.to(), q.userHost(), q.commandType(), q.text());
    }

    private static String describe(LogSource source) {
        if (source instanceof LogSource.Live live) {
            return "the general log of " + live.connection();
        }
        List<Path> files = ((LogSource.Archives) source).files();
        return files.size() == 1 ? files.get(0).getFileName().toString() : files.size() + " archives";
    }

    private static RotationRecord record(Rotation r) {
        return new RotationRecord(r.id(), r.kind().word(), r.flavour().description(), r.triggeredBy(), r.startedAt(),
                r.finishedAt(), r.rotatedTable(), r.rowsRotated(), r.rowsArchived(), r.oldestEvent(), r.newestEvent(),
                r.archivePath(), r.status(), r.detail());
    }

    private static LogEntry entry(LogRow r) {
        return new LogEntry(r.eventTime(), r.userHost(), r.threadId(), r.commandType(), r.argument());
    }

    private static DigestLine line(DigestGroup g) {
        return new DigestLine(g.key(), g.count(), g.firstSeen(), g.lastSeen(), joined(g.topUsers()), joined(g.topHosts()),
                g.example() == null ? "" : g.example());
    }

    private static String joined(List<Map.Entry<String, Long>> top) {
        return top.stream().map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "));
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws Exception;
    }

    /** Runs {@code work}; a failure becomes one message: what was being done, what went wrong, the fix. */
    private static <T> T call(String doing, Work<T> work) {
        try {
            return work.run();
        } catch (GenlogException | IllegalArgumentException e) {
            throw new GenlogClientException(e.getMessage(), e);
        } catch (SQLException e) {
            throw new GenlogClientException(doing + " failed: " + e.getMessage() + fixFor(e), e);
        } catch (IOException e) {
            throw new GenlogClientException(doing + " failed: " + e, e);
        } catch (RuntimeException e) {
            throw new GenlogClientException(doing + " failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
        } catch (Exception e) {
            throw new GenlogClientException(doing + " failed: " + e, e);
        }
    }

    private static String fixFor(SQLException e) {
        return switch (e.getErrorCode()) {
            case 1044, 1142 -> ". Fix, as an administrator: GRANT ALTER, DROP, CREATE, INSERT ON `mysql`.`general_log` TO"
                    + " <ferry's user>; GRANT ALL ON `ferry_admin`.* TO <ferry's user>.";
            case 1370 -> ". Fix, as an administrator: GRANT EXECUTE ON PROCEDURE mysql.rds_rotate_general_log TO <ferry's user>.";
            case 1227 -> ". Fix: connect as a user with the privilege the server names (on RDS: the master user).";
            case 0 -> e.getSQLState() != null && e.getSQLState().startsWith("08")
                    ? ". Check that the server is up and the connection's host and port are right." : "";
            default -> "";
        };
    }
}

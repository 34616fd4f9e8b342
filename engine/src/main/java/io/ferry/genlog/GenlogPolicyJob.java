package io.ferry.genlog;

import io.ferry.config.FerryConfig;
import io.ferry.config.GenlogJobConfig;
import io.ferry.config.MySqlConnectionConfig;
import io.ferry.config.SecretResolver;
import io.ferry.state.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code type: genlog} job as the engine runs it: each {@link #check()} archives what scheduled rotations left
 * (dated tables, a new RDS backup), then rotates when the policy's threshold is passed. What could not be archived
 * raises an alarm; nothing is dropped that was not archived.
 */
public final class GenlogPolicyJob {
    private static final Logger LOG = LoggerFactory.getLogger(GenlogPolicyJob.class);
    private static final Set<String> LOCAL_HOSTS = Set.of("127.0.0.1", "localhost", "::1");

    private final GenlogJobConfig job;
    private final MySqlConnectionConfig connection;
    private final ServerConnections server;
    private final LogKind kind;
    private final RotationPolicy policy;
    private final GenlogStore store;
    private final GenlogAlarms alarms;
    private final RotationService rotations;
    private final RdsFiringWatch firings;
    private final Clock clock;
    private final ArchiveDestination archives;

    GenlogPolicyJob(GenlogJobConfig job, MySqlConnectionConfig connection, ServerConnections server, StateStore state,
                    ArchiveDestination archives, Clock clock) {
        this.job = job;
        this.connection = connection;
        this.server = server;
        this.kind = LogKind.fromWord(job.log());
        this.policy = new RotationPolicy(job.rotateWhenRows(), job.rotateWhenBytes(), job.rotateWhenOlderThan());
        this.store = new GenlogStore(state);
        this.alarms = new GenlogAlarms(state);
        this.rotations = new RotationService(store, clock, archives);
        this.firings = new RdsFiringWatch(state, job.name());
        this.clock = clock;
        this.archives = archives;
    }

    /** The job as configured, archiving where the job says (a folder, by default under the data dir, or S3). */
    public static GenlogPolicyJob of(FerryConfig config, GenlogJobConfig job, StateStore state, Clock clock) {
        MySqlConnectionConfig c = (MySqlConnectionConfig) config.connection(job.connection()).orElseThrow();
        return new GenlogPolicyJob(job, c, MySqlConnections.of(c, SecretResolver.forConfig(config)), state,
                ArchiveDestinations.forJob(config, job), clock);
    }

    public String name() {
        return job.name();
    }

    public Duration every() {
        return job.checkEvery();
    }

    /** What the job does, for the start-up line. */
    public String describe() {
        return String.format(Locale.ROOT, "%s: %s log of %s, checked every %s, %s, archives to %s (%s)", job.name(),
                kind.word(), connection.name(), humane(job.checkEvery()),
                policy.isEmpty() ? "no rotation threshold (archives scheduled rotations only)" : "rotates when " + policy.describe(),
                archives.describe(), archives.format().word());
    }

    /**
     * One round. Server and archive problems do not escape: they are logged, and those that put rows at risk
     * raise an alarm.
     */
    public void check() {
        if (!catchUp()) {
            return; // rotating now would first try the same archive again: wait for the next round
        }
        GenlogStatus status;
        try {
            status = new StatusReader(store, clock, LOCAL_HOSTS.contains(connection.host()))
                    .read(connection.name(), server, kind, connection.rds(), Optional.empty());
            status.settings().requireTableLog(kind);
        } catch (SQLException | GenlogException e) {
            LOG.warn("{}: cannot read the {} log of {}: {}", job.name(), kind.word(), connection.name(), e.getMessage());
            return;
        }
        Optional<String> reason = policy.reason(status, clock.instant());
        if (reason.isEmpty()) {
            LOG.debug("{}: no rotation due ({} rows, {} bytes)", job.name(), status.count().rows(), status.size().bytes());
            return;
        }
        try {
            RotationResult result = rotations.rotate(connection.name(), server, kind, connection.rds(), "policy: " + reason.get());
            result.caughtUp().forEach(r -> LOG.info("{}: archived {}", job.name(), describe(r)));
            LOG.info("{}: rotated ({}; {}): {}", job.name(), "policy: " + reason.get(), result.flavour().description(),
                    describe(result.rotation()));
            if (result.flavour() == RotationFlavour.RDS) {
                firings.remember(server, kind);
            }
        } catch (SQLException | IOException | GenlogException e) {
            alarm("the policy rotation (" + reason.get() + ") failed: " + explain(e)
                    + ". Rows not archived stay on the server; see ferry genlog history.");
        }
    }

    /** Archives what scheduled rotations left; false when something could not be archived (then an alarm). */
    private boolean catchUp() {
        RotationFlavour flavour;
        try (var c = server.open()) {
            flavour = FlavourDetector.detect(c, kind, connection.rds());
        } catch (SQLException e) {
            LOG.warn("{}: cannot reach {}: {}", job.name(), connection.name(), e.getMessage());
            return false;
        }
        try {
            if (flavour == RotationFlavour.RDS) {
                firings.missedFirings(server, kind).ifPresent(missed -> alarm(missed));
            }
            List<Rotation> done = rotations.catchUp(connection.name(), server, kind, connection.rds());
            done.forEach(r -> LOG.info("{}: archived {} (left by a rotation Ferry did not run)", job.name(), describe(r)));
            if (flavour == RotationFlavour.RDS) {
                firings.remember(server, kind);
            }
            return true;
        } catch (SQLException | IOException | GenlogException e) {
            alarm("could not archive what a scheduled rotation left: " + explain(e)
                    + ". The rows stay in the rotated table until an archive succeeds.");
            return false;
        }
    }

    private void alarm(String message) {
        GenlogAlarm a = alarms.raise(connection.name(), kind, job.name(), message, clock.instant());
        LOG.error("{}: ALARM #{}{}: {}", job.name(), a.id(), a.occurrences() > 1 ? " (seen " + a.occurrences() + " times)" : "",
                a.message());
    }

    private static String explain(Exception e) {
        if (e instanceof java.nio.file.FileSystemException fs) {
            return "cannot write " + fs.getFile() + " (" + e.getClass().getSimpleName()
                    + (fs.getReason() != null ? ": " + fs.getReason() : "") + ")";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String describe(Rotation r) {
        return String.format(Locale.ROOT, "%s, %,d rows, %,d archived (verified) to %s", r.rotatedTable(),
                r.rowsRotated(), r.rowsArchived(), r.archivePath().orElse("-"));
    }

    private static String humane(Duration d) {
        long s = d.toSeconds();
        return s % 86_400 == 0 ? s / 86_400 + "d" : s % 3600 == 0 ? s / 3600 + "h" : s % 60 == 0 ? s / 60 + "m" : s + "s";
    }
}

package io.ferry.cli;

import io.ferry.config.MySqlConnectionConfig;
import io.ferry.genlog.ArchiveDestination;
import io.ferry.genlog.GenlogStatus;
import io.ferry.genlog.GenlogStore;
import io.ferry.genlog.Rotation;
import io.ferry.genlog.RotationResult;
import io.ferry.genlog.RotationPolicy;
import io.ferry.genlog.RotationService;
import io.ferry.genlog.StatusReader;
import io.ferry.state.StateStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ferry genlog rotate}: rotate now, archiving first whatever the rotation would otherwise drop. */
@Command(name = "rotate", mixinStandardHelpOptions = true,
        description = "Rotates the log table now and archives the rotated rows (gzip NDJSON or CSV, to a folder or S3, verified by row count) before "
                + "anything is dropped. Self-managed: atomic double RENAME into ferry_admin.general_log_YYYYMMDD_HHMM, "
                + "archived, then dropped. RDS: CALL mysql.rds_rotate_general_log, general_log_backup archived before "
                + "and after.")
final class GenlogRotateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    GenlogTarget target;

    @CommandLine.Mixin
    ArchiveDirOption archive;

    @Option(names = "--if-rows", paramLabel = "N", description = "Policy: rotate only if the log has more than N rows.")
    Long ifRows;

    @Option(names = "--if-bytes", paramLabel = "SIZE", description = "Policy: rotate only if the log is bigger than SIZE (e.g. 5GB).")
    String ifBytes;

    @Option(names = "--if-older-than", paramLabel = "AGE", description = "Policy: rotate only if the oldest row is older than AGE (e.g. 7d).")
    String ifOlderThan;

    @Override
    public Integer call() throws SQLException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        MySqlConnectionConfig c = target.one();
        ArchiveDestination archives = archive.destination(target.ferryConfig());
        RotationPolicy policy = policy();
        try (StateStore state = StateStore.open(target.dataDir())) {
            GenlogStore store = new GenlogStore(state);
            String triggeredBy = "user:" + System.getProperty("user.name");
            if (!policy.isEmpty()) {
                GenlogStatus status = new StatusReader(store, Clock.systemUTC(), GenlogTarget.onThisMachine(c))
                        .read(c.name(), target.server(c), target.kind(), c.rds(), Optional.empty());
                status.settings().requireTableLog(target.kind());
                Optional<String> reason = policy.reason(status, Instant.now());
                if (reason.isEmpty()) {
                    out.printf(Locale.ROOT, "%s: no rotation due (%,d rows, %s, oldest %s UTC)%n", c.name(), status.count().rows(),
                            Bytes.human(status.size().bytes()), status.count().oldest().orElse("-"));
                    out.flush();
                    return 0;
                }
                triggeredBy = "policy: " + reason.get();
                out.println(c.name() + ": rotation due, " + reason.get());
            }
            RotationService service = new RotationService(store, Clock.systemUTC(), archives);
            RotationResult result = service.rotate(c.name(), target.server(c), target.kind(), c.rds(), triggeredBy);
            out.println(c.name() + ": rotation flavour " + result.flavour().description());
            for (Rotation r : result.caughtUp()) {
                out.println("  archived first (left by a rotation Ferry did not run): " + describe(r));
            }
            out.println("  rotated: " + describe(result.rotation()));
            if (result.flavour() == io.ferry.genlog.RotationFlavour.RDS) {
                out.println("  note: RDS's own emergency rotation (storage thresholds, upgrades) can still drop a backup"
                        + " Ferry had no chance to archive.");
            }
        }
        out.flush();
        return 0;
    }

    private RotationPolicy policy() {
        try {
            return new RotationPolicy(Optional.ofNullable(ifRows),
                    Optional.ofNullable(ifBytes).map(RotationPolicy::parseBytes),
                    Optional.ofNullable(ifOlderThan).map(RotationPolicy::parseAge));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    static String describe(Rotation r) {
        return String.format(Locale.ROOT, "%s, %,d rows, archived %,d (verified) to %s, from %s to %s UTC", r.rotatedTable(),
                r.rowsRotated(), r.rowsArchived(), r.archivePath().orElse("-"), r.oldestEvent().orElse("-"),
                r.newestEvent().orElse("-"));
    }
}

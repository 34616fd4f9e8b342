package io.ferry.cli;

import io.ferry.config.MySqlConnectionConfig;
import io.ferry.genlog.GenlogStore;
import io.ferry.genlog.Rotation;
import io.ferry.genlog.RotationResult;
import io.ferry.genlog.RotationService;
import io.ferry.state.StateStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ferry genlog rotate}: rotate now, archiving first whatever the rotation would otherwise drop. */
@Command(name = "rotate", mixinStandardHelpOptions = true,
        description = {"Rotates the log table now and archives the rotated rows (gzip NDJSON, verified by row count)",
                "before anything is dropped. Self-managed: atomic double RENAME into ferry_admin.general_log_YYYYMMDD_HHMM,",
                "archived, then dropped. RDS: CALL mysql.rds_rotate_general_log, general_log_backup archived before and after."})
final class GenlogRotateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    GenlogTarget target;

    @Option(names = "--archive-dir", paramLabel = "DIR", description = "Where archives go (default: <dataDir>/genlog-archive).")
    Path archiveDir;

    @Override
    public Integer call() throws SQLException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        MySqlConnectionConfig c = target.one();
        Path archives = archiveDir != null ? archiveDir : target.dataDir().resolve("genlog-archive");
        try (StateStore state = StateStore.open(target.dataDir())) {
            RotationService service = new RotationService(new GenlogStore(state), Clock.systemUTC(), archives);
            RotationResult result = service.rotate(c.name(), target.server(c), target.kind(), c.rds(),
                    "user:" + System.getProperty("user.name"));
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

    static String describe(Rotation r) {
        return String.format(Locale.ROOT, "%s, %,d rows, archived %,d (verified) to %s, from %s to %s UTC", r.rotatedTable(),
                r.rowsRotated(), r.rowsArchived(), r.archivePath().orElse("-"), r.oldestEvent().orElse("-"),
                r.newestEvent().orElse("-"));
    }
}

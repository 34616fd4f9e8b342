package io.ferry.cli;

import io.ferry.replication.ReplicationJobSpec;
import io.ferry.replication.TableId;
import io.ferry.replication.validate.JobValidation;
import io.ferry.replication.validate.TableDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code ferry validate}: compares a replication job's tables between the source and the warehouse per primary-key
 * chunk and reports, per table, equal or the chunks that differ (key ranges) and the keys missing, extra or
 * different. Exit code 0 when every table is equal, 1 otherwise. Safe while the job runs (see {@link JobValidation}).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Compares a replication job's tables between source and warehouse, per primary-key chunk; "
                + "exit code 0 when equal, 1 when something differs.")
public final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReplicationJobOptions options;

    @Option(names = "--table", paramLabel = "SCHEMA.TABLE", description = "Only this source table of the job.")
    String table;

    @Option(names = "--chunk-rows", paramLabel = "N", defaultValue = "10000", description = "Source rows per chunk (default: ${DEFAULT-VALUE}).")
    int chunkRows;

    @Option(names = "--max-listed", paramLabel = "N", defaultValue = "20",
            description = "Keys listed per kind of difference and table (default: ${DEFAULT-VALUE}).")
    int maxListed;

    @Option(names = "--catch-up-seconds", paramLabel = "S", defaultValue = "60",
            description = "How long a re-check of a differing chunk waits for the job to catch up with the source "
                    + "(default: ${DEFAULT-VALUE}).")
    int catchUpSeconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ReplicationJobOptions.Resolved resolved = options.resolve(Optional.empty(), Optional.empty(), Optional.empty());
        ReplicationJobSpec job = resolved.spec();
        out.println("Validating job " + job.name() + ": " + ReplicationJobOptions.describe(resolved.job()) + ", chunks of "
                + String.format(Locale.ROOT, "%,d", chunkRows) + " rows");
        out.flush();
        List<TableDiff> diffs = new JobValidation(job, chunkRows, maxListed, Duration.ofSeconds(catchUpSeconds))
                .run(table == null ? null : TableId.parse(table), d -> {
                    ValidationText.describe(d).forEach(out::println);
                    out.flush();
                });
        long differing = diffs.stream().filter(d -> !d.equal()).count();
        out.println(differing == 0 ? "All " + diffs.size() + " table(s) equal."
                : differing + " of " + diffs.size() + " table(s) differ.");
        out.flush();
        return differing == 0 ? 0 : 1;
    }
}

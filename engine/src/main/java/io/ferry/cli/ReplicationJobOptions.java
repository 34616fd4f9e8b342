package io.ferry.cli;

import io.ferry.config.ConfigLoader;
import io.ferry.config.FerryConfig;
import io.ferry.config.ReplicationJobConfig;
import io.ferry.replication.ReplicationJobSpecs;
import io.ferry.replication.TableFilter;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The options that name a replication job, shared by {@code ferry replicate} and {@code ferry plan}: a job of
 * ferry.yaml ({@code --job NAME}), or the job given by {@code --source}, {@code --target} and {@code --tables}.
 * Either way the result is a {@link ReplicationJobConfig}, from which {@link ReplicationJobSpecs} makes the spec.
 */
final class ReplicationJobOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "ferry.yaml",
            description = "The configuration file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--job", paramLabel = "NAME", description = "A replication job of ferry.yaml; with --source/--target/"
            + "--tables, the name of that job instead (default SOURCE-to-TARGET). The name keys the job's checkpoint.")
    String job;

    @Option(names = "--source", paramLabel = "NAME", description = "The MySQL/MariaDB connection in ferry.yaml (instead of a configured job).")
    String source;

    @Option(names = "--target", paramLabel = "NAME", description = "The PostgreSQL connection in ferry.yaml (instead of a configured job).")
    String target;

    @Option(names = "--tables", paramLabel = "PATTERNS",
            description = "schema.table patterns, comma-separated; * and ? are wildcards, !pattern excludes (e.g. 'shop.*,!shop.tmp_*').")
    String tables;

    @Option(names = "--prepare", paramLabel = "MODE",
            description = "Target tables on the first run: drop-and-create, truncate or do-nothing (default: the job's "
                    + "targetPreparation, else drop-and-create).")
    String prepare;

    /** A loaded configuration and the job to run, with any command-line overrides applied. */
    record Resolved(FerryConfig config, ReplicationJobConfig job) {
    }

    /** @param batchRows, batchDelay, gtid overrides from {@code ferry replicate}; empty keeps the job's values */
    Resolved resolve(Optional<Integer> batchRows, Optional<Duration> batchDelay, Optional<Boolean> gtid) {
        FerryConfig ferry = ConfigLoader.load(config);
        ReplicationJobConfig base = source == null && target == null && tables == null ? configured(ferry) : adHoc();
        ReplicationJobConfig job = new ReplicationJobConfig(base.name(), base.source(), base.target(), base.include(),
                base.exclude(), base.targetSchema(), prepare != null ? prepare : base.targetPreparation(),
                batchRows.orElse(base.maxBatchRows()), batchDelay.orElse(base.maxBatchDelay()),
                gtid.map(g -> g ? ReplicationJobConfig.PositionMode.GTID : ReplicationJobConfig.PositionMode.FILE)
                        .orElse(base.positionMode()));
        return new Resolved(ferry, job);
    }

    private ReplicationJobConfig configured(FerryConfig ferry) {
        if (job == null) {
            throw new IllegalArgumentException("Name a replication job of " + config + " with --job NAME, or give "
                    + "--source, --target and --tables");
        }
        return ReplicationJobSpecs.job(ferry, job);
    }

    private ReplicationJobConfig adHoc() {
        List<String> missing = new ArrayList<>();
        if (source == null) {
            missing.add("--source");
        }
        if (target == null) {
            missing.add("--target");
        }
        if (tables == null) {
            missing.add("--tables");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Missing " + String.join(", ", missing) + ": a job given on the command"
                    + " line needs --source, --target and --tables (or name a job of " + config + " with --job alone)");
        }
        TableFilter filter = TableFilter.parse(tables);
        return new ReplicationJobConfig(job != null ? job : source + "-to-" + target, source, target, filter.includes(),
                filter.excludes(), Optional.empty(), ReplicationJobConfig.DEFAULT_PREPARATION,
                ReplicationJobConfig.DEFAULT_MAX_BATCH_ROWS, ReplicationJobConfig.DEFAULT_MAX_BATCH_DELAY,
                ReplicationJobConfig.PositionMode.FILE);
    }

    static String describe(ReplicationJobConfig job) {
        return job.source() + " → " + job.target() + ", tables " + job.tables();
    }
}

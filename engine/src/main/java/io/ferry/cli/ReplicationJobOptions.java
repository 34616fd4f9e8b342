package io.ferry.cli;

import io.ferry.config.ConfigLoader;
import io.ferry.config.ConnectionConfig;
import io.ferry.config.ConnectionType;
import io.ferry.config.FerryConfig;
import io.ferry.config.ReplicationJobConfig;
import io.ferry.replication.ReplicationJobSpec;
import io.ferry.replication.ReplicationJobSpecs;
import io.ferry.replication.TableFilter;
import io.ferry.warehouse.redshift.RedshiftOptions;
import io.ferry.warehouse.redshift.RedshiftSettings;
import io.ferry.config.RedshiftJobSettings;
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

    @Option(names = "--target", paramLabel = "NAME", description = "The warehouse connection in ferry.yaml: postgresql or "
            + "redshift (instead of a configured job).")
    String target;

    @Option(names = "--tables", paramLabel = "PATTERNS",
            description = "schema.table patterns, comma-separated; * and ? are wildcards, !pattern excludes (e.g. 'shop.*,!shop.tmp_*').")
    String tables;

    @Option(names = "--prepare", paramLabel = "MODE",
            description = "Target tables on the first run: drop-and-create, truncate or do-nothing (default: the job's "
                    + "targetPreparation, else drop-and-create).")
    String prepare;

    @Option(names = "--on-error", paramLabel = "POLICY",
            description = "A data error applying a table: stop (the job) or suspend-table (set that table aside until it "
                    + "is reloaded; the others go on). Default: the job's onError, else stop; the job's onErrorTables "
                    + "still apply.")
    String onError;

    @picocli.CommandLine.Mixin
    Redshift redshift = new Redshift();

    /** The options that only a redshift target reads; they override the defaults of a job of ferry.yaml too. */
    static final class Redshift {
        @Option(names = "--staging-s3", paramLabel = "NAME",
                description = "An s3 connection for staging files (COPY with a manifest); default: multi-row INSERT staging.")
        String stagingS3;

        @Option(names = "--copy-iam-role", paramLabel = "ARN",
                description = "The IAM role Redshift assumes to read the staging files (default: the s3 connection's keys).")
        String copyIamRole;

        @Option(names = "--oversize", paramLabel = "POLICY",
                description = "A value longer than its VARCHAR (65535 bytes at most): reject (default) or truncate "
                        + "(cut on a character, row flagged in _ferry_truncated).")
        String oversize;

        @Option(names = "--wide-decimal", paramLabel = "POLICY",
                description = "A DECIMAL wider than 38 digits: refuse (default) or varchar (its exact text).")
        String wideDecimal;

        @Option(names = "--without-table-attributes",
                description = "No DISTSTYLE/DISTKEY/SORTKEY: only for a PostgreSQL stand-in (the sandbox's pgbouncer).")
        boolean withoutTableAttributes;

        /** The job's settings from ferry.yaml (defaults for a job of the command line), each option given overriding. */
        RedshiftSettings settings(RedshiftJobSettings job) {
            RedshiftSettings base = RedshiftSettings.of(job);
            RedshiftOptions o = base.options();
            if (oversize != null) {
                o = o.withOversize(RedshiftOptions.Oversize.parse(oversize));
            }
            if (wideDecimal != null) {
                o = o.withWideDecimal(RedshiftOptions.WideDecimal.parse(wideDecimal));
            }
            if (withoutTableAttributes) {
                o = o.withoutTableAttributes();
            }
            return new RedshiftSettings(o, stagingS3 != null ? stagingS3 : base.stagingS3(),
                    copyIamRole != null ? copyIamRole : base.copyIamRole());
        }
    }

    /** A loaded configuration and the job to run, with any command-line overrides applied. */
    record Resolved(FerryConfig config, ReplicationJobConfig job, RedshiftSettings redshift) {
        /** The job's spec: the one path from ferry.yaml and the command line to a running job. */
        ReplicationJobSpec spec() {
            return ReplicationJobSpecs.build(config, job, redshift);
        }
    }

    /** @param batchRows, batchDelay, gtid overrides from {@code ferry replicate}; empty keeps the job's values */
    Resolved resolve(Optional<Integer> batchRows, Optional<Duration> batchDelay, Optional<Boolean> gtid) {
        FerryConfig ferry = ConfigLoader.load(config);
        ReplicationJobConfig base = source == null && target == null && tables == null ? configured(ferry) : adHoc(ferry);
        ReplicationJobConfig job = new ReplicationJobConfig(base.name(), base.source(), base.target(), base.include(),
                base.exclude(), base.targetSchema(), prepare != null ? prepare : base.targetPreparation(),
                batchRows.orElse(base.maxBatchRows()), batchDelay.orElse(base.maxBatchDelay()),
                gtid.map(g -> g ? ReplicationJobConfig.PositionMode.GTID : ReplicationJobConfig.PositionMode.FILE)
                        .orElse(base.positionMode()), base.heartbeat(), base.heartbeatInterval(),
                onError != null ? base.onError().withDefault(io.ferry.replication.ErrorPolicy.parse(onError)) : base.onError(),
                base.zeroDates(), base.rules(), base.redshift(), base.watermarks(), base.limits());
        return new Resolved(ferry, job, redshift.settings(base.redshift()));
    }

    private ReplicationJobConfig configured(FerryConfig ferry) {
        if (job == null) {
            throw new IllegalArgumentException("Name a replication job of " + config + " with --job NAME, or give "
                    + "--source, --target and --tables");
        }
        return ReplicationJobSpecs.job(ferry, job);
    }

    private ReplicationJobConfig adHoc(FerryConfig ferry) {
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
                ReplicationJobConfig.DEFAULT_MAX_BATCH_ROWS, ReplicationJobConfig.defaultMaxBatchDelay(
                        ferry.connection(target).map(ConnectionConfig::type).orElse(ConnectionType.POSTGRESQL)),
                ReplicationJobConfig.PositionMode.FILE);
    }

    static String describe(ReplicationJobConfig job) {
        return job.source() + " → " + job.target() + ", tables " + job.tables();
    }
}

package io.ferry.cli;

import io.ferry.warehouse.redshift.RedshiftOptions;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options that name a replication job, shared by {@code ferry replicate} and {@code ferry plan}. */
final class ReplicationJobOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "ferry.yaml",
            description = "The configuration file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--source", required = true, paramLabel = "NAME", description = "The MySQL/MariaDB connection in ferry.yaml.")
    String source;

    @Option(names = "--target", required = true, paramLabel = "NAME", description = "The warehouse connection in ferry.yaml: postgresql or redshift.")
    String target;

    @Option(names = "--tables", required = true, paramLabel = "PATTERNS",
            description = "schema.table patterns, comma-separated; * and ? are wildcards, !pattern excludes (e.g. 'shop.*,!shop.tmp_*').")
    String tables;

    @Option(names = "--job", paramLabel = "NAME", description = "The job name, which keys its checkpoint (default: SOURCE-to-TARGET).")
    String job;

    @Option(names = "--prepare", paramLabel = "MODE", defaultValue = "drop-and-create",
            description = "Target tables on the first run: drop-and-create, truncate or do-nothing (default: ${DEFAULT-VALUE}).")
    String prepare;

    @picocli.CommandLine.Mixin
    Redshift redshift = new Redshift();

    /** The options that only a redshift target reads. */
    static final class Redshift {
        @Option(names = "--staging-s3", paramLabel = "NAME",
                description = "An s3 connection for staging files (COPY with a manifest); default: multi-row INSERT staging.")
        String stagingS3;

        @Option(names = "--copy-iam-role", paramLabel = "ARN",
                description = "The IAM role Redshift assumes to read the staging files (default: the s3 connection's keys).")
        String copyIamRole;

        @Option(names = "--oversize", paramLabel = "POLICY", defaultValue = "reject",
                description = "A value longer than its VARCHAR (65535 bytes at most): reject (default) or truncate "
                        + "(cut on a character, row flagged in _ferry_truncated).")
        String oversize = "reject";

        @Option(names = "--wide-decimal", paramLabel = "POLICY", defaultValue = "refuse",
                description = "A DECIMAL wider than 38 digits: refuse (default) or varchar (its exact text).")
        String wideDecimal = "refuse";

        @Option(names = "--without-table-attributes",
                description = "No DISTSTYLE/DISTKEY/SORTKEY: only for a PostgreSQL stand-in (the sandbox's pgbouncer).")
        boolean withoutTableAttributes;

        RedshiftOptions options() {
            RedshiftOptions o = RedshiftOptions.defaults().withOversize(RedshiftOptions.Oversize.parse(oversize))
                    .withWideDecimal(RedshiftOptions.WideDecimal.parse(wideDecimal));
            return withoutTableAttributes ? o.withoutTableAttributes() : o;
        }
    }

    String jobName() {
        return job != null ? job : source + "-to-" + target;
    }

    String describe() {
        return source + " → " + target + ", tables " + tables;
    }
}

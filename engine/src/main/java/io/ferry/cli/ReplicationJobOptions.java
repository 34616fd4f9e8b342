package io.ferry.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options that name a replication job, shared by {@code ferry replicate} and {@code ferry plan}. */
final class ReplicationJobOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "ferry.yaml",
            description = "The configuration file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--source", required = true, paramLabel = "NAME", description = "The MySQL/MariaDB connection in ferry.yaml.")
    String source;

    @Option(names = "--target", required = true, paramLabel = "NAME", description = "The PostgreSQL connection in ferry.yaml.")
    String target;

    @Option(names = "--tables", required = true, paramLabel = "PATTERNS",
            description = "schema.table patterns, comma-separated; * and ? are wildcards, !pattern excludes (e.g. 'shop.*,!shop.tmp_*').")
    String tables;

    @Option(names = "--job", paramLabel = "NAME", description = "The job name, which keys its checkpoint (default: SOURCE-to-TARGET).")
    String job;

    @Option(names = "--prepare", paramLabel = "MODE", defaultValue = "drop-and-create",
            description = "Target tables on the first run: drop-and-create, truncate or do-nothing (default: ${DEFAULT-VALUE}).")
    String prepare;

    String jobName() {
        return job != null ? job : source + "-to-" + target;
    }

    String describe() {
        return source + " → " + target + ", tables " + tables;
    }
}

package io.ferry.cli;

import io.ferry.replication.ReplicationPlan;
import io.ferry.replication.TableFilter;
import io.ferry.warehouse.Checkpoint;
import io.ferry.warehouse.CheckpointTable;
import io.ferry.warehouse.PostgresDialect;
import io.ferry.warehouse.TargetPreparation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code ferry plan}: what {@code ferry replicate} would do with the same options, without changing anything: the
 * tables, the pre-flight problems, the foreign-key actions, the DDL and the statements of a batch. Exit code 0 when
 * the job could start, 1 when the pre-flight found problems.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Shows what 'ferry replicate' would do with the same options, changing nothing:",
                "tables, pre-flight problems, foreign-key actions, target DDL and the SQL of a batch."})
public final class PlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "ferry.yaml",
            description = "The configuration file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--source", required = true, paramLabel = "NAME", description = "The MySQL/MariaDB connection in ferry.yaml.")
    String source;

    @Option(names = "--target", required = true, paramLabel = "NAME", description = "The PostgreSQL connection in ferry.yaml.")
    String target;

    @Option(names = "--tables", required = true, paramLabel = "PATTERNS",
            description = "schema.table patterns, comma-separated; * and ? are wildcards, !pattern excludes.")
    String tables;

    @Option(names = "--job", paramLabel = "NAME", description = "The job name (default: SOURCE-to-TARGET).")
    String job;

    @Option(names = "--prepare", paramLabel = "MODE", defaultValue = "drop-and-create",
            description = "drop-and-create, truncate or do-nothing (default: ${DEFAULT-VALUE}).")
    String prepare;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ReplicationEndpoints endpoints = ReplicationEndpoints.resolve(config, source, target);
        String name = job != null ? job : source + "-to-" + target;
        PostgresDialect dialect = new PostgresDialect();
        ReplicationPlan plan;
        try (Connection c = endpoints.source().connect()) {
            plan = ReplicationPlan.read(c, TableFilter.parse(tables));
        }
        Optional<Checkpoint> checkpoint;
        try (Connection w = endpoints.warehouse().connect()) {
            checkpoint = new CheckpointTable(dialect, Clock.systemUTC()).peek(w, name);
        }
        out.println("Plan for job " + name + ": " + source + " → " + target + ", tables " + tables + " (nothing is changed)");
        out.println();
        plan.describe(name, dialect, TargetPreparation.parse(prepare), checkpoint).forEach(out::println);
        out.flush();
        return plan.problems().isEmpty() ? 0 : 1;
    }
}

package io.ferry.cli;

import io.ferry.replication.ReplicationPlan;
import io.ferry.replication.ReplicationJobSpec;
import io.ferry.warehouse.Checkpoint;
import io.ferry.warehouse.CheckpointTable;
import io.ferry.warehouse.WarehouseDialect;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
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
        description = "Shows what 'ferry replicate' would do with the same options, changing nothing: "
                + "tables, pre-flight problems, foreign-key actions, target DDL and the SQL of a batch.")
public final class PlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReplicationJobOptions options;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ReplicationJobOptions.Resolved resolved = options.resolve(Optional.empty(), Optional.empty(), Optional.empty());
        ReplicationJobSpec job = resolved.spec();
        String name = job.name();
        WarehouseDialect dialect = job.dialect();
        ReplicationPlan plan;
        try (Connection c = job.source().connect()) {
            plan = ReplicationPlan.read(c, job.tables(), job.watermarks());
        }
        Optional<Checkpoint> checkpoint;
        try (Connection w = job.warehouse().connect()) {
            checkpoint = new CheckpointTable(dialect, Clock.systemUTC()).peek(w, name);
        }
        out.println("Plan for job " + name + ": " + ReplicationJobOptions.describe(resolved.job()) + " (nothing is changed)");
        out.println();
        plan.describe(name, dialect, job.preparation(), checkpoint).forEach(out::println);
        out.flush();
        return plan.problems().isEmpty() ? 0 : 1;
    }
}

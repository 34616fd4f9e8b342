package io.ferry.cli;

import io.ferry.replication.MySqlSource;
import io.ferry.replication.ReplicationBenchmark;
import io.ferry.replication.bench.ProcessCpu;
import io.ferry.sandbox.DatabaseEndpoint;
import io.ferry.sandbox.MariaDbServer;
import io.ferry.sandbox.Sandbox;
import io.ferry.sandbox.SandboxOptions;
import io.ferry.warehouse.WarehouseEndpoint;
import io.ferry.warehouse.WarehouseOpener;
import io.ferry.warehouse.redshift.RedshiftDialect;
import io.ferry.warehouse.redshift.RedshiftOpener;
import io.ferry.warehouse.redshift.RedshiftOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code ferry bench replication}: full load, catch-up, steady state and commit-to-visible latency of MariaDB →
 * PostgreSQL in a sandbox of its own, with CPU per process.
 */
@Command(name = "replication", mixinStandardHelpOptions = true,
        description = "Starts a sandbox (default durability on both servers), loads a table, then measures: catch-up of a "
                + "backlog written with the job stopped; steady state with the source written at full speed; p50/p99 "
                + "commit-to-visible latency at a paced source rate; CPU per process. Ends with: catchup_rows_per_s=... "
                + "steady_rows_per_s=... p50_ms=... p99_ms=... full_load_rows_per_s=...")
public final class ReplicationBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--changes", paramLabel = "N", defaultValue = "1000000",
            description = "Row changes in the catch-up backlog, a multiple of 1000 (default: ${DEFAULT-VALUE}).")
    long changes;

    @Option(names = "--full-load-rows", paramLabel = "N", defaultValue = "0",
            description = "Rows of the fully loaded table (default and minimum: 30 %% of --changes).")
    long fullLoadRows;

    @Option(names = "--phases", paramLabel = "LIST", defaultValue = "fullload,catchup,steady,latency",
            description = "Which phases to measure, comma-separated (default: ${DEFAULT-VALUE}); the full load always runs, "
                    + "the streaming phases follow it.")
    String phases;

    @Option(names = "--warmup-s", paramLabel = "S", defaultValue = "10",
            description = "Warm-up of the steady and latency phases, not measured (default: ${DEFAULT-VALUE}).")
    long warmupSeconds;

    @Option(names = "--steady-s", paramLabel = "S", defaultValue = "60",
            description = "Measured seconds of steady state (default: ${DEFAULT-VALUE}).")
    long steadySeconds;

    @Option(names = "--latency-s", paramLabel = "S", defaultValue = "60",
            description = "Measured seconds of the latency phase (default: ${DEFAULT-VALUE}).")
    long latencySeconds;

    @Option(names = "--latency-rate", paramLabel = "ROWS_PER_S", defaultValue = "10000",
            description = "Source row changes per second in the latency phase (default: ${DEFAULT-VALUE}).")
    long latencyRate;

    @Option(names = "--writers", paramLabel = "N", defaultValue = "2",
            description = "Connections writing the source at full speed in the steady phase (default: ${DEFAULT-VALUE}).")
    int writers;

    @Option(names = "--batch-rows", paramLabel = "N", defaultValue = "50000",
            description = "The job's batch size in row changes (default: ${DEFAULT-VALUE}, the job default).")
    int batchRows;

    @Option(names = "--batch-ms", paramLabel = "MS", defaultValue = "500",
            description = "The job's longest batch wait in milliseconds (default: ${DEFAULT-VALUE}, the job default).")
    long batchMillis;

    @Option(names = "--chunk-rows", paramLabel = "N", defaultValue = "50000",
            description = "The job's full-load chunk in rows (default: ${DEFAULT-VALUE}).")
    int chunkRows;

    @Option(names = "--dir", paramLabel = "DIR", description = "The benchmark sandbox's directory (default: a fresh one under ~/.ferry).")
    Path dir = SandboxOptions.defaultRoot().resolveSibling("bench-sandbox");

    @Option(names = "--dialect", paramLabel = "DIALECT", defaultValue = "postgresql",
            description = "postgresql (pgjdbc, COPY staging) or redshift (the Redshift JDBC driver through the sandbox's "
                    + "pgbouncer, multi-row INSERT staging) (default: ${DEFAULT-VALUE}).")
    String dialect;

    @Override
    public Integer call() throws Exception {
        boolean redshift = switch (dialect) {
            case "postgresql" -> false;
            case "redshift" -> true;
            default -> throw new IllegalArgumentException("--dialect is postgresql or redshift, not '" + dialect + "'");
        };
        ReplicationBenchmark.Options options = new ReplicationBenchmark.Options(ReplicationBenchmark.Phase.parse(phases), changes,
                fullLoadRows, Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(steadySeconds), Duration.ofSeconds(latencySeconds),
                latencyRate, batchRows, Duration.ofMillis(batchMillis), chunkRows, writers);
        PrintWriter out = spec.commandLine().getOut();
        out.println(ReplicationBenchmark.workload(options));
        out.println("          MariaDB 11.4 and PostgreSQL 17 of the sandbox on this machine, default durability (PostgreSQL fsync and "
                + "synchronous_commit on, InnoDB flush at commit); "
                + Runtime.getRuntime().availableProcessors() + " CPUs, load average " + String.format(java.util.Locale.ROOT, "%.1f",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()) + " before the start; " + (redshift
                ? "Redshift dialect: Redshift JDBC driver → pgbouncer → PostgreSQL, multi-row INSERT staging."
                : "PostgreSQL dialect: pgjdbc, COPY staging, MERGE."));
        out.flush();
        SandboxOptions sandboxOptions = new SandboxOptions(dir, MariaDbServer.Binaries.BUNDLED).withDurablePostgres();
        ReplicationBenchmark.Result result;
        try (Sandbox sandbox = Sandbox.start(redshift ? sandboxOptions.withPgBouncer() : sandboxOptions, m -> {
            out.println("  " + m);
            out.flush();
        })) {
            DatabaseEndpoint m = sandbox.endpoints().mariadb();
            DatabaseEndpoint p = sandbox.endpoints().postgres();
            WarehouseEndpoint warehouse = redshift ? sandbox.pgBouncer().warehouseEndpoint()
                    : new WarehouseEndpoint(p.jdbcUrl(), p.user(), p.password());
            WarehouseOpener opener = redshift
                    ? RedshiftOpener.withInsertStaging(new RedshiftDialect(RedshiftOptions.defaults().withoutTableAttributes()))
                    : WarehouseOpener.POSTGRES;
            ReplicationBenchmark bench = new ReplicationBenchmark(new MySqlSource(m.host(), m.port(), m.user(), m.password()),
                    warehouse, opener, line -> {
                        out.println(line);
                        out.flush();
                    }).cpuOf(ProcessCpu.ofSandbox(sandboxOptions.root()));
            result = bench.run(options);
        }
        // after the sandbox's stop messages: the figures are the last line
        out.println(result.keyValues() + " dialect=" + dialect + String.format(java.util.Locale.ROOT, " load_average=%.1f",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        out.flush();
        return result.equal() ? 0 : 1;
    }
}

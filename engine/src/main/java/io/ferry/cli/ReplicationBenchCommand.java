package io.ferry.cli;

import io.ferry.replication.MySqlSource;
import io.ferry.replication.ReplicationBenchmark;
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
import java.util.concurrent.Callable;

/** {@code ferry bench replication}: full load and catch-up of MariaDB → PostgreSQL in a sandbox of its own. */
@Command(name = "replication", mixinStandardHelpOptions = true,
        description = {"Starts a sandbox, loads a table, writes a backlog of row changes into the binlog with the job stopped,",
                "then measures how fast the job catches up. Ends with: catchup_rows_per_s=... full_load_rows_per_s=..."})
public final class ReplicationBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--changes", paramLabel = "N", defaultValue = "1000000",
            description = "Row changes in the catch-up backlog, a multiple of 1000 (default: ${DEFAULT-VALUE}).")
    long changes;

    @Option(names = "--full-load-rows", paramLabel = "N", defaultValue = "0",
            description = "Rows of the fully loaded table (default and minimum: 30 % of --changes).")
    long fullLoadRows;

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
        PrintWriter out = spec.commandLine().getOut();
        out.println("Workload: table ferry_bench.bench_rows, 8 columns, ~100 bytes a row; backlog of " + changes
                + " row changes in 1000-row transactions (700 inserts / 200 updates / 100 deletes), distinct keys;");
        out.println("          MariaDB and PostgreSQL 17 of the sandbox on this machine, default durability; "
                + Runtime.getRuntime().availableProcessors() + " CPUs; " + (redshift
                ? "Redshift dialect: Redshift JDBC driver → pgbouncer → PostgreSQL, multi-row INSERT staging."
                : "PostgreSQL dialect: pgjdbc, COPY staging, MERGE."));
        out.flush();
        SandboxOptions options = new SandboxOptions(dir, MariaDbServer.Binaries.BUNDLED);
        try (Sandbox sandbox = Sandbox.start(redshift ? options.withPgBouncer() : options, m -> {
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
                    });
            ReplicationBenchmark.Result result = bench.run(changes, fullLoadRows);
            out.println(result.keyValues() + " dialect=" + dialect);
            out.flush();
            return result.equal() ? 0 : 1;
        }
    }
}

package io.ferry.cli;

import io.ferry.replication.MySqlSource;
import io.ferry.replication.ReplicationJob;
import io.ferry.replication.ReplicationJobSpec;
import io.ferry.replication.ReplicationStatusLine;
import io.ferry.replication.TableFilter;
import io.ferry.warehouse.TargetPreparation;
import io.ferry.warehouse.WarehouseEndpoint;
import io.ferry.warehouse.redshift.RedshiftOpener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code ferry replicate}: runs one replication job in the foreground (full load, then the binlog stream) until
 * Ctrl-C, printing one status line a second. Stops cleanly: the batch in flight is committed with its checkpoint,
 * and the next run resumes from there.
 */
@Command(name = "replicate", mixinStandardHelpOptions = true,
        description = "Replicates MySQL/MariaDB tables to PostgreSQL or Redshift: full load, then change data capture from the binlog, "
                + "until Ctrl-C. A second run resumes from the checkpoint kept in the warehouse.")
public final class ReplicateCommand implements Callable<Integer> {
    private static final long DEFAULT_BATCH_MS = 500;
    private static final long REDSHIFT_BATCH_MS = 10_000;

    @Spec
    CommandSpec spec;

    @Mixin
    ReplicationJobOptions options;

    @Option(names = "--batch-rows", paramLabel = "N", defaultValue = "50000", description = "Rows per batch at most (default: ${DEFAULT-VALUE}).")
    int batchRows;

    @Option(names = "--batch-ms", paramLabel = "MS",
            description = "Milliseconds a batch waits at most (default: 500; 10000 into Redshift, whose commit queue punishes "
                    + "small commits).")
    Long batchMillis;

    @Option(names = "--resume-by", paramLabel = "MODE", defaultValue = "file",
            description = "How the binlog stream reconnects: file (binlog file and offset) or gtid (MariaDB GTID position) "
                    + "(default: ${DEFAULT-VALUE}).")
    String resumeBy;

    @Option(names = "--duration", paramLabel = "DURATION",
            description = "Stop by itself after this long, ISO-8601 (e.g. PT10M); default: run until Ctrl-C.")
    Duration duration;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ReplicationEndpoints endpoints = ReplicationEndpoints.resolve(options.config, options.source, options.target,
                options.redshift);
        MySqlSource mysql = endpoints.source();
        WarehouseEndpoint warehouse = endpoints.warehouse();
        String name = options.jobName();
        ReplicationJobSpec jobSpec = ReplicationJobSpec.of(name, mysql, warehouse, TableFilter.parse(options.tables),
                TargetPreparation.parse(options.prepare)).withBatch(batchRows, Duration.ofMillis(batchMillis != null ? batchMillis
                        : endpoints.opener() instanceof RedshiftOpener ? REDSHIFT_BATCH_MS : DEFAULT_BATCH_MS))
                .withResumeByGtid(resumeByGtid(resumeBy));
        ReplicationJob replication = new ReplicationJob(jobSpec, Clock.systemUTC(), endpoints.opener());

        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            replication.stop();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ferry-replicate-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ferry-replicate-status");
            t.setDaemon(true);
            return t;
        });
        ReplicationStatusLine status = new ReplicationStatusLine(replication.metrics(), mysql, Clock.systemUTC());
        out.println("Job " + name + ": " + options.describe() + " (Ctrl-C stops)");
        out.flush();
        ticker.scheduleAtFixedRate(() -> {
            out.println(status.next());
            out.flush();
        }, 1, 1, TimeUnit.SECONDS);
        if (duration != null) {
            ticker.schedule(replication::stop, duration.toMillis(), TimeUnit.MILLISECONDS);
        }
        try {
            replication.run();
            out.println(status.next());
            out.println("Stopped at " + replication.metrics().position() + "; the next run resumes there.");
            return 0;
        } finally {
            ticker.shutdownNow();
            status.close();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for finished
            }
            out.flush();
        }
    }

    private static boolean resumeByGtid(String mode) {
        return switch (mode) {
            case "file" -> false;
            case "gtid" -> true;
            default -> throw new IllegalArgumentException("--resume-by is file or gtid, not '" + mode + "'");
        };
    }
}

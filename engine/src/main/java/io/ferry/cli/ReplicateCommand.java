package io.ferry.cli;

import io.ferry.replication.MySqlSource;
import io.ferry.replication.ReplicationJob;
import io.ferry.replication.ReplicationJobSpec;
import io.ferry.replication.ReplicationStatusLine;
import io.ferry.replication.metrics.HeadProbe;
import io.ferry.replication.metrics.MetricsHistory;
import io.ferry.replication.metrics.MetricsSampler;
import io.ferry.replication.metrics.PurgeHorizonProbe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
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
    @Spec
    CommandSpec spec;

    @Mixin
    ReplicationJobOptions options;

    @Option(names = "--batch-rows", paramLabel = "N", description = "Rows per batch at most (default: the job's maxBatchRows, else 50000).")
    Integer batchRows;

    @Option(names = "--batch-ms", paramLabel = "MS",
            description = "Milliseconds a batch waits at most (default: the job's maxBatchDelay, else 500; 10000 into "
                    + "Redshift, whose commit queue punishes small commits).")
    Long batchMillis;

    @Option(names = "--resume-by", paramLabel = "MODE",
            description = "How the binlog stream reconnects: file (binlog file and offset) or gtid (MariaDB GTID position) "
                    + "(default: the job's positionMode, else file).")
    String resumeBy;

    @Option(names = "--duration", paramLabel = "DURATION",
            description = "Stop by itself after this long, ISO-8601 (e.g. PT10M); default: run until Ctrl-C.")
    Duration duration;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ReplicationJobOptions.Resolved resolved = options.resolve(Optional.ofNullable(batchRows),
                Optional.ofNullable(batchMillis).map(Duration::ofMillis),
                Optional.ofNullable(resumeBy).map(ReplicateCommand::resumeByGtid));
        ReplicationJobSpec jobSpec = resolved.spec();
        MySqlSource mysql = jobSpec.source();
        String name = jobSpec.name();
        ReplicationJob replication = new ReplicationJob(jobSpec, Clock.systemUTC());

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
        HeadProbe head = HeadProbe.of(mysql);
        MetricsSampler sampler = new MetricsSampler(head, PurgeHorizonProbe.of(name, mysql, jobSpec.serverId()),
                Clock.systemUTC(), MetricsHistory.lastHour());
        sampler.track(replication.metrics());
        out.println("Job " + name + ": " + ReplicationJobOptions.describe(resolved.job()) + " (Ctrl-C stops)");
        out.flush();
        ticker.scheduleAtFixedRate(() -> {
            out.println(ReplicationStatusLine.format(sampler.sample(), replication.metrics()));
            out.flush();
        }, 1, 1, TimeUnit.SECONDS);
        if (duration != null) {
            ticker.schedule(replication::stop, duration.toMillis(), TimeUnit.MILLISECONDS);
        }
        try {
            replication.run();
            ticker.shutdownNow();
            ticker.awaitTermination(5, TimeUnit.SECONDS);
            out.println(ReplicationStatusLine.format(sampler.sample(), replication.metrics()));
            out.println("Stopped at " + replication.metrics().position() + "; the next run resumes there.");
            return 0;
        } finally {
            ticker.shutdownNow();
            sampler.close();
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

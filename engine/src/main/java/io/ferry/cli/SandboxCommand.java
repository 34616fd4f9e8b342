package io.ferry.cli;

import io.ferry.sandbox.DatabaseEndpoint;
import io.ferry.sandbox.MariaDbServer;
import io.ferry.sandbox.OltpWorkload;
import io.ferry.sandbox.S3Endpoint;
import io.ferry.sandbox.Sandbox;
import io.ferry.sandbox.SandboxEndpoints;
import io.ferry.sandbox.SandboxOptions;
import io.ferry.sandbox.SandboxStartException;
import io.ferry.sandbox.WorkloadCounts;
import io.ferry.sandbox.druid.DruidCluster;
import io.ferry.sandbox.druid.DruidEndpoints;
import io.ferry.sandbox.druid.LambdaSandbox;
import io.ferry.druid.lambda.DeliveryReport;
import io.ferry.sandbox.SandboxConfigFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code ferry sandbox}: starts the local sandbox (MariaDB with the binlog on, PostgreSQL 17, S3), prints how to
 * connect, runs the synthetic OLTP workload with a status line every 10 s, and stops everything on Ctrl-C.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Starts a local MariaDB (binlog on), PostgreSQL 17 and S3 store with a synthetic workload; Ctrl-C stops them.")
public final class SandboxCommand implements Callable<Integer> {
    static final long WORKLOAD_SEED = 42;
    private static final long STATUS_EVERY_SECONDS = 10;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Sandbox directory, wiped at every start (default: ~/.ferry/sandbox).")
    Path dir = SandboxOptions.defaultRoot();

    @Option(names = "--rate", paramLabel = "ROWS_PER_SECOND", defaultValue = "200",
            description = "Rows per second the OLTP workload writes into MariaDB (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--no-workload", description = "Start the servers only, without the OLTP workload.")
    boolean noWorkload;

    @Option(names = "--system-mariadb",
            description = "Run the machine's /usr/sbin/mariadbd instead of the bundled MariaDB 11.4 (starts faster).")
    boolean systemMariaDb;

    @Option(names = "--with-druid",
            description = "Also start a local Druid 33 (coordinator/overlord, broker, hot and cold historicals, indexer) "
                    + "and a Kafka 4 broker, with ZooKeeper (about 1.8 GB of memory; jars from druid-runtime/target/lib), "
                    + "as a lambda setup: synthetic ad events into Kafka, a Kafka supervisor into datasource ad_events, "
                    + "and the raw hourly event files in S3.")
    boolean withDruid;

    @Option(names = "--druid-hours", paramLabel = "HOURS", defaultValue = "2",
            description = "With --with-druid: whole hours before now to back-fill through Kafka and as raw files (default: ${DEFAULT-VALUE}).")
    int druidHours;

    @Option(names = "--druid-events-per-hour", paramLabel = "EVENTS", defaultValue = "36000",
            description = "With --with-druid: ad events per hour, back-filled and live (default: ${DEFAULT-VALUE}).")
    int druidEventsPerHour;

    @Option(names = "--druid-drop", paramLabel = "FRACTION", defaultValue = "0.01",
            description = "With --with-druid: fraction of events the producer loses before Kafka (default: ${DEFAULT-VALUE}).")
    double druidDrop;

    @Option(names = "--druid-duplicate", paramLabel = "FRACTION", defaultValue = "0.01",
            description = "With --with-druid: fraction of events the producer sends twice (default: ${DEFAULT-VALUE}).")
    double druidDuplicate;

    @Option(names = "--druid-seed", paramLabel = "SEED", defaultValue = "42",
            description = "With --with-druid: seed of the events and of the drops and duplicates (default: ${DEFAULT-VALUE}).")
    long druidSeed;

    @Option(names = "--druid-late-rejection", paramLabel = "DURATION",
            description = "With --with-druid: the supervisor's lateMessageRejectionPeriod, ISO-8601 (e.g. PT3H); default: "
                    + "the shortest that keeps the back-filled hours (hours + 1 h + 10 min).")
    Duration druidLateRejection;

    @Option(names = "--no-druid-feed",
            description = "With --with-druid: back-fill only, no live feed of the current hour.")
    boolean noDruidFeed;

    @Override
    public Integer call() throws Exception {
        if (!noWorkload && !(rate > 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--rate must be a positive number of rows per second, got " + rate + " (or use --no-workload)");
        }
        LambdaSandbox.Options lambdaOptions = withDruid ? lambdaOptions() : null;
        PrintWriter out = spec.commandLine().getOut();
        SandboxOptions options = new SandboxOptions(dir,
                systemMariaDb ? MariaDbServer.Binaries.SYSTEM : MariaDbServer.Binaries.BUNDLED);
        out.println("Starting the Ferry sandbox in " + options.root() + " ...");
        out.flush();

        Sandbox sandbox = Sandbox.start(options, message -> {
            out.println("  " + message);
            out.flush();
        });
        DruidCluster druid = null;
        LambdaSandbox lambda = null;
        if (withDruid) {
            Consumer<String> progress = message -> {
                out.println("  " + message);
                out.flush();
            };
            try {
                druid = DruidCluster.start(options.root().resolve("druid"), progress);
                DruidEndpoints d = druid.endpoints();
                lambda = LambdaSandbox.start(d, sandbox.endpoints().s3(), lambdaOptions, progress);
                SandboxConfigFile.appendDruid(sandbox.endpoints().configFile(), d.coordinator(), d.broker(), d.kafkaBootstrapServers());
            } catch (Exception e) {
                if (lambda != null) {
                    lambda.close();
                }
                if (druid != null) {
                    druid.close();
                }
                sandbox.close();
                if (e instanceof SandboxStartException) {
                    throw e;
                }
                throw new SandboxStartException("The Druid lambda setup failed: " + (e.getMessage() == null ? e : e.getMessage()), e);
            }
        }
        DruidCluster druidCluster = druid;
        LambdaSandbox lambdaSetup = lambda;
        OltpWorkload workload = noWorkload ? null : new OltpWorkload(sandbox.endpoints().mariadb(), rate, WORKLOAD_SEED);
        CountDownLatch stopping = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(out, sandbox, druidCluster, lambdaSetup, workload, stopping),
                "ferry-sandbox-stop"));

        printConnections(out, sandbox);
        if (druid != null) {
            printDruid(out, druid);
            printLambda(out, lambda, sandbox.endpoints().s3(), druid.endpoints().broker());
        }
        if (workload != null) {
            workload.start();
            out.printf(Locale.ROOT, "Workload: %.0f rows/s of inserts, updates and deletes into shop (%s). Ctrl-C stops everything.%n",
                    rate, String.join(", ", io.ferry.sandbox.OltpSchema.TABLES));
        } else {
            out.println("No workload. Ctrl-C stops everything.");
        }
        out.flush();

        WorkloadCounts previous = workload == null ? null : workload.counts();
        long previousMessages = lambda == null ? 0 : lambda.messagesSent();
        while (!stopping.await(STATUS_EVERY_SECONDS, TimeUnit.SECONDS)) {
            if (workload != null) {
                WorkloadCounts now = workload.counts();
                out.println(statusLine(now, previous, workload.lastError()));
                out.flush();
                previous = now;
            }
            if (lambda != null) {
                long messages = lambda.messagesSent();
                out.println(lambdaStatusLine(lambda, messages - previousMessages));
                out.flush();
                previousMessages = messages;
            }
        }
        return 0;
    }

    private LambdaSandbox.Options lambdaOptions() {
        Duration rejection = druidLateRejection != null ? druidLateRejection : LambdaSandbox.Options.rejectionFor(Math.max(0, druidHours));
        try {
            LambdaSandbox.Options o = new LambdaSandbox.Options(druidHours, druidEventsPerHour, druidDrop, druidDuplicate, druidSeed,
                    rejection, !noDruidFeed);
            o.checkBackfillFitsRejection(Instant.now());
            return o;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    static String lambdaStatusLine(LambdaSandbox lambda, long messagesInInterval) {
        String line = String.format(Locale.ROOT, "[%s] ad events: %,d Kafka messages sent (%.0f/s), %d live hours written to S3",
                LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")), lambda.messagesSent(),
                messagesInInterval / (double) STATUS_EVERY_SECONDS, lambda.liveHoursWritten());
        return lambda.liveError() == null ? line : line + "; the live feed stopped: " + lambda.liveError();
    }

    static void printLambda(PrintWriter out, LambdaSandbox lambda, S3Endpoint s3, java.net.URI broker) {
        var spec = lambda.supervisorSpec();
        DeliveryReport b = lambda.backfill();
        out.println("Lambda setup: ad events -> Kafka topic " + spec.topic() + " -> supervisor " + lambda.supervisorId()
                + " -> datasource " + spec.dataSource());
        out.println("  supervisor: taskDuration " + spec.taskDuration() + ", completionTimeout " + spec.completionTimeout()
                + ", lateMessageRejectionPeriod " + spec.lateMessageRejectionPeriod() + ", earliest offsets");
        if (b.events() > 0) {
            out.printf(Locale.ROOT, "  back-filled %s .. %s: %,d events, %,d dropped, %,d sent twice: SUM(\"count\") in Druid will be %,d%n",
                    lambda.backfillFrom(), lambda.backfillTo(), b.events(), b.dropped(), b.duplicated(), b.expectedInDruid());
        }
        out.printf("  raw hourly files: s3://%s/%s, and %s once an hour is complete%n",
                s3.bucket(), lambda.writer().layout(), io.ferry.druid.lambda.RawEventLayout.MANIFEST);
        String query = "SELECT FLOOR(__time TO HOUR) AS hour_start, SUM(\\\"count\\\") AS events FROM " + spec.dataSource() + " GROUP BY 1";
        out.println("  curl -s -X POST -H 'Content-Type: application/json' " + broker + "/druid/v2/sql -d '{\"query\":\"" + query + "\"}'");
        out.println();
    }

    private static void stop(PrintWriter out, Sandbox sandbox, DruidCluster druid, LambdaSandbox lambda, OltpWorkload workload,
                             CountDownLatch stopping) {
        stopping.countDown();
        out.println();
        out.println("Stopping the sandbox ...");
        out.flush();
        try {
            if (workload != null) {
                workload.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (lambda != null) {
            lambda.close();
        }
        if (druid != null) {
            druid.close();
        }
        sandbox.close();
        out.println("All sandbox servers stopped; their files stay in " + sandbox.root() + " until the next start.");
        out.flush();
    }

    static String statusLine(WorkloadCounts now, WorkloadCounts previous, String lastError) {
        double perSecond = (now.rows() - previous.rows()) / (double) STATUS_EVERY_SECONDS;
        String line = String.format(Locale.ROOT, "[%s] workload: %,d inserts, %,d updates, %,d deletes in %,d transactions (%.0f rows/s), %d errors",
                LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")), now.inserts(), now.updates(), now.deletes(),
                now.transactions(), perSecond, now.errors());
        return now.errors() > previous.errors() && lastError != null ? line + "; last: " + lastError : line;
    }

    static void printDruid(PrintWriter out, DruidCluster druid) {
        DruidEndpoints d = druid.endpoints();
        out.printf(Locale.ROOT, "Druid 33 (started in %.1f s; files and logs in %s)%n", druid.startupTime().toMillis() / 1000.0, druid.root());
        out.println("  coordinator and overlord  " + d.coordinator() + "   (tasks: " + d.overlord() + "/druid/indexer/v1/tasks)");
        out.println("  broker (SQL)              " + d.broker() + "/druid/v2/sql");
        d.dataServers().forEach((name, url) -> out.printf("  %-25s %s%n", name, url));
        out.println("  ZooKeeper                 " + d.zookeeper());
        out.println("  Load rules: the last " + DruidCluster.HOT_PERIOD + " in tier 'hot', older data in tier 'cold', one replica.");
        out.printf("  curl -s -X POST -H 'Content-Type: application/json' %s/druid/v2/sql -d '{\"query\":\"SELECT * FROM sys.servers\"}'%n", d.broker());
        out.println("Kafka 4 (KRaft, single node)   bootstrap servers " + d.kafkaBootstrapServers());
        out.println("  Resident memory (MiB): " + druid.residentMegabytes());
        out.println();
    }

    private static void printConnections(PrintWriter out, Sandbox sandbox) {
        SandboxEndpoints e = sandbox.endpoints();
        DatabaseEndpoint maria = e.mariadb();
        DatabaseEndpoint pg = e.postgres();
        S3Endpoint s3 = e.s3();
        out.println();
        out.println("Ferry sandbox ready in " + String.format(Locale.ROOT, "%.1f s", sandbox.startupTime().toMillis() / 1000.0)
                + ". Passwords are in files readable only by you.");
        out.println();
        out.printf("MariaDB (source: binlog ROW, full images and metadata, GTID)   %s:%d   user %s   database %s%n",
                maria.host(), maria.port(), maria.user(), maria.database());
        out.println("  password file: " + maria.passwordFile());
        out.printf("  mariadb --skip-ssl -h %s -P %d -u %s -p\"$(cat %s)\" %s%n",
                maria.host(), maria.port(), maria.user(), ShellQuote.quote(maria.passwordFile().toString()), maria.database());
        out.println();
        out.printf("PostgreSQL 17 (warehouse)   %s:%d   user %s   database %s%n", pg.host(), pg.port(), pg.user(), pg.database());
        out.println("  password file: " + pg.passwordFile());
        out.printf("  PGPASSWORD=\"$(cat %s)\" psql -h %s -p %d -U %s %s%n",
                ShellQuote.quote(pg.passwordFile().toString()), pg.host(), pg.port(), pg.user(), pg.database());
        out.println();
        out.printf("S3 (S3Proxy)   %s   bucket %s   region %s   path-style, signature v4%n", s3.endpoint(), s3.bucket(), s3.region());
        out.println("  access key file: " + s3.accessKeyFile());
        out.println("  secret key file: " + s3.secretKeyFile());
        out.printf("  AWS_ACCESS_KEY_ID=\"$(cat %s)\" AWS_SECRET_ACCESS_KEY=\"$(cat %s)\" aws --endpoint-url %s --region %s s3 ls s3://%s/%n",
                ShellQuote.quote(s3.accessKeyFile().toString()), ShellQuote.quote(s3.secretKeyFile().toString()),
                s3.endpoint(), s3.region(), s3.bucket());
        out.println();
        out.println("Ferry configuration for these connections: " + e.configFile());
        out.println("  ./ferry check --config " + ShellQuote.quote(e.configFile().toString()));
        out.println();
    }
}

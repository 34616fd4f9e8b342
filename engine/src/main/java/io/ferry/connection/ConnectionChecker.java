package io.ferry.connection;

import io.ferry.config.AwsConnectionConfig;
import io.ferry.config.ConnectionConfig;
import io.ferry.config.DruidConnectionConfig;
import io.ferry.config.FerryConfig;
import io.ferry.config.KafkaConnectionConfig;
import io.ferry.config.MySqlConnectionConfig;
import io.ferry.config.S3ConnectionConfig;
import io.ferry.config.SecretRegistry;
import io.ferry.config.SecretResolver;
import io.ferry.config.WarehouseConnectionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Tries connections and says, in plain words, whether each works: the server version when it does, the
 * precise reason when it does not (unknown host, refused, timed out, authentication failed, TLS, missing
 * database, unresolvable secret). Never puts a secret in a result.
 */
public final class ConnectionChecker {
    /** The default connect timeout of each check. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionChecker.class);

    private final Duration timeout;
    private final Clock clock;
    private final MySqlProbe mysql;
    private final WarehouseProbe warehouse;
    private final S3Probe s3;
    private final DruidProbe druid;
    private final KafkaProbe kafka;
    private final AwsProbe aws;

    public ConnectionChecker(SecretResolver secrets, Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
        SecretLookup lookup = new SecretLookup(secrets);
        this.mysql = new MySqlProbe(lookup, timeout);
        this.warehouse = new WarehouseProbe(lookup, timeout);
        this.s3 = new S3Probe(lookup, timeout);
        this.druid = new DruidProbe(timeout);
        this.kafka = new KafkaProbe(timeout);
        this.aws = new AwsProbe(lookup);
    }

    /** A checker for a loaded configuration: its secrets, the default timeout, the system clock. */
    public static ConnectionChecker forConfig(FerryConfig config) {
        return new ConnectionChecker(SecretResolver.forConfig(config), DEFAULT_TIMEOUT, Clock.systemUTC());
    }

    public CheckResult check(ConnectionConfig connection) {
        Instant start = clock.instant();
        long t0 = System.nanoTime();
        boolean ok;
        String detail;
        try {
            detail = probe(connection);
            ok = true;
        } catch (CheckFailure e) {
            detail = e.getMessage();
            ok = false;
        } catch (RuntimeException e) {
            LOG.warn("Checking connection {} failed unexpectedly", connection.name(), e);
            detail = "unexpected error: " + e;
            ok = false;
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - t0);
        return new CheckResult(connection.name(), connection.type(), connection.target(), ok,
                SecretRegistry.mask(detail), latency, start.plus(latency));
    }

    /** Checks all connections in parallel; results in the given order. */
    public List<CheckResult> checkAll(Collection<ConnectionConfig> connections) {
        if (connections.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(connections.size(), r -> {
            Thread t = new Thread(r, "ferry-check");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<CheckResult>> futures = new ArrayList<>();
            for (ConnectionConfig c : connections) {
                futures.add(pool.submit(() -> check(c)));
            }
            List<CheckResult> results = new ArrayList<>();
            Duration limit = timeout.multipliedBy(4);
            int i = 0;
            for (ConnectionConfig c : connections) {
                results.add(await(futures.get(i++), c, limit));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private CheckResult await(Future<CheckResult> future, ConnectionConfig c, Duration limit) {
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new CheckResult(c.name(), c.type(), c.target(), false, "timed out: no answer within "
                    + NetworkFailures.seconds(limit), limit, clock.instant());
        } catch (ExecutionException e) {
            return new CheckResult(c.name(), c.type(), c.target(), false, "unexpected error: " + e.getCause(),
                    Duration.ZERO, clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CheckResult(c.name(), c.type(), c.target(), false, "interrupted", Duration.ZERO, clock.instant());
        }
    }

    private String probe(ConnectionConfig c) throws CheckFailure {
        if (c instanceof MySqlConnectionConfig m) {
            return mysql.probe(m);
        } else if (c instanceof WarehouseConnectionConfig w) {
            return warehouse.probe(w);
        } else if (c instanceof S3ConnectionConfig s) {
            return s3.probe(s);
        } else if (c instanceof DruidConnectionConfig d) {
            return druid.probe(d);
        } else if (c instanceof KafkaConnectionConfig k) {
            return kafka.probe(k);
        } else if (c instanceof AwsConnectionConfig a) {
            return aws.probe(a);
        }
        throw new CheckFailure("no check for connections of type " + c.type().yamlName());
    }
}

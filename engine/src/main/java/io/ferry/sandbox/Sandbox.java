package io.ferry.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The local sandbox: a MariaDB source (binlog on), a PostgreSQL 17 warehouse and an S3 store, started in
 * parallel on free ports under one root directory, health-checked, described in {@code <root>/ferry.yaml},
 * and stopped in reverse order by {@link #close()} (or, as a last resort, by a JVM shutdown hook).
 * The same launcher serves {@code ferry sandbox} and every {@code *IT} test.
 */
public final class Sandbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);

    private final Path root;
    private final List<AutoCloseable> stopOrder = new ArrayList<>();
    private final Thread shutdownHook;
    private MariaDbServer mariadb;
    private PostgresServer postgres;
    private S3Server s3;
    private SandboxEndpoints endpoints;
    private Duration startupTime;
    private Consumer<String> progress;
    private boolean closed;

    private Sandbox(Path root, Consumer<String> progress) {
        this.root = root;
        this.progress = progress;
        this.shutdownHook = new Thread(this::closeQuietly, "ferry-sandbox-shutdown");
    }

    /**
     * Starts the three servers in parallel in a clean {@code options.root()}. Returns once each has passed a
     * health check (a real query or signed request). If any fails, the ones that started are stopped again
     * and a {@link SandboxStartException} says which failed and why.
     */
    public static Sandbox start(SandboxOptions options, Consumer<String> progress) throws SandboxStartException {
        long started = System.nanoTime();
        Sandbox sandbox = new Sandbox(options.root(), progress);
        Runtime.getRuntime().addShutdownHook(sandbox.shutdownHook);
        try {
            SandboxDirectory.prepareClean(options.root());
            sandbox.startServers(options);
            sandbox.startupTime = Duration.ofNanos(System.nanoTime() - started);
            progress.accept("Sandbox ready in " + seconds(sandbox.startupTime) + "; connections in " + sandbox.endpoints.configFile());
            return sandbox;
        } catch (SandboxStartException e) {
            sandbox.close();
            throw e;
        } catch (Exception e) {
            sandbox.close();
            throw new SandboxStartException("The sandbox could not start in " + options.root() + ": " + e.getMessage(), e);
        }
    }

    private void startServers(SandboxOptions options) throws Exception {
        Path secrets = root.resolve("secrets");
        ExecutorService pool = Executors.newFixedThreadPool(3, r -> {
            Thread t = new Thread(r, "ferry-sandbox-start");
            t.setDaemon(true);
            return t;
        });
        try {
            String mariaKind = options.mariaDbBinaries() == MariaDbServer.Binaries.BUNDLED
                    ? "bundled MariaDB 11.4" : "system mariadbd";
            Future<MariaDbServer> maria = pool.submit(timed("MariaDB (" + mariaKind + ")", () -> MariaDbServer.start(
                    root.resolve("mariadb"), options.mariaDbBinaries(), secrets.resolve("sandbox-mariadb.password")),
                    s -> s.endpoint().port()));
            Future<PostgresServer> pg = pool.submit(timed("PostgreSQL 17", () -> PostgresServer.start(
                    root.resolve("postgres"), secrets.resolve("sandbox-postgres.password")),
                    s -> s.endpoint().port()));
            Future<S3Server> store = pool.submit(timed("S3 (S3Proxy)", () -> S3Server.start(root.resolve("s3"),
                    secrets.resolve("sandbox-s3.access-key"), secrets.resolve("sandbox-s3.secret-key")),
                    s -> s.endpoint().endpoint().getPort()));

            // Collect every outcome before deciding, so that whatever did start is known and gets stopped.
            List<String> failures = new ArrayList<>();
            mariadb = collect(maria, "MariaDB", failures);
            postgres = collect(pg, "PostgreSQL", failures);
            s3 = collect(store, "S3", failures);
            if (mariadb != null) {
                stopOrder.add(0, mariadb);
            }
            if (postgres != null) {
                stopOrder.add(0, postgres);
            }
            if (s3 != null) {
                stopOrder.add(0, s3);
            }
            if (!failures.isEmpty()) {
                throw new SandboxStartException("The sandbox could not start: " + String.join("; ", failures)
                        + ". Server files and logs are in " + root, null);
            }
        } finally {
            pool.shutdownNow();
        }
        Path configFile = SandboxConfigFile.write(root.resolve("ferry.yaml"),
                mariadb.endpoint(), postgres.endpoint(), s3.endpoint());
        endpoints = new SandboxEndpoints(mariadb.endpoint(), postgres.endpoint(), s3.endpoint(), configFile);
    }

    private <T> Callable<T> timed(String name, Callable<T> start, java.util.function.ToIntFunction<T> port) {
        return () -> {
            long t0 = System.nanoTime();
            progress.accept("Starting " + name + "...");
            T server = start.call();
            progress.accept(name + " ready on 127.0.0.1:" + port.applyAsInt(server)
                    + " (" + seconds(Duration.ofNanos(System.nanoTime() - t0)) + ")");
            return server;
        };
    }

    private static <T> T collect(Future<T> future, String name, List<String> failures) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            LOG.debug("{} failed to start", name, cause);
            failures.add(name + " failed: " + (cause.getMessage() == null ? cause.toString() : cause.getMessage()));
            return null;
        }
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    public SandboxEndpoints endpoints() {
        return endpoints;
    }

    public MariaDbServer mariadb() {
        return mariadb;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public S3Server s3() {
        return s3;
    }

    public Path root() {
        return root;
    }

    /** From the call to {@link #start} until every server had passed its health check. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Stops S3, PostgreSQL, then MariaDB; every one is attempted even if another fails. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (AutoCloseable server : stopOrder) {
            try {
                server.close();
            } catch (Exception e) {
                LOG.warn("Stopping {} failed: {}", server.getClass().getSimpleName(), e.getMessage());
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // called from the hook itself
        }
        progress.accept("Sandbox stopped");
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            LOG.warn("Stopping the sandbox from the shutdown hook failed: {}", e.getMessage());
        }
    }
}

package io.ferry.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * The local sandbox: a MariaDB source (binlog on), a PostgreSQL 17 warehouse and an S3 store, started in
 * parallel on free ports under one root directory, health-checked, described in {@code <root>/ferry.yaml},
 * and stopped in reverse order by {@link #close()} (or, as a last resort, by a JVM shutdown hook).
 * The same launcher serves {@code ferry sandbox} and every {@code *IT} test.
 */
public final class Sandbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);
    /** How long close() waits for a server still starting, so that it can be stopped too (Ctrl-C at start-up). */
    private static final Duration START_WAIT_ON_CLOSE = Duration.ofSeconds(90);

    private final Path root;
    private final Consumer<String> progress;
    private final Thread shutdownHook;
    /** Servers that are up, most recent first: the order to stop them in. */
    private final List<AutoCloseable> stopOrder = new ArrayList<>();
    private final List<Future<?>> starting = new ArrayList<>();
    private MariaDbServer mariadb;
    private PostgresServer postgres;
    private S3Server s3;
    private PgBouncerServer pgBouncer;
    private SandboxEndpoints endpoints;
    private Duration startupTime;
    private boolean closed;
    private volatile boolean stoppedByShutdown;
    private final java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);

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
        return start(options, SandboxServers.real(options), progress);
    }

    static Sandbox start(SandboxOptions options, SandboxServers servers, Consumer<String> progress) throws SandboxStartException {
        long started = System.nanoTime();
        Sandbox sandbox = new Sandbox(options.root(), progress);
        Runtime.getRuntime().addShutdownHook(sandbox.shutdownHook);
        try {
            SandboxDirectory.prepareClean(options.root());
            sandbox.startServers(options, servers);
            sandbox.startupTime = Duration.ofNanos(System.nanoTime() - started);
            progress.accept("Sandbox ready in " + seconds(sandbox.startupTime) + "; connections in " + sandbox.endpoints.configFile());
            return sandbox;
        } catch (SandboxStartException e) {
            sandbox.close();
            if (sandbox.stoppedByShutdown) {
                throw new SandboxStartException("The sandbox was stopped while starting (Ctrl-C or JVM shutdown); "
                        + "nothing is left running", e);
            }
            throw e;
        } catch (Exception e) {
            sandbox.close();
            throw new SandboxStartException("The sandbox could not start in " + options.root() + ": " + e.getMessage(), e);
        }
    }

    private void startServers(SandboxOptions options, SandboxServers servers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3, r -> {
            Thread t = new Thread(r, "ferry-sandbox-start");
            t.setDaemon(true);
            return t;
        });
        try {
            String mariaKind = options.mariaDbBinaries() == MariaDbServer.Binaries.BUNDLED ? "bundled MariaDB 11.4" : "system mariadbd";
            Future<MariaDbServer> maria = submit(pool, "MariaDB (" + mariaKind + ")", servers.mariadb(), s -> s.endpoint().port());
            Future<PostgresServer> pg = submit(pool, "PostgreSQL 17", servers.postgres(), s -> s.endpoint().port());
            Future<S3Server> store = submit(pool, "S3 (S3Proxy)", servers.s3(), s -> s.endpoint().endpoint().getPort());

            // Every outcome is collected before deciding; whatever did start is already registered for stopping.
            List<String> failures = new ArrayList<>();
            mariadb = collect(maria, "MariaDB", failures);
            postgres = collect(pg, "PostgreSQL", failures);
            s3 = collect(store, "S3", failures);
            if (!failures.isEmpty()) {
                throw new SandboxStartException("The sandbox could not start: " + String.join("; ", failures)
                        + ". Server files and logs are in " + root, null);
            }
        } finally {
            pool.shutdown();
        }
        if (options.pgBouncer()) {
            startPgBouncer();
        }
        Path configFile = SandboxConfigFile.write(root.resolve("ferry.yaml"), mariadb.endpoint(), postgres.endpoint(), s3.endpoint(),
                pgBouncer == null ? null : pgBouncer.endpoint());
        endpoints = new SandboxEndpoints(mariadb.endpoint(), postgres.endpoint(), s3.endpoint(), configFile);
    }

    /** After PostgreSQL, which it fronts. */
    private void startPgBouncer() throws Exception {
        long t0 = System.nanoTime();
        progress.accept("Starting pgbouncer (Redshift-like endpoint)...");
        try {
            pgBouncer = PgBouncerServer.start(root.resolve("pgbouncer"), postgres.endpoint());
        } catch (Exception e) {
            throw new SandboxStartException("The sandbox could not start: pgbouncer failed: " + e.getMessage()
                    + ". Server files and logs are in " + root, e);
        }
        registerStarted(pgBouncer);
        progress.accept("pgbouncer ready on 127.0.0.1:" + pgBouncer.endpoint().port() + " ("
                + seconds(Duration.ofNanos(System.nanoTime() - t0)) + ")");
    }

    private <T extends AutoCloseable> Future<T> submit(ExecutorService pool, String name, SandboxServers.Start<T> start,
                                                       ToIntFunction<T> port) {
        Future<T> future = pool.submit(() -> {
            long t0 = System.nanoTime();
            progress.accept("Starting " + name + "...");
            T server = start.start(root);
            registerStarted(server);
            progress.accept(name + " ready on 127.0.0.1:" + port.applyAsInt(server)
                    + " (" + seconds(Duration.ofNanos(System.nanoTime() - t0)) + ")");
            return server;
        });
        synchronized (starting) {
            starting.add(future);
        }
        return future;
    }

    private void registerStarted(AutoCloseable server) throws Exception {
        synchronized (stopOrder) {
            if (!closed) {
                stopOrder.add(0, server);
                return;
            }
        }
        server.close(); // the sandbox was closed while this server was starting
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

    /** pgbouncer in front of PostgreSQL, when the options asked for it; else null. */
    public PgBouncerServer pgBouncer() {
        return pgBouncer;
    }

    public Path root() {
        return root;
    }

    /** From the call to {@link #start} until every server had passed its health check. */
    public Duration startupTime() {
        return startupTime;
    }

    /**
     * Stops S3, PostgreSQL, then MariaDB (reverse order of start-up); every one is attempted even if another
     * fails, and a server still starting is waited for and stopped too. Idempotent.
     */
    @Override
    public void close() {
        boolean first;
        synchronized (stopOrder) {
            first = !closed;
            closed = true;
        }
        if (!first) {
            awaitStopped(); // another thread (the shutdown hook, say) is stopping: return only once it is done
            return;
        }
        try {
            stopAll();
        } finally {
            stopped.countDown();
        }
    }

    private void stopAll() {
        List<AutoCloseable> toStop;
        awaitStarting();
        synchronized (stopOrder) {
            toStop = List.copyOf(stopOrder);
        }
        for (AutoCloseable server : ordered(toStop)) {
            try {
                server.close();
            } catch (Exception e) {
                LOG.warn("Stopping {} failed: {}", server.getClass().getSimpleName(), e.getMessage());
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // called from the hook itself, or during JVM shutdown
        }
        progress.accept("Sandbox stopped");
    }

    private void awaitStopped() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** S3 first, MariaDB last, whatever order they finished starting in. */
    private static List<AutoCloseable> ordered(List<AutoCloseable> servers) {
        List<AutoCloseable> ordered = new ArrayList<>();
        servers.stream().filter(S3Server.class::isInstance).forEach(ordered::add);
        servers.stream().filter(PgBouncerServer.class::isInstance).forEach(ordered::add);
        servers.stream().filter(PostgresServer.class::isInstance).forEach(ordered::add);
        servers.stream().filter(MariaDbServer.class::isInstance).forEach(ordered::add);
        servers.stream().filter(s -> !ordered.contains(s)).forEach(ordered::add);
        return ordered;
    }

    private void awaitStarting() {
        List<Future<?>> futures;
        synchronized (starting) {
            futures = List.copyOf(starting);
        }
        long deadline = System.nanoTime() + START_WAIT_ON_CLOSE.toNanos();
        for (Future<?> future : futures) {
            try {
                future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | CancellationException failedToStart) {
                // nothing to stop
            } catch (TimeoutException e) {
                LOG.warn("A sandbox server was still starting after {} s; it may be left running under {}",
                        START_WAIT_ON_CLOSE.toSeconds(), root);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void closeQuietly() {
        stoppedByShutdown = true;
        try {
            close();
        } catch (RuntimeException e) {
            LOG.warn("Stopping the sandbox from the shutdown hook failed: {}", e.getMessage());
        }
    }
}

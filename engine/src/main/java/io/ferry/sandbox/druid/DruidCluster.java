package io.ferry.sandbox.druid;

import io.ferry.druid.CoordinatorClient;
import io.ferry.druid.DruidClient;
import io.ferry.druid.DruidException;
import io.ferry.druid.OverlordClient;
import io.ferry.sandbox.FreePorts;
import io.ferry.sandbox.SandboxStartException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A real local Druid 33 and Kafka 4, each service a child JVM with its own directory, configuration and log under
 * one root: ZooKeeper, a coordinator that is also the overlord (with Derby as metadata store inside it), a broker,
 * two historicals in tiers {@code hot} and {@code cold}, an indexer (3 task slots), and a single-node KRaft Kafka.
 *
 * <p>{@link #start} waits until every service is healthy, then sets the load rules (the last
 * {@value #HOT_PERIOD} in the hot tier, older data in the cold tier, one replica each) and the coordinator's
 * 5 s delay before overshadowed segments are marked unused: both live in the metadata store, which is new at
 * every start. {@link #close} stops the Druid JVMs first, then Kafka, then ZooKeeper (Druid hangs in shutdown
 * without ZooKeeper); a JVM shutdown hook does the same if the caller does not.
 */
public final class DruidCluster implements AutoCloseable {
    /** Segments whose interval overlaps this period before now (or the future) are kept in the hot tier. */
    public static final String HOT_PERIOD = "P7D";
    public static final String HOT_TIER = DruidService.HOT_TIER;
    public static final String COLD_TIER = DruidService.COLD_TIER;

    private static final Logger LOG = LoggerFactory.getLogger(DruidCluster.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration DRUID_STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final Path root;
    private final Consumer<String> progress;
    private final Thread shutdownHook;
    private final Object lock = new Object();
    private final List<ChildJvm> druid = new ArrayList<>();
    /** Every started child with the name errors use for it ("Druid broker", "Kafka"), in start order. */
    private final Map<ChildJvm, String> labels = new LinkedHashMap<>();
    private ChildJvm zookeeper;
    private ChildJvm kafka;
    private DruidEndpoints endpoints;
    private Duration startupTime;
    private boolean closed;
    private final java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);

    private DruidCluster(Path root, Consumer<String> progress) {
        this.root = root;
        this.progress = progress;
        this.shutdownHook = new Thread(this::close, "ferry-druid-shutdown");
    }

    /**
     * Starts the cluster in {@code root} (wiped first), on free ports, from the jars of {@code runtime}. Returns
     * once every service is healthy and the rules are set; on any failure stops what had started and throws,
     * naming the service and quoting the end of its log.
     */
    public static DruidCluster start(Path root, DruidRuntime runtime, Consumer<String> progress) throws SandboxStartException {
        return start(root, runtime, Map.of(), progress);
    }

    /** As above, with extra runtime properties per Druid service name (tests use it to make one service fail). */
    static DruidCluster start(Path root, DruidRuntime runtime, Map<String, Map<String, String>> overrides,
                              Consumer<String> progress) throws SandboxStartException {
        long t0 = System.nanoTime();
        DruidCluster cluster = new DruidCluster(root.toAbsolutePath().normalize(), progress);
        Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
        try {
            cluster.startAll(runtime, overrides);
            cluster.startupTime = Duration.ofNanos(System.nanoTime() - t0);
            progress.accept("Druid and Kafka ready in " + seconds(cluster.startupTime));
            return cluster;
        } catch (SandboxStartException e) {
            cluster.close();
            throw e;
        } catch (Exception e) {
            cluster.close();
            throw new SandboxStartException("Druid could not start in " + cluster.root + ": "
                    + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
        }
    }

    /** {@link #start} with the jars found by {@link DruidRuntime#locate()}. */
    public static DruidCluster start(Path root, Consumer<String> progress) throws SandboxStartException {
        DruidRuntime runtime;
        try {
            runtime = DruidRuntime.locate();
        } catch (IllegalStateException e) {
            throw new SandboxStartException(e.getMessage(), e);
        }
        return start(root, runtime, progress);
    }

    private void startAll(DruidRuntime runtime, Map<String, Map<String, String>> overrides) throws Exception {
        DruidDirectory.prepareClean(root);
        DruidPorts ports = DruidPorts.pick();
        List<DruidService> services = DruidService.all(ports);

        long t0 = System.nanoTime();
        progress.accept("Starting ZooKeeper...");
        ChildJvm zk = startZooKeeper(runtime, ports.zookeeper());
        awaitReady(zk, "ZooKeeper", () -> ZooKeeperConfig.isOk(ports.zookeeper()), t0);

        // Everything else at once: Druid's services find each other through ZooKeeper whatever their order.
        progress.accept("Starting Kafka and Druid (" + String.join(", ", services.stream().map(DruidService::name).toList()) + ")...");
        long t1 = System.nanoTime();
        Path commonProperties = root.resolve("common.runtime.properties");
        DruidConfig.writeProperties(commonProperties, DruidConfig.common(root, ports), "Generated by Ferry: shared by every Druid service");
        Map<DruidService, ChildJvm> started = new LinkedHashMap<>();
        for (DruidService service : services) {
            started.put(service, startDruidService(runtime, service, commonProperties, overrides.getOrDefault(service.name(), Map.of())));
        }
        ChildJvm kafkaJvm = startKafka(runtime, ports);

        Map<String, URI> dataServers = new LinkedHashMap<>();
        for (DruidService service : services) {
            if (service.isHistorical() || "indexer".equals(service.role())) {
                dataServers.put(service.name(), url(service.port()));
            }
        }
        endpoints = new DruidEndpoints(url(ports.coordinator()), url(ports.broker()), java.util.Collections.unmodifiableMap(dataServers),
                "127.0.0.1:" + ports.zookeeper(), "127.0.0.1:" + ports.kafka());
        DruidClient client = endpoints.client();
        CoordinatorClient coordinator = client.coordinator();
        OverlordClient overlord = client.overlord();

        awaitReady(kafkaJvm, "Kafka", () -> FreePorts.isListening(ports.kafka()), t1);
        for (Map.Entry<DruidService, ChildJvm> e : started.entrySet()) {
            DruidService service = e.getKey();
            DruidClient direct = DruidClient.of(url(service.port()), url(service.port()));
            BooleanSupplier ready = "broker".equals(service.role())
                    ? () -> direct.broker().isReady()
                    : () -> direct.coordinator().isHealthy();
            awaitReady(e.getValue(), "Druid " + service.name(), ready, t1);
        }
        // Healthy is not enough: the coordinator must see both historicals and the overlord the indexer's slots.
        ChildJvm coordinatorJvm = started.entrySet().iterator().next().getValue();
        awaitReady(coordinatorJvm, "Druid coordinator (seeing both historicals)",
                () -> quietly(() -> coordinator.servers().stream().filter(s -> "historical".equals(s.type())).count() == 2), t1);
        awaitReady(coordinatorJvm, "Druid overlord (seeing the indexer)",
                () -> quietly(() -> overlord.workers().stream().anyMatch(w -> w.contains(":" + ports.indexer()))), t1);

        coordinator.setRules("_default", defaultRules());
        // Overshadowed segments are otherwise kept "used" for 15 minutes after the coordinator becomes leader.
        coordinator.updateDynamicConfig(Map.of("millisToWaitBeforeDeleting", 5000));
    }

    /** Recent data in the hot tier, the rest in the cold tier; one replica (each tier has one historical). */
    static List<Map<String, Object>> defaultRules() {
        return List.of(
                Map.of("type", "loadByPeriod", "period", HOT_PERIOD, "includeFuture", true,
                        "tieredReplicants", Map.of(HOT_TIER, 1)),
                Map.of("type", "loadForever", "tieredReplicants", Map.of(COLD_TIER, 1)));
    }

    private ChildJvm startZooKeeper(DruidRuntime runtime, int port) throws IOException {
        Path dir = root.resolve("zookeeper");
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("tmp"));
        writeLog4j(dir);
        Path cfg = dir.resolve("zoo.cfg");
        DruidConfig.writeProperties(cfg, ZooKeeperConfig.zooCfg(dir, port), "Generated by Ferry");
        ChildJvm zk = ChildJvm.start("zookeeper", dir, ZooKeeperConfig.jvmArgs(dir),
                classpath(dir.resolve("conf"), runtime.druidLib()), ZooKeeperConfig.MAIN, List.of(cfg.toString()));
        register(zk, "ZooKeeper", () -> zookeeper = zk);
        return zk;
    }

    private ChildJvm startDruidService(DruidRuntime runtime, DruidService service, Path commonProperties,
                                       Map<String, String> overrides) throws IOException {
        Path dir = root.resolve(service.name());
        Path conf = dir.resolve("conf");
        Files.createDirectories(dir.resolve("tmp"));
        Files.createDirectories(dir.resolve("var"));
        Files.copy(commonProperties, createParents(conf.resolve("common.runtime.properties")));
        Map<String, String> properties = new LinkedHashMap<>(DruidConfig.runtime(service, dir));
        properties.putAll(overrides);
        DruidConfig.writeProperties(conf.resolve("runtime.properties"), properties, "Generated by Ferry: Druid " + service.name());
        writeLog4j(dir);
        String classpath = service.kafkaExtension()
                ? classpath(conf, runtime.druidLib(), runtime.druidKafkaLib())
                : classpath(conf, runtime.druidLib());
        ChildJvm jvm = ChildJvm.start(service.name(), dir, DruidConfig.jvmArgs(service, dir), classpath,
                "org.apache.druid.cli.Main", List.of("server", service.role()));
        register(jvm, "Druid " + service.name(), () -> druid.add(jvm));
        return jvm;
    }

    private ChildJvm startKafka(DruidRuntime runtime, DruidPorts ports) throws Exception {
        Path dir = root.resolve("kafka");
        Files.createDirectories(dir.resolve("tmp"));
        Path properties = dir.resolve("server.properties");
        DruidConfig.writeProperties(properties, KafkaConfig.serverProperties(dir, ports.kafka(), ports.kafkaController()),
                "Generated by Ferry: single-node KRaft broker and controller");
        String classpath = classpath(null, runtime.kafkaLib());
        ChildJvm format = ChildJvm.start("kafka-format", dir, KafkaConfig.jvmArgs(dir, "128m"), classpath,
                KafkaConfig.STORAGE_TOOL, KafkaConfig.formatArgs(properties, KafkaConfig.newClusterId()));
        int exit = format.awaitExit(Duration.ofSeconds(90));
        if (exit != 0) {
            throw new SandboxStartException("Kafka's storage could not be formatted (exit code " + exit + "); last lines of "
                    + format.log() + ":\n" + format.tail(), null);
        }
        ChildJvm jvm = ChildJvm.start("kafka", dir, KafkaConfig.jvmArgs(dir, "256m"), classpath, KafkaConfig.MAIN,
                List.of(properties.toString()));
        register(jvm, "Kafka", () -> kafka = jvm);
        return jvm;
    }

    /** Records a started child for stopping; if the cluster was closed meanwhile (shutdown), stops it at once. */
    private void register(ChildJvm jvm, String label, Runnable record) {
        synchronized (lock) {
            if (!closed) {
                record.run();
                labels.put(jvm, label);
                return;
            }
        }
        jvm.kill();
    }

    private void awaitReady(ChildJvm jvm, String what, BooleanSupplier ready, long startedNanos) throws Exception {
        long deadline = startedNanos + READY_TIMEOUT.toNanos();
        while (!ready.getAsBoolean()) {
            synchronized (lock) {
                if (closed) {
                    throw new SandboxStartException("Druid was stopped while starting (Ctrl-C or JVM shutdown); nothing is left running", null);
                }
            }
            // Any service that died fails the start at once, not only the one being waited for.
            Map.Entry<ChildJvm, String> dead = firstDead();
            if (dead != null) {
                ChildJvm died = dead.getKey();
                throw new SandboxStartException(dead.getValue() + " exited during start-up (exit code " + died.exitValue()
                        + "); last lines of " + died.log() + ":\n" + died.tail(), null);
            }
            if (System.nanoTime() > deadline) {
                throw new SandboxStartException(what + " was not healthy " + READY_TIMEOUT.toSeconds()
                        + " s after it started; last lines of " + jvm.log() + ":\n" + jvm.tail(), null);
            }
            Thread.sleep(POLL.toMillis());
        }
        progress.accept(what + " ready (" + seconds(Duration.ofNanos(System.nanoTime() - startedNanos)) + ")");
    }

    private Map.Entry<ChildJvm, String> firstDead() {
        synchronized (lock) {
            return labels.entrySet().stream().filter(e -> !e.getKey().isAlive()).findFirst().map(e -> Map.entry(e.getKey(), e.getValue())).orElse(null);
        }
    }

    private static boolean quietly(BooleanSupplier check) {
        try {
            return check.getAsBoolean();
        } catch (DruidException e) {
            return false;
        }
    }

    public DruidEndpoints endpoints() {
        return endpoints;
    }

    public DruidClient client() {
        return endpoints.client();
    }

    public Path root() {
        return root;
    }

    /** From the call to {@link #start} until every service was healthy and the rules were set. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Resident memory per service in MiB (Linux; -1 where unknown), in start order. */
    public Map<String, Long> residentMegabytes() {
        Map<String, Long> rss = new LinkedHashMap<>();
        synchronized (lock) {
            if (zookeeper != null) {
                rss.put(zookeeper.name(), zookeeper.residentMegabytes());
            }
            druid.forEach(jvm -> rss.put(jvm.name(), jvm.residentMegabytes()));
            if (kafka != null) {
                rss.put(kafka.name(), kafka.residentMegabytes());
            }
        }
        return rss;
    }

    /** Process ids of every running child JVM of the cluster (for checks that nothing is left behind). */
    public List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        synchronized (lock) {
            if (zookeeper != null) {
                pids.add(zookeeper.pid());
            }
            druid.forEach(jvm -> pids.add(jvm.pid()));
            if (kafka != null) {
                pids.add(kafka.pid());
            }
        }
        return pids;
    }

    /**
     * Druid's JVMs first (all at once), then Kafka, then ZooKeeper. Idempotent; a second caller (the shutdown hook
     * while the CLI stops, say) returns only once everything is stopped.
     */
    @Override
    public void close() {
        List<ChildJvm> druidJvms;
        ChildJvm kafkaJvm;
        ChildJvm zk;
        boolean first;
        synchronized (lock) {
            first = !closed;
            closed = true;
            druidJvms = List.copyOf(druid);
            kafkaJvm = kafka;
            zk = zookeeper;
        }
        if (!first) {
            awaitStopped();
            return;
        }
        try {
            stop(druidJvms, kafkaJvm, zk);
        } finally {
            stopped.countDown();
        }
    }

    private void awaitStopped() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stop(List<ChildJvm> druidJvms, ChildJvm kafkaJvm, ChildJvm zk) {
        long t0 = System.nanoTime();
        druidJvms.forEach(ChildJvm::requestStop);
        druidJvms.forEach(jvm -> jvm.awaitStop(DRUID_STOP_GRACE));
        if (kafkaJvm != null) {
            kafkaJvm.stop(STOP_GRACE);
        }
        if (zk != null) {
            zk.stop(STOP_GRACE);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // called from the hook itself
        }
        if (zk != null) {
            progress.accept("Druid and Kafka stopped (" + seconds(Duration.ofNanos(System.nanoTime() - t0)) + ")");
        }
    }

    private static URI url(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

    private static String classpath(Path conf, Path... libs) {
        List<String> parts = new ArrayList<>();
        if (conf != null) {
            parts.add(conf.toString());
        }
        for (Path lib : libs) {
            parts.add(lib.resolve("*").toString());
        }
        return String.join(java.io.File.pathSeparator, parts);
    }

    private static void writeLog4j(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("conf"));
        Files.writeString(dir.resolve("conf").resolve("log4j2.xml"), DruidConfig.log4j2(), StandardCharsets.UTF_8);
    }

    private static Path createParents(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return file;
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}

package io.ferry.sandbox.druid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated configuration of the sandbox's Druid: {@code common.runtime.properties} shared by every service,
 * a {@code runtime.properties} per service, and the JVM flags. Adapted from the Druid 33 setup proven in
 * {@code reference/druid-sandbox}: free ports, absolute paths, quick shutdown, a broker that refreshes segment
 * metadata every 5 s, small heaps.
 */
final class DruidConfig {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOST = "127.0.0.1";

    private DruidConfig() {
    }

    static Map<String, String> common(Path root, DruidPorts ports) {
        Map<String, String> p = new LinkedHashMap<>();
        // A flat classpath: every extension is found on it through ServiceLoader; nothing is loaded from disk.
        p.put("druid.extensions.loadList", "[]");
        p.put("druid.extensions.directory", root.resolve("extensions").toString());
        p.put("druid.extensions.hadoopDependenciesDir", root.resolve("hadoop-dependencies").toString());
        p.put("druid.startup.logging.logProperties", "true");
        p.put("druid.host", HOST);
        p.put("druid.bindOnHost", "true");
        p.put("druid.zk.service.host", HOST + ":" + ports.zookeeper());
        p.put("druid.zk.paths.base", "/druid");
        // Derby's network server runs inside the coordinator; the database path is relative to its working directory.
        p.put("druid.metadata.storage.type", "derby");
        p.put("druid.metadata.storage.connector.connectURI",
                "jdbc:derby://" + HOST + ":" + ports.derby() + "/var/druid/metadata.db;create=true");
        p.put("druid.metadata.storage.connector.host", HOST);
        p.put("druid.metadata.storage.connector.port", Integer.toString(ports.derby()));
        p.put("druid.storage.type", "local");
        p.put("druid.storage.storageDirectory", root.resolve("deep-storage").toString());
        p.put("druid.indexer.logs.type", "file");
        p.put("druid.indexer.logs.directory", root.resolve("indexing-logs").toString());
        p.put("druid.selectors.indexing.serviceName", "druid/overlord");
        p.put("druid.selectors.coordinator.serviceName", "druid/coordinator");
        p.put("druid.monitoring.monitors", "[]");
        p.put("druid.emitter", "noop");
        p.put("druid.indexing.doubleStorage", "double");
        p.put("druid.sql.enable", "true");
        p.put("druid.lookup.enableLookupSyncOnStartup", "false");
        // Jetty waits 30 s for requests in flight by default: the indexer then took 30 s to stop.
        p.put("druid.server.http.gracefulShutdownTimeout", "PT1S");
        return p;
    }

    static Map<String, String> runtime(DruidService service, Path serviceDir) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("druid.service", "druid/" + service.role());
        p.put("druid.plaintextPort", Integer.toString(service.port()));
        switch (service.role()) {
            case "coordinator" -> {
                p.put("druid.coordinator.startDelay", "PT5S");
                p.put("druid.coordinator.period", "PT5S");
                p.put("druid.manager.segments.pollDuration", "PT5S");
                p.put("druid.coordinator.asOverlord.enabled", "true");
                p.put("druid.coordinator.asOverlord.overlordService", "druid/overlord");
                p.put("druid.indexer.queue.startDelay", "PT5S");
                p.put("druid.indexer.storage.type", "metadata");
                p.put("druid.server.http.numThreads", "10");
            }
            case "broker" -> {
                p.put("druid.server.http.numThreads", "6");
                p.put("druid.broker.http.numConnections", "5");
                p.put("druid.broker.http.maxQueuedBytes", "5MiB");
                processing(p, serviceDir);
                p.put("druid.broker.cache.useCache", "false");
                p.put("druid.broker.cache.populateCache", "false");
                // sys.segments.num_rows and new datasources appear within 5 s instead of 60 s.
                p.put("druid.sql.planner.metadataRefreshPeriod", "PT5S");
            }
            case "historical" -> {
                p.put("druid.server.http.numThreads", "6");
                processing(p, serviceDir);
                p.put("druid.server.tier", service.tier());
                Map<String, String> cache = new LinkedHashMap<>();
                cache.put("path", serviceDir.resolve("segment-cache").toString());
                cache.put("maxSize", "10g");
                p.put("druid.segmentCache.locations", json(List.of(cache)));
                p.put("druid.server.maxSize", "10g");
                p.put("druid.cache.type", "caffeine");
                p.put("druid.cache.sizeInBytes", "10MiB");
                p.put("druid.historical.cache.useCache", "false");
                p.put("druid.historical.cache.populateCache", "false");
            }
            case "indexer" -> {
                // 3 slots: Kafka tasks must not take every slot and leave a batch re-index waiting.
                p.put("druid.worker.capacity", "3");
                p.put("druid.worker.globalIngestionHeapLimitBytes", "150000000");
                p.put("druid.indexer.task.baseTaskDir", serviceDir.resolve("task").toString());
                p.put("druid.indexer.task.restoreTasksOnRestart", "false");
                p.put("druid.indexer.task.hadoopWorkingPath", serviceDir.resolve("hadoop-tmp").toString());
                p.put("druid.server.http.numThreads", "8");
                processing(p, serviceDir);
            }
            default -> throw new IllegalArgumentException("unknown Druid role " + service.role());
        }
        return p;
    }

    private static void processing(Map<String, String> p, Path serviceDir) {
        p.put("druid.processing.buffer.sizeBytes", "50MiB");
        p.put("druid.processing.numMergeBuffers", "1");
        p.put("druid.processing.numThreads", "1");
        p.put("druid.processing.tmpDir", serviceDir.resolve("processing-tmp").toString());
    }

    /** JVM flags of a Druid service: heap, direct memory, UTC, and the module openings Druid needs on Java 17. */
    static List<String> jvmArgs(DruidService service, Path serviceDir) {
        List<String> args = new ArrayList<>(List.of(
                "-Xms64m", "-Xmx" + service.heap(), "-XX:MaxDirectMemorySize=" + service.directMemory()));
        args.addAll(smallJvm());
        args.addAll(List.of(
                "-XX:+ExitOnOutOfMemoryError",
                "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8",
                "-Djava.io.tmpdir=" + serviceDir.resolve("tmp"),
                "-Djava.util.logging.manager=org.apache.logging.log4j.jul.LogManager",
                "-Dlog4j.configurationFile=" + serviceDir.resolve("conf").resolve("log4j2.xml"),
                "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
                "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
                "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
                "--add-opens=java.base/java.io=ALL-UNNAMED",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED"));
        return args;
    }

    /**
     * Serial GC and the client compiler only: these JVMs serve a few test queries on a busy 2-core machine, where
     * start-up time and memory matter more than peak throughput.
     */
    static List<String> smallJvm() {
        return List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData");
    }

    static void writeProperties(Path file, Map<String, String> properties, String comment) {
        StringBuilder text = new StringBuilder("# ").append(comment).append('\n');
        properties.forEach((k, v) -> text.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Log4j 2 configuration: everything at INFO to stdout (the service's log file); ZooKeeper and Curator at WARN. */
    static String log4j2() {
        return """
                <?xml version="1.0" encoding="UTF-8" ?>
                <Configuration status="WARN">
                  <Appenders>
                    <Console name="Console" target="SYSTEM_OUT">
                      <PatternLayout pattern="%d{ISO8601} %p [%t] %c -%notEmpty{ [%markerSimpleName]} %m%n"/>
                    </Console>
                  </Appenders>
                  <Loggers>
                    <Root level="info"><AppenderRef ref="Console"/></Root>
                    <Logger name="org.apache.zookeeper" level="warn" additivity="false"><AppenderRef ref="Console"/></Logger>
                    <Logger name="org.apache.curator" level="warn" additivity="false"><AppenderRef ref="Console"/></Logger>
                  </Loggers>
                </Configuration>
                """;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

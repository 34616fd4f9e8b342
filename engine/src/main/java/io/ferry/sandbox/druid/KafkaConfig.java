package io.ferry.sandbox.druid;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A single-node Kafka 4 in KRaft mode (broker and controller in one process, no ZooKeeper): its
 * {@code server.properties}, the storage format step that must run once before the first start, and the JVM flags.
 */
final class KafkaConfig {
    static final String MAIN = "kafka.Kafka";
    static final String STORAGE_TOOL = "kafka.tools.StorageTool";
    private static final String HOST = "127.0.0.1";

    private KafkaConfig() {
    }

    static Map<String, String> serverProperties(Path dir, int port, int controllerPort) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.put("log.dirs", dir.resolve("data").toString());
        p.put("num.partitions", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        return p;
    }

    /** {@code StorageTool format -t <cluster id> -c server.properties}: prepares the empty log directory. */
    static List<String> formatArgs(Path serverProperties, String clusterId) {
        return List.of("format", "-t", clusterId, "-c", serverProperties.toString());
    }

    static List<String> jvmArgs(Path dir, String heap) {
        List<String> args = new ArrayList<>(List.of("-Xms32m", "-Xmx" + heap));
        args.addAll(DruidConfig.smallJvm());
        args.addAll(List.of("-Djava.io.tmpdir=" + dir.resolve("tmp"),
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.clients=warn"));
        return args;
    }

    /** A Kafka cluster id: 16 random bytes, base64url without padding (what {@code kafka-storage random-uuid} prints). */
    static String newClusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        while (true) {
            random.nextBytes(bytes);
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            if (!id.startsWith("-")) { // Kafka never hands out such ids: a command line would read them as an option
                return id;
            }
        }
    }
}

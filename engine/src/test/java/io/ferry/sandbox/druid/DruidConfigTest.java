package io.ferry.sandbox.druid;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DruidConfigTest {
    private static final Path ROOT = Path.of("/tmp/ferry-druid-test");
    private static final DruidPorts PORTS = new DruidPorts(41001, 41002, 41003, 41004, 41005, 41006, 41007, 41008, 41009);

    @Test
    void commonPropertiesPointAtThisClustersPortsAndAbsolutePaths() {
        Map<String, String> common = DruidConfig.common(ROOT, PORTS);

        assertThat(common).containsEntry("druid.zk.service.host", "127.0.0.1:41001")
                .containsEntry("druid.metadata.storage.connector.port", "41002")
                .containsEntry("druid.metadata.storage.connector.connectURI", "jdbc:derby://127.0.0.1:41002/var/druid/metadata.db;create=true")
                .containsEntry("druid.storage.storageDirectory", "/tmp/ferry-druid-test/deep-storage")
                .containsEntry("druid.indexer.logs.directory", "/tmp/ferry-druid-test/indexing-logs")
                .containsEntry("druid.server.http.gracefulShutdownTimeout", "PT1S")
                .containsEntry("druid.extensions.loadList", "[]")
                .containsEntry("druid.host", "127.0.0.1");
    }

    @Test
    void eachServiceGetsItsPortRoleAndTheSettingsTheReferenceSetupNeeded() {
        Map<String, DruidService> byName = new java.util.HashMap<>();
        DruidService.all(PORTS).forEach(s -> byName.put(s.name(), s));
        assertThat(byName).containsOnlyKeys("coordinator", "broker", "historical-hot", "historical-cold", "indexer");

        Map<String, String> coordinator = DruidConfig.runtime(byName.get("coordinator"), ROOT.resolve("coordinator"));
        assertThat(coordinator).containsEntry("druid.plaintextPort", "41003")
                .containsEntry("druid.coordinator.asOverlord.enabled", "true");
        assertThat(DruidConfig.runtime(byName.get("broker"), ROOT.resolve("broker")))
                .containsEntry("druid.plaintextPort", "41004")
                .containsEntry("druid.sql.planner.metadataRefreshPeriod", "PT5S");
        assertThat(DruidConfig.runtime(byName.get("historical-hot"), ROOT.resolve("historical-hot")))
                .containsEntry("druid.service", "druid/historical")
                .containsEntry("druid.server.tier", "hot")
                .containsEntry("druid.segmentCache.locations", "[{\"path\":\"/tmp/ferry-druid-test/historical-hot/segment-cache\",\"maxSize\":\"10g\"}]");
        assertThat(DruidConfig.runtime(byName.get("historical-cold"), ROOT.resolve("historical-cold")))
                .containsEntry("druid.server.tier", "cold").containsEntry("druid.plaintextPort", "41006");
        assertThat(DruidConfig.runtime(byName.get("indexer"), ROOT.resolve("indexer")))
                .containsEntry("druid.worker.capacity", "3")
                .containsEntry("druid.indexer.task.baseTaskDir", "/tmp/ferry-druid-test/indexer/task");
        assertThat(byName.get("coordinator").kafkaExtension()).isTrue();
        assertThat(byName.get("indexer").kafkaExtension()).isTrue();
        assertThat(byName.get("broker").kafkaExtension()).isFalse();
    }

    @Test
    void jvmFlagsOpenTheModulesDruidNeedsOnJava17AndBoundMemory() {
        DruidService indexer = DruidService.all(PORTS).get(4);
        List<String> args = DruidConfig.jvmArgs(indexer, ROOT.resolve("indexer"));
        assertThat(args).contains("-Xmx512m", "-XX:MaxDirectMemorySize=256m", "-Duser.timezone=UTC",
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
                "-Djava.io.tmpdir=/tmp/ferry-druid-test/indexer/tmp");
    }

    @Test
    void kafkaRunsAsOneKraftNodeOnLoopback() {
        Map<String, String> kafka = KafkaConfig.serverProperties(ROOT.resolve("kafka"), 41008, 41009);
        assertThat(kafka).containsEntry("process.roles", "broker,controller")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:41009")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:41008,CONTROLLER://127.0.0.1:41009")
                .containsEntry("log.dirs", "/tmp/ferry-druid-test/kafka/data");
        for (int i = 0; i < 200; i++) {
            assertThat(KafkaConfig.newClusterId()).hasSize(22).doesNotStartWith("-").matches("[A-Za-z0-9_-]+");
        }
    }

    @Test
    void defaultRulesKeepRecentDataHotAndTheRestColdWithOneReplica() {
        assertThat(DruidCluster.defaultRules()).hasSize(2);
        assertThat(DruidCluster.defaultRules().get(0)).containsEntry("type", "loadByPeriod").containsEntry("period", "P7D")
                .containsEntry("tieredReplicants", Map.of("hot", 1));
        assertThat(DruidCluster.defaultRules().get(1)).containsEntry("type", "loadForever")
                .containsEntry("tieredReplicants", Map.of("cold", 1));
    }

    @Test
    void portsArePickedDistinct() {
        DruidPorts ports = DruidPorts.pick();
        assertThat(List.of(ports.zookeeper(), ports.derby(), ports.coordinator(), ports.broker(), ports.historicalHot(),
                ports.historicalCold(), ports.indexer(), ports.kafka(), ports.kafkaController())).doesNotHaveDuplicates();
    }
}

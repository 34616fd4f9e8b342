package io.ferry.sandbox.druid;

import io.ferry.druid.DruidClient;
import io.ferry.druid.ServerInfo;
import io.ferry.druid.SysServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox's Druid and Kafka come up complete: every service healthy, tiers in place, rules and config set. */
@ExtendWith(DruidSandboxExtension.class)
class DruidClusterIT {

    @Test
    void everyServiceIsHealthyAndKnownToTheCluster(DruidCluster cluster, DruidClient druid) {
        assertThat(druid.coordinator().isHealthy()).isTrue();
        assertThat(druid.overlord().isHealthy()).isTrue();
        assertThat(druid.broker().isReady()).isTrue();
        cluster.endpoints().dataServers().forEach((name, url) ->
                assertThat(DruidClient.of(url, url).coordinator().isHealthy()).as(name + " /status/health").isTrue());

        List<SysServer> servers = druid.broker().servers();
        assertThat(servers).extracting(SysServer::serverType)
                .contains("coordinator", "overlord", "broker", "historical", "indexer");
        assertThat(servers).filteredOn(s -> "historical".equals(s.serverType())).extracting(SysServer::tier)
                .containsExactlyInAnyOrder(DruidCluster.HOT_TIER, DruidCluster.COLD_TIER);
        assertThat(druid.coordinator().servers()).filteredOn(s -> "historical".equals(s.type())).extracting(ServerInfo::tier)
                .containsExactlyInAnyOrder(DruidCluster.HOT_TIER, DruidCluster.COLD_TIER);
        assertThat(druid.overlord().workers()).hasSize(1);
    }

    @Test
    void loadRulesAndOvershadowCleanupDelayAreSetAfterTheFreshStart(DruidClient druid) {
        assertThat(druid.coordinator().allRules().get("_default").toString())
                .contains("loadByPeriod", "\"hot\":1", "loadForever", "\"cold\":1")
                .doesNotContain("_default_tier");
        assertThat(druid.coordinator().dynamicConfig().get("millisToWaitBeforeDeleting").asLong()).isEqualTo(5000);
    }

    @Test
    void kafkaAcceptsConnectionsOnItsBootstrapAddress(DruidEndpoints endpoints) {
        String[] hostPort = endpoints.kafkaBootstrapServers().split(":");
        assertThat(io.ferry.sandbox.FreePorts.isListening(Integer.parseInt(hostPort[1]))).isTrue();
        assertThat(ZooKeeperConfig.isOk(Integer.parseInt(endpoints.zookeeper().split(":")[1]))).isTrue();
    }

    @Test
    void everyServiceRunsInItsOwnJvmWithItsOwnLog(DruidCluster cluster) {
        Map<String, Long> rss = cluster.residentMegabytes();
        assertThat(rss).containsOnlyKeys("zookeeper", "coordinator", "broker", "historical-hot", "historical-cold", "indexer", "kafka");
        assertThat(rss.values()).allMatch(mb -> mb > 0);
        rss.keySet().forEach(name -> assertThat(cluster.root().resolve(name).resolve(name + ".log")).isNotEmptyFile());
    }
}

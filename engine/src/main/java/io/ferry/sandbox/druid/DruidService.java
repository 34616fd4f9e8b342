package io.ferry.sandbox.druid;

import java.util.List;

/**
 * One Druid process of the sandbox: its name (also its directory and log name), the role it runs
 * ({@code org.apache.druid.cli.Main server <role>}), its port, memory, tier (historicals) and whether it needs the
 * Kafka indexing extension (the overlord and the indexer do).
 */
record DruidService(String name, String role, int port, String heap, String directMemory, String tier, boolean kafkaExtension) {
    static final String HOT_TIER = "hot";
    static final String COLD_TIER = "cold";

    /** Coordinator (also overlord, with Derby inside), broker, a hot and a cold historical, an indexer. */
    static List<DruidService> all(DruidPorts ports) {
        return List.of(
                new DruidService("coordinator", "coordinator", ports.coordinator(), "384m", "128m", null, true),
                new DruidService("broker", "broker", ports.broker(), "384m", "256m", null, false),
                new DruidService("historical-hot", "historical", ports.historicalHot(), "256m", "256m", HOT_TIER, false),
                new DruidService("historical-cold", "historical", ports.historicalCold(), "256m", "256m", COLD_TIER, false),
                new DruidService("indexer", "indexer", ports.indexer(), "512m", "256m", null, true));
    }

    boolean isHistorical() {
        return "historical".equals(role);
    }
}

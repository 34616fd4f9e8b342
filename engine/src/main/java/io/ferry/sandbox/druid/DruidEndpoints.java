package io.ferry.sandbox.druid;

import io.ferry.druid.DruidClient;

import java.net.URI;
import java.util.Map;

/**
 * How to reach the sandbox's Druid and Kafka: the coordinator (which is also the overlord), the broker (SQL), the
 * data servers by name ({@code historical-hot}, {@code historical-cold}, {@code indexer}), ZooKeeper and Kafka's
 * bootstrap servers. All on 127.0.0.1.
 */
public record DruidEndpoints(URI coordinator, URI broker, Map<String, URI> dataServers, String zookeeper,
                             String kafkaBootstrapServers) {

    /** The overlord runs inside the coordinator. */
    public URI overlord() {
        return coordinator;
    }

    public DruidClient client() {
        return DruidClient.of(coordinator, broker);
    }
}

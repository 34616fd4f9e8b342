package io.ferry.config;

import java.util.List;
import java.util.stream.Collectors;

/** A Kafka cluster, by its bootstrap servers. */
public record KafkaConnectionConfig(String name, List<HostPort> bootstrapServers) implements ConnectionConfig {
    public KafkaConnectionConfig {
        bootstrapServers = List.copyOf(bootstrapServers);
    }

    @Override
    public ConnectionType type() {
        return ConnectionType.KAFKA;
    }

    @Override
    public String target() {
        return bootstrapServers.stream().map(HostPort::toString).collect(Collectors.joining(","));
    }
}

package io.ferry.config;

import java.net.URI;

/** An Apache Druid cluster: its coordinator, broker and overlord (often the coordinator itself). */
public record DruidConnectionConfig(String name, URI coordinatorUrl, URI brokerUrl, URI overlordUrl)
        implements ConnectionConfig {
    @Override
    public ConnectionType type() {
        return ConnectionType.DRUID;
    }

    @Override
    public String target() {
        return coordinatorUrl.toString();
    }
}

package io.ferry.config;

import java.util.Optional;

/** An Amazon Redshift cluster or a PostgreSQL server ({@link #type()} says which). */
public record WarehouseConnectionConfig(String name, ConnectionType type, String host, int port, String database,
                                        String user, Optional<SecretRef> password, TlsMode tls)
        implements ConnectionConfig {
    public static final int REDSHIFT_PORT = 5439;
    public static final int POSTGRESQL_PORT = 5432;

    public WarehouseConnectionConfig {
        if (type != ConnectionType.REDSHIFT && type != ConnectionType.POSTGRESQL) {
            throw new IllegalArgumentException("a warehouse is redshift or postgresql, not " + type.yamlName());
        }
    }

    public static int defaultPort(ConnectionType type) {
        return type == ConnectionType.REDSHIFT ? REDSHIFT_PORT : POSTGRESQL_PORT;
    }

    @Override
    public String target() {
        return host + ":" + port + "/" + database;
    }
}

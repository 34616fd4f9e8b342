package io.ferry.config;

import java.util.Optional;

/** A MySQL 5.7/8.x, MariaDB or Amazon RDS MySQL server. */
public record MySqlConnectionConfig(String name, String host, int port, String user, Optional<SecretRef> password,
                                    Optional<String> database, TlsMode tls, boolean rds) implements ConnectionConfig {
    public static final int DEFAULT_PORT = 3306;

    @Override
    public ConnectionType type() {
        return ConnectionType.MYSQL;
    }

    @Override
    public String target() {
        return host + ":" + port + database.map(d -> "/" + d).orElse("");
    }
}

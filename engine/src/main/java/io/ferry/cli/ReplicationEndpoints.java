package io.ferry.cli;

import io.ferry.config.ConfigLoader;
import io.ferry.config.ConnectionConfig;
import io.ferry.config.ConnectionType;
import io.ferry.config.FerryConfig;
import io.ferry.config.MySqlConnectionConfig;
import io.ferry.config.Secret;
import io.ferry.config.SecretResolver;
import io.ferry.config.WarehouseConnectionConfig;
import io.ferry.replication.MySqlSource;
import io.ferry.warehouse.WarehouseEndpoint;

import java.nio.file.Path;

/** The source and warehouse of a replication command, resolved from named connections of ferry.yaml. */
record ReplicationEndpoints(MySqlSource source, WarehouseEndpoint warehouse) {

    static ReplicationEndpoints resolve(Path config, String sourceName, String targetName) {
        FerryConfig ferry = ConfigLoader.load(config);
        SecretResolver secrets = SecretResolver.forConfig(ferry);
        MySqlConnectionConfig src = connection(ferry, sourceName, MySqlConnectionConfig.class, "a mysql connection");
        WarehouseConnectionConfig wh = connection(ferry, targetName, WarehouseConnectionConfig.class, "a postgresql connection");
        if (wh.type() != ConnectionType.POSTGRESQL) {
            throw new IllegalArgumentException("Connection '" + targetName + "' is " + wh.type().yamlName()
                    + ": replication to Redshift is not available yet; use a postgresql connection");
        }
        MySqlSource mysql = new MySqlSource(src.host(), src.port(), src.user(),
                src.password().map(secrets::resolve).orElse(Secret.of("")), src.tls());
        WarehouseEndpoint warehouse = new WarehouseEndpoint("jdbc:postgresql://" + wh.host() + ":" + wh.port() + "/"
                + wh.database() + "?sslmode=" + wh.tls().yamlName(), wh.user(),
                wh.password().map(secrets::resolve).orElse(Secret.of("")));
        return new ReplicationEndpoints(mysql, warehouse);
    }

    private static <T extends ConnectionConfig> T connection(FerryConfig ferry, String name, Class<T> kind, String what) {
        ConnectionConfig c = ferry.connection(name).orElseThrow(() -> new IllegalArgumentException(
                "No connection named '" + name + "' in the configuration; it has: " + String.join(", ", ferry.connections().keySet())));
        if (!kind.isInstance(c)) {
            throw new IllegalArgumentException("Connection '" + name + "' is " + c.type().yamlName() + ", not " + what);
        }
        return kind.cast(c);
    }
}

package io.ferry.genlog;

import io.ferry.config.MySqlConnectionConfig;
import io.ferry.config.Secret;
import io.ferry.config.SecretResolver;
import io.ferry.config.TlsMode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/** {@link ServerConnections} for a configured MySQL/RDS connection, with MySQL Connector/J. */
public final class MySqlConnections {
    private MySqlConnections() {
    }

    public static ServerConnections of(MySqlConnectionConfig c, SecretResolver secrets) {
        Optional<Secret> password = c.password().map(secrets::resolve);
        String url = "jdbc:mysql://" + c.host() + ":" + c.port() + "/"
                + c.database().map(d -> URLEncoder.encode(d, StandardCharsets.UTF_8)).orElse("");
        Driver driver = driver();
        return ServerConnections.inUtc(() -> {
            Properties props = new Properties();
            props.setProperty("user", c.user());
            password.ifPresent(p -> props.setProperty("password", p.reveal()));
            props.setProperty("sslMode", sslMode(c.tls()));
            props.setProperty("allowPublicKeyRetrieval", String.valueOf(!c.tls().requiresTls()));
            props.setProperty("connectTimeout", "10000");
            props.setProperty("connectionAttributes", "program_name:ferry-genlog");
            // Stream big log tables row by row instead of buffering them in memory.
            props.setProperty("useCursorFetch", "false");
            return driver.connect(url, props);
        });
    }

    private static Driver driver() {
        try {
            return new com.mysql.cj.jdbc.NonRegisteringDriver();
        } catch (SQLException e) {
            throw new IllegalStateException("MySQL Connector/J cannot be loaded", e);
        }
    }

    private static String sslMode(TlsMode tls) {
        return switch (tls) {
            case DISABLE -> "DISABLED";
            case PREFER -> "PREFERRED";
            case REQUIRE -> "REQUIRED";
            case VERIFY_CA -> "VERIFY_CA";
            case VERIFY_FULL -> "VERIFY_IDENTITY";
        };
    }
}

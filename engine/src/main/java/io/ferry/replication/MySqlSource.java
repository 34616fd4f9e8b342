package io.ferry.replication;

import com.github.shyiko.mysql.binlog.network.SSLMode;
import io.ferry.config.Secret;
import io.ferry.config.TlsMode;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/**
 * How to reach the source MySQL/MariaDB server, for queries (JDBC) and for the binlog stream, both with the same
 * TLS mode. The password is a {@link Secret}: toString masks it.
 */
public record MySqlSource(String host, int port, String user, Secret password, TlsMode tls) {
    public MySqlSource {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(tls, "tls");
    }

    public MySqlSource(String host, int port, String user, Secret password) {
        this(host, port, user, password, TlsMode.PREFER);
    }

    /** The binlog client's name for {@link #tls()}. */
    public SSLMode binlogSslMode() {
        return switch (tls) {
            case DISABLE -> SSLMode.DISABLED;
            case PREFER -> SSLMode.PREFERRED;
            case REQUIRE -> SSLMode.REQUIRED;
            case VERIFY_CA -> SSLMode.VERIFY_CA;
            case VERIFY_FULL -> SSLMode.VERIFY_IDENTITY;
        };
    }

    public String jdbcUrl() {
        // Session in UTC so that TIMESTAMP values read as text are UTC; utf8mb4 so that every character survives.
        return "jdbc:mysql://" + host + ":" + port + "/?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                + "&characterEncoding=UTF-8&allowPublicKeyRetrieval=true&sslMode=" + binlogSslMode().name();
    }

    public Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password.reveal());
        return DriverManager.getConnection(jdbcUrl(), props);
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port;
    }
}

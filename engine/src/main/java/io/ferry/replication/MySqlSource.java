package io.ferry.replication;

import io.ferry.config.Secret;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/** How to reach the source MySQL/MariaDB server. The password is a {@link Secret}: toString masks it. */
public record MySqlSource(String host, int port, String user, Secret password) {
    public MySqlSource {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    public String jdbcUrl() {
        // Session in UTC so that TIMESTAMP values read as text are UTC; utf8mb4 so that every character survives.
        return "jdbc:mysql://" + host + ":" + port + "/?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                + "&characterEncoding=UTF-8&useCursorFetch=false&allowPublicKeyRetrieval=true";
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

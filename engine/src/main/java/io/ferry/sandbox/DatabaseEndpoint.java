package io.ferry.sandbox;

import io.ferry.config.Secret;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * How to reach one sandbox database as the application user. {@code passwordFile} is where the password
 * is kept on disk (0600); the record's toString masks the password.
 */
public record DatabaseEndpoint(String host, int port, String user, Secret password, String database,
                               Path passwordFile, String jdbcScheme) {

    public String jdbcUrl() {
        return "jdbc:" + jdbcScheme + "://" + host + ":" + port + "/" + database;
    }

    /** A new JDBC connection as {@link #user()} to {@link #database()}. */
    public Connection connect() throws SQLException {
        return connect(password);
    }

    /** A new JDBC connection as {@link #user()} with the given password (tests use a wrong one). */
    public Connection connect(Secret withPassword) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", withPassword.reveal());
        return DriverManager.getConnection(jdbcUrl(), props);
    }
}

package io.ferry.warehouse;

import io.ferry.config.Secret;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** How to reach the warehouse over JDBC; the password is a {@link Secret}, masked in toString. */
public record WarehouseEndpoint(String jdbcUrl, String user, Secret password) {
    public Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password.reveal());
        return DriverManager.getConnection(jdbcUrl, props);
    }

    @Override
    public String toString() {
        return user + "@" + jdbcUrl;
    }
}

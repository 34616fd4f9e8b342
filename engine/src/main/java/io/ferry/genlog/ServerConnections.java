package io.ferry.genlog;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens connections to one MySQL/MariaDB server. Every connection Ferry opens for the log works in UTC, so that
 * event times read, compared and archived are the server's instants, whatever the server's time zone.
 */
@FunctionalInterface
public interface ServerConnections {
    Connection open() throws SQLException;

    /** Wraps a raw connection factory so that each connection's session time zone is UTC. */
    static ServerConnections inUtc(ServerConnections raw) {
        return () -> {
            Connection c = raw.open();
            try (var st = c.createStatement()) {
                st.execute("SET time_zone = '+00:00'");
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return c;
        };
    }
}

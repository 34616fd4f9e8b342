package io.ferry.replication.metrics;

import io.ferry.replication.MySqlSource;
import io.ferry.replication.SourcePositions;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the source's {@link BinlogHead} over one connection it keeps (reconnecting when it broke). */
public interface HeadProbe extends AutoCloseable {

    BinlogHead read() throws SQLException;

    @Override
    void close();

    /** The real probe: {@code SHOW MASTER STATUS} / {@code SHOW BINARY LOG STATUS} and {@code SHOW BINARY LOGS}. */
    static HeadProbe of(MySqlSource source) {
        return new HeadProbe() {
            private Connection connection;

            @Override
            public synchronized BinlogHead read() throws SQLException {
                if (connection == null || !connection.isValid(1)) {
                    close();
                    connection = source.connect();
                }
                Map<String, Long> sizes = new LinkedHashMap<>();
                try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SHOW BINARY LOGS")) {
                    while (rs.next()) {
                        sizes.put(rs.getString(1), rs.getLong(2));
                    }
                }
                return new BinlogHead(SourcePositions.head(connection), sizes);
            }

            @Override
            public synchronized void close() {
                if (connection != null) {
                    try {
                        connection.close();
                    } catch (SQLException ignored) {
                        // closing anyway
                    }
                    connection = null;
                }
            }
        };
    }
}

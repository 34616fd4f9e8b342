package io.ferry.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmarks' PostgreSQL keeps default durability; the embedded server alone would start without fsync. */
class DurablePostgresIT {
    @Test
    void aDurableServerHasFsyncAndSynchronousCommitOn(@TempDir Path dir) throws Exception {
        try (PostgresServer durable = PostgresServer.start(dir.resolve("pg"), dir.resolve("pg.password"), true)) {
            assertThat(settings(durable.endpoint())).isEqualTo("on on");
        }
    }

    @Test
    void theTestServerTradesDurabilityForSpeed(@TempDir Path dir) throws Exception {
        try (PostgresServer fast = PostgresServer.start(dir.resolve("pg"), dir.resolve("pg.password"))) {
            assertThat(settings(fast.endpoint())).isEqualTo("off off");
        }
    }

    private static String settings(DatabaseEndpoint endpoint) throws SQLException {
        try (Connection c = endpoint.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('fsync') || ' ' || current_setting('synchronous_commit')")) {
            rs.next();
            return rs.getString(1);
        }
    }
}

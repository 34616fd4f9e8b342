package io.ferry.sandbox;

import io.ferry.config.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(SandboxExtension.class)
class PostgresIT {

    private final DatabaseEndpoint postgres;

    PostgresIT(SandboxEndpoints endpoints) {
        this.postgres = endpoints.postgres();
    }

    @Test
    void isPostgreSql17AndTheUserOwnsTheWarehouse() throws SQLException {
        try (Connection c = postgres.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('server_version'), current_user, current_database(), "
                     + "(SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database())")) {
            rs.next();
            assertThat(rs.getString(1)).startsWith("17.");
            assertThat(rs.getString(2)).isEqualTo(PostgresServer.USER);
            assertThat(rs.getString(3)).isEqualTo(PostgresServer.DATABASE);
            assertThat(rs.getString(4)).isEqualTo(PostgresServer.USER);
        }
    }

    @Test
    void mergeUpsertsAndDeletes() throws SQLException {
        try (Connection c = postgres.connect(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS merge_probe");
            st.execute("CREATE TABLE merge_probe (id int PRIMARY KEY, name text NOT NULL)");
            st.execute("INSERT INTO merge_probe VALUES (1, 'old'), (2, 'to delete')");
            int changed = st.executeUpdate("""
                    MERGE INTO merge_probe t
                    USING (VALUES (1, 'new', false), (2, NULL, true), (3, 'inserted', false)) AS s(id, name, deleted)
                    ON t.id = s.id
                    WHEN MATCHED AND s.deleted THEN DELETE
                    WHEN MATCHED THEN UPDATE SET name = s.name
                    WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, s.name)""");
            assertThat(changed).isEqualTo(3);
            Map<Integer, String> rows = new LinkedHashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT id, name FROM merge_probe ORDER BY id")) {
                while (rs.next()) {
                    rows.put(rs.getInt(1), rs.getString(2));
                }
            }
            assertThat(rows).containsExactly(Map.entry(1, "new"), Map.entry(3, "inserted"));
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThatThrownBy(() -> postgres.connect(Secret.of("not-the-password")).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }
}

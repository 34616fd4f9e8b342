package io.ferry.sandbox;

import io.ferry.config.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sandbox's pgbouncer, reached with the Redshift JDBC driver as a Redshift cluster would be. */
@ExtendWith(SandboxExtension.class)
class PgBouncerIT {
    private final PgBouncerServer bouncer;
    private final DatabaseEndpoint postgres;

    PgBouncerIT(PgBouncerServer bouncer, SandboxEndpoints endpoints) {
        this.bouncer = bouncer;
        this.postgres = endpoints.postgres();
    }

    private Connection redshift(Secret password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", bouncer.endpoint().user());
        props.setProperty("password", password.reveal());
        return DriverManager.getConnection(bouncer.redshiftJdbcUrl(), props);
    }

    @Test
    void theRedshiftDriverLogsInThroughPgBouncerAndKeepsATransactionOnOneSession() throws Exception {
        try (Connection c = redshift(bouncer.password())) {
            assertThat(c.getClass().getName()).startsWith("com.amazon.redshift");
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT inet_server_port(), current_user")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("PostgreSQL's port: the query went through pgbouncer")
                            .isEqualTo(postgres.port()).isNotEqualTo(bouncer.endpoint().port());
                    assertThat(rs.getString(2)).isEqualTo("ferry");
                }
                st.execute("CREATE TEMPORARY TABLE pgb_stage (v SUPER)");
                st.execute("INSERT INTO pgb_stage VALUES (JSON_PARSE('{\"a\": [1, 2]}'))");
                try (ResultSet rs = st.executeQuery("SELECT v FROM pgb_stage")) {
                    rs.next();
                    assertThat(rs.getString(1)).as("the Redshift look-alike SUPER and JSON_PARSE").isEqualTo("{\"a\": [1, 2]}");
                }
                c.rollback();
            }
        }
    }

    @Test
    void aWrongPasswordIsRefusedByPgBouncersMd5Login() {
        assertThatThrownBy(() -> redshift(Secret.of("not-the-password")).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
    }

    @Test
    void itsConfigAndAuthFileArePrivateAndItDoesNotRunAsRoot() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(bouncer.dir().resolve("userlist.txt"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(bouncer.dir().resolve("pgbouncer.ini"))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(bouncer.dir().resolve("pgbouncer.ini"))).contains("auth_type = md5")
                .contains("pool_mode = session").contains("ignore_startup_parameters = ");
        ProcessHandle process = ServerProcesses.runningWith(bouncer.dir()).get(0);
        assertThat(process.info().user()).hasValueSatisfying(u -> assertThat(u).isNotEqualTo("root"));
    }
}

package io.ferry.connection;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Version strings of servers that cannot run here (MySQL, Redshift) as their drivers report them. */
class ServerVersionTest {
    @Test
    void mysqlAndMariaDbVersionsAreNamedByFlavour() {
        assertThat(MySqlProbe.version("11.4.5-MariaDB-log")).isEqualTo("MariaDB 11.4.5");
        assertThat(MySqlProbe.version("10.6.18-MariaDB-0ubuntu0.22.04.1")).isEqualTo("MariaDB 10.6.18");
        assertThat(MySqlProbe.version("8.0.36")).isEqualTo("MySQL 8.0.36");
        assertThat(MySqlProbe.version("5.7.44-log")).isEqualTo("MySQL 5.7.44");
    }

    @Test
    void redshiftIsRecognisedInsideItsPostgreSqlVersionString() {
        assertThat(WarehouseProbe.version("PostgreSQL 8.0.2 on i686-pc-linux-gnu, compiled by GCC gcc (GCC) 3.4.2"
                + " 20041017 (Red Hat 3.4.2-6.fc3), Redshift 1.0.77467")).isEqualTo("Redshift 1.0.77467");
        assertThat(WarehouseProbe.version("PostgreSQL 17.6 on x86_64-pc-linux-gnu, compiled by gcc"))
                .isEqualTo("PostgreSQL 17.6");
    }
}

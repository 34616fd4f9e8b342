package io.ferry.sandbox;

import io.ferry.config.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PgBouncerServerTest {
    @TempDir
    Path dir;

    @Test
    void aMissingBinaryNamesTheDebianPackage() {
        assertThatThrownBy(() -> PgBouncerServer.binary(List.of(dir.resolve("pgbouncer"))))
                .hasMessage("pgbouncer is not installed: install the Debian package 'pgbouncer' (apt-get install pgbouncer); "
                        + ".ci/run installs it on CI");
    }

    @Test
    void theConfigAsksForMd5SessionPoolingAndIgnoresTheRedshiftDriversStartupParameters() {
        DatabaseEndpoint postgres = new DatabaseEndpoint("127.0.0.1", 5999, "ferry", Secret.of("s3cret"), "warehouse",
                dir.resolve("pw"), "postgresql");
        String ini = PgBouncerServer.config(postgres, 6999, dir.resolve("userlist.txt"));
        assertThat(ini).contains("warehouse = host=127.0.0.1 port=5999 dbname=warehouse", "listen_port = 6999",
                "auth_type = md5", "pool_mode = session", "auth_file = " + dir.resolve("userlist.txt"),
                "ignore_startup_parameters = extra_float_digits,client_protocol_version,driver_version,os_version,plugin_name")
                .doesNotContain("s3cret");
    }
}

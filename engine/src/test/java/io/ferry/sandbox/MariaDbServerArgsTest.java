package io.ferry.sandbox;

import io.ferry.config.Secret;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MariaDbServerArgsTest {
    private final MariaDbLayout layout = new MariaDbLayout(Path.of("/tmp/sbx/mariadb"));

    @Test
    void makesAReplicationSource() {
        List<String> args = MariaDbServer.serverArgs(layout, false);
        assertThat(args).contains("--log-bin=mariadb-bin", "--binlog-format=ROW", "--binlog-row-image=FULL",
                "--binlog-row-metadata=FULL", "--server-id=1", "--gtid-strict-mode=ON", "--character-set-server=utf8mb4",
                "--bind-address=127.0.0.1", "--init-file=/tmp/sbx/mariadb/init.sql");
        assertThat(args).anyMatch(a -> a.startsWith("--gtid-domain-id=")).anyMatch(a -> a.startsWith("--log-basename="));
    }

    @Test
    void runsAsRootOnlyWhenItIsRoot() {
        assertThat(MariaDbServer.serverArgs(layout, true)).contains("--user=root");
        assertThat(MariaDbServer.serverArgs(layout, false)).doesNotContain("--user=root");
    }

    @Test
    void aTooLongSocketPathMovesToTheTempDirectory() {
        MariaDbLayout deep = new MariaDbLayout(Path.of("/tmp/" + "x".repeat(120)));
        assertThat(deep.socket().toString().length()).isLessThanOrEqualTo(100);
        assertThat(layout.socket()).isEqualTo(Path.of("/tmp/sbx/mariadb/mariadbd.sock"));
    }

    @Test
    void theInitScriptHoldsOnlyThePasswordHash() {
        String script = MariaDbInitScript.render("ferry", Secret.of("password"), "shop");
        assertThat(MariaDbInitScript.nativePasswordHash(Secret.of("password")))
                .isEqualTo("*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19");
        assertThat(script).doesNotContain("'password'")
                .contains("IDENTIFIED BY PASSWORD '*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19'")
                .contains("DELETE FROM mysql.global_priv WHERE User = ''")
                .contains("REPLICATION SLAVE", "BINLOG MONITOR", "CREATE DATABASE IF NOT EXISTS `shop`");
        assertThat(script.lines().filter(l -> !l.isBlank())).allSatisfy(line -> assertThat(line).endsWith(";"));
    }
}

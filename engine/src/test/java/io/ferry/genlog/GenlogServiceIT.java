package io.ferry.genlog;

import io.ferry.config.ConfigLoader;
import io.ferry.config.FerryConfig;
import io.ferry.sandbox.SandboxEndpoints;
import io.ferry.sandbox.SandboxExtension;
import io.ferry.state.StateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The facade an engine client calls, over the sandbox's ferry.yaml. */
@ExtendWith(SandboxExtension.class)
class GenlogServiceIT {
    @TempDir
    Path dir;

    private SandboxLog log;
    private SandboxEndpoints endpoints;

    @BeforeEach
    void setUp(SandboxEndpoints endpoints) throws Exception {
        this.endpoints = endpoints;
        log = new SandboxLog(endpoints.mariadb());
    }

    @AfterEach
    void tearDown() throws Exception {
        log.restore();
    }

    @Test
    void statusRotateHistoryAndDigestThroughOneService() throws Exception {
        log.exec("CREATE DATABASE IF NOT EXISTS ferry_genlog_it", "CREATE TABLE IF NOT EXISTS ferry_genlog_it.t (a INT, b VARCHAR(10))",
                "CREATE TABLE IF NOT EXISTS ferry_genlog_it.customers (id INT)", "CREATE TABLE IF NOT EXISTS ferry_genlog_it.orders (id INT)");
        log.generalLogOn();
        GenlogDigestIT.runWorkload(endpoints.mariadb());
        Path file = dir.resolve("ferry.yaml");
        Files.writeString(file, "dataDir: " + dir.resolve("data") + "\n" + Files.readString(endpoints.configFile()));
        FerryConfig config = ConfigLoader.load(file);
        try (StateStore state = StateStore.open(config.dataDir())) {
            GenlogService service = new GenlogService(config, state, Clock.systemUTC());
            assertThat(service.connections()).containsExactly("sandbox-mariadb");
            assertThat(service.status("sandbox-mariadb", LogKind.GENERAL, Optional.empty()).count().rows()).isPositive();
            assertThat(service.digest("sandbox-mariadb", LogKind.GENERAL, DigestKey.FINGERPRINT, LogFilter.ALL))
                    .extracting(DigestGroup::key).contains("select * from ferry_genlog_it.customers where id = ?");
            Rotation r = service.rotate("sandbox-mariadb", LogKind.GENERAL, "user:console").rotation();
            assertThat(r.archivePath()).hasValueSatisfying(p -> assertThat(p).startsWith(dir.resolve("data").toString()));
            assertThat(service.history("sandbox-mariadb")).extracting(Rotation::id).containsExactly(r.id());
            assertThatThrownBy(() -> service.history("sandbox-postgres")).hasMessageContaining("not a mysql connection");
        } finally {
            log.exec("DROP DATABASE IF EXISTS ferry_genlog_it");
        }
    }
}

package io.ferry.sandbox.druid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DruidRuntimeTest {

    @Test
    void anIncompleteRuntimeSaysWhichDirectoryAndHowToBuildIt(@TempDir Path lib) throws Exception {
        Files.createDirectories(lib.resolve("druid"));
        Files.createFile(lib.resolve("druid").resolve("druid-server-33.0.0.jar"));

        assertThatThrownBy(() -> DruidRuntime.in(lib).requireComplete("test"))
                .hasMessageContaining(lib.resolve("druid-kafka").toString())
                .hasMessageContaining("./mvnw -B package -pl druid-runtime");
    }

    @Test
    void aCompleteRuntimeIsAccepted(@TempDir Path lib) throws Exception {
        for (String dir : new String[] {"druid", "druid-kafka", "kafka"}) {
            Files.createDirectories(lib.resolve(dir));
            Files.createFile(lib.resolve(dir).resolve(dir + ".jar"));
        }
        DruidRuntime runtime = DruidRuntime.in(lib).requireComplete("test");
        assertThat(runtime.kafkaLib()).isEqualTo(lib.resolve("kafka"));
    }
}

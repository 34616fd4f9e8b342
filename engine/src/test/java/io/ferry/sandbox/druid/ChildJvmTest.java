package io.ferry.sandbox.druid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ChildJvmTest {

    @Test
    void logTailKeepsTheReasonAndDropsStackFrames(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("broker.log"), """
                2026-11-28T22:12:32,649 ERROR [main] org.apache.druid.cli.CliBroker - Error when starting up.  Failing.
                com.google.inject.ProvisionException: Unable to provision
                 at [Source: UNKNOWN; line: -1, column: -1] (through reference chain: DruidProcessingConfig["buffer"])
                \tat com.google.inject.internal.FactoryProxy.get(FactoryProxy.java:60) ~[guice-5.0.0-BETA-1.jar:?]
                \tat org.apache.druid.guice.LifecycleScope$1.get(LifecycleScope.java:68) ~[druid-processing-33.0.0.jar:33.0.0]

                Caused by: org.apache.druid.java.util.common.IAE: Invalid format of number: lots
                \t... 6 more
                """);

        String tail = ChildJvm.tailOf(log);

        assertThat(tail).contains("Error when starting up", "through reference chain", "Invalid format of number: lots")
                .doesNotContain("FactoryProxy", "LifecycleScope", "6 more");
    }

    @Test
    void aMissingLogIsSaidSo(@TempDir Path dir) {
        assertThat(ChildJvm.tailOf(dir.resolve("none.log"))).contains("no log at").contains("none.log");
    }
}

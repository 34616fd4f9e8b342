package io.ferry.sandbox.druid;

import io.ferry.sandbox.SandboxStartException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A Druid service that cannot start fails the whole start with its name and the end of its log, and nothing is left
 * running. The failure is real: the broker gets a processing buffer size Druid cannot parse.
 */
class DruidClusterStartFailureIT {

    @Test
    void aServiceThatDiesNamesItselfQuotesItsLogAndLeavesNoProcessBehind() {
        Path root = Path.of("target", "ferry-druid-failure").toAbsolutePath();
        List<String> progress = new ArrayList<>();
        SandboxStartException failure = catchThrowableOfType(SandboxStartException.class, () -> DruidCluster.start(root,
                DruidRuntime.locate(), Map.of("broker", Map.of("druid.processing.buffer.sizeBytes", "lots")), progress::add));

        assertThat(failure.getMessage())
                .contains("Druid broker exited during start-up")
                .contains(root.resolve("broker").resolve("broker.log").toString())
                .contains("Invalid format of number: lots")
                .doesNotContain("\tat com.google.inject");
        assertThat(io.ferry.sandbox.ServerProcesses.runningWith(root)).as("processes left under " + root).isEmpty();
        assertThat(progress).last().asString().startsWith("Druid and Kafka stopped");
    }
}

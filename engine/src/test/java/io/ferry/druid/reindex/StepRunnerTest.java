package io.ferry.druid.reindex;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class StepRunnerTest {
    private final List<Duration> slept = new ArrayList<>();
    private final List<String> ran = new ArrayList<>();
    private final StepRunner runner = new StepRunner(3, Duration.ofSeconds(10), Clock.systemUTC(), slept::add, line -> { });

    @Test
    void stepsRunInOrderAndAFailingStepIsRetriedWithDoublingBackoff() throws Exception {
        int[] calls = {0};
        List<StepRecord> result = runner.run(List.of(
                StepRunner.Step.of("flatten", Set.of(), true, a -> ran.add("flatten")),
                StepRunner.Step.of("index", Set.of("flatten"), true, a -> {
                    ran.add("index#" + a);
                    if (++calls[0] < 3) {
                        throw new IOException("worker lost");
                    }
                })));

        assertThat(ran).containsExactly("flatten", "index#1", "index#2", "index#3");
        assertThat(slept).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20));
        assertThat(result).extracting(StepRecord::status).containsExactly(StepRunner.Status.SUCCEEDED, StepRunner.Status.SUCCEEDED);
        assertThat(result.get(1).attempts()).isEqualTo(3);
    }

    @Test
    void aPermanentFailureIsNotRetriedAndItsDependentsAreSkipped() throws Exception {
        List<StepRecord> result = runner.run(List.of(
                StepRunner.Step.of("index", Set.of(), true, a -> {
                    ran.add("index#" + a);
                    throw new StepRunner.PermanentFailure("Druid refused the task spec: bad granularity");
                }),
                StepRunner.Step.of("verify", Set.of("index"), false, a -> ran.add("verify"))));

        assertThat(ran).containsExactly("index#1");
        assertThat(slept).isEmpty();
        assertThat(result.get(0).status()).isEqualTo(StepRunner.Status.FAILED);
        assertThat(result.get(0).error()).isEqualTo("Druid refused the task spec: bad granularity");
        assertThat(result.get(1).status()).isEqualTo(StepRunner.Status.SKIPPED);
        assertThat(result.get(1).error()).contains("index did not succeed");
    }

    @Test
    void retriesStopAfterTheConfiguredNumberAndTheLastErrorIsKept() throws Exception {
        List<StepRecord> result = runner.run(List.of(StepRunner.Step.of("stage", Set.of(), true, a -> {
            throw new IOException("S3 answered 503 (attempt " + a + ")");
        })));
        assertThat(result.get(0).attempts()).isEqualTo(4);
        assertThat(result.get(0).error()).isEqualTo("S3 answered 503 (attempt 4)");
        assertThat(slept).hasSize(3);
    }

    @Test
    void aStepThatIsNotRetriedRunsOnce() throws Exception {
        List<StepRecord> result = runner.run(List.of(StepRunner.Step.of("verify", Set.of(), false, a -> {
            ran.add("verify");
            throw new IOException("broker unreachable");
        })));
        assertThat(ran).hasSize(1);
        assertThat(result.get(0).status()).isEqualTo(StepRunner.Status.FAILED);
    }
}

package io.ferry.druid.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.druid.SupervisorStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A supervisor's status and its tasks' stats (the stats JSON in the shape Druid documents) as one health line. */
class SupervisorReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void stateLagAndRateAreCombined() throws Exception {
        SupervisorStatus status = new SupervisorStatus("ads", "ads", "ads", 2, "RUNNING", "RUNNING", true, false, 2, 0,
                new SupervisorStatus.Lag(Map.of(0, 1000L, 1, 234L), 1234), null, List.of());
        var stats = JSON.readTree("""
                {"0":{"index_kafka_ads_a":{"movingAverages":{"buildSegments":{"1m":{"processed":120.5,"unparseable":0},
                                                                               "5m":{"processed":99.0}}}}},
                 "1":{"index_kafka_ads_b":{"movingAverages":{"buildSegments":{"1m":{"processed":79.5}}}}}}""");

        assertThat(SupervisorReader.of(status, stats))
                .isEqualTo(new SupervisorHealth("ads", "ads", "RUNNING", "RUNNING", true, false, 1234L, 200.0));
    }

    @Test
    void aSuspendedSupervisorHasNoRateAndMayHaveNoLag() {
        SupervisorStatus status = new SupervisorStatus("ads", "ads", "ads", 1, "SUSPENDED", null, true, true, 0, 0, null, null, List.of());
        SupervisorHealth s = SupervisorReader.of(status, null);
        assertThat(s.state()).isEqualTo("SUSPENDED");
        assertThat(s.detailedState()).isEqualTo("SUSPENDED");
        assertThat(s.suspended()).isTrue();
        assertThat(s.aggregateLag()).isNull();
        assertThat(s.eventsPerSecond()).isNull();
    }
}

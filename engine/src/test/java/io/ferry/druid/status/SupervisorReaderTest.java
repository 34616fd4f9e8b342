package io.ferry.druid.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The overlord's supervisor status and stats JSON, in the shapes Druid documents. */
class SupervisorReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void stateLagAndRateAreReadFromStatusAndStats() throws Exception {
        var status = JSON.readTree("""
                {"id":"ads","generationTime":"2024-05-01T10:00:00Z","payload":{"dataSource":"ads","stream":"ads",
                 "partitions":2,"replicas":1,"durationSeconds":3600,"aggregateLag":1234,"suspended":false,"healthy":true,
                 "state":"RUNNING","detailedState":"RUNNING","recentErrors":[]}}""");
        var stats = JSON.readTree("""
                {"0":{"index_kafka_ads_a":{"movingAverages":{"buildSegments":{"1m":{"processed":120.5,"unparseable":0},
                                                                               "5m":{"processed":99.0}}}}},
                 "1":{"index_kafka_ads_b":{"movingAverages":{"buildSegments":{"1m":{"processed":79.5}}}}}}""");

        SupervisorStatus s = SupervisorReader.fromJson("ads", status, stats);

        assertThat(s).isEqualTo(new SupervisorStatus("ads", "ads", "RUNNING", "RUNNING", true, false, 1234L, 200.0));
    }

    @Test
    void aSuspendedSupervisorHasNoRateAndMayHaveNoLag() throws Exception {
        var status = JSON.readTree("{\"payload\":{\"dataSource\":\"ads\",\"state\":\"SUSPENDED\",\"suspended\":true,\"healthy\":true}}");
        SupervisorStatus s = SupervisorReader.fromJson("ads", status, null);
        assertThat(s.state()).isEqualTo("SUSPENDED");
        assertThat(s.detailedState()).isEqualTo("SUSPENDED");
        assertThat(s.suspended()).isTrue();
        assertThat(s.aggregateLag()).isNull();
        assertThat(s.eventsPerSecond()).isNull();
    }
}

package io.ferry.druid;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SupervisorStatusTest {

    @Test
    void readsStatesTasksLagAndRecentErrors() throws Exception {
        String answer = """
                {"id":"ad_events","generationTime":"2026-11-28T23:50:00.000Z","payload":{
                  "dataSource":"ad_events","stream":"ad_events","partitions":2,"replicas":1,"durationSeconds":120,
                  "activeTasks":[{"id":"index_kafka_ad_events_1"}],"publishingTasks":[],
                  "latestOffsets":{"0":1500,"1":1510},"minimumLag":{"0":12,"1":-1},"aggregateLag":12,
                  "offsetsLastUpdated":"2026-11-28T23:49:58.000Z","suspended":false,"healthy":true,
                  "state":"RUNNING","detailedState":"RUNNING",
                  "recentErrors":[{"timestamp":"2026-11-28T23:40:00.000Z","exceptionClass":"org.apache.kafka.common.errors.TimeoutException",
                    "message":"Timeout expired while fetching topic metadata","streamException":true}]}}
                """;
        SupervisorStatus s = SupervisorStatus.from("ad_events", DruidHttp.JSON.readTree(answer));
        assertThat(s.id()).isEqualTo("ad_events");
        assertThat(s.stream()).isEqualTo("ad_events");
        assertThat(s.partitions()).isEqualTo(2);
        assertThat(s.isRunning()).isTrue();
        assertThat(s.healthy()).isTrue();
        assertThat(s.activeTasks()).isEqualTo(1);
        assertThat(s.publishingTasks()).isZero();
        assertThat(s.lag().perPartition()).isEqualTo(Map.of(0, 12L, 1, -1L));
        assertThat(s.lag().total()).isEqualTo(12);
        assertThat(s.recentErrors()).singleElement().satisfies(e -> {
            assertThat(e.message()).isEqualTo("Timeout expired while fetching topic metadata");
            assertThat(e.streamException()).isTrue();
        });
    }

    @Test
    void lagIsUnknownUntilTheSupervisorHasFetchedOffsets() throws Exception {
        SupervisorStatus s = SupervisorStatus.from("x", DruidHttp.JSON.readTree(
                "{\"id\":\"x\",\"payload\":{\"dataSource\":\"x\",\"stream\":\"t\",\"state\":\"PENDING\",\"detailedState\":\"PENDING\","
                        + "\"suspended\":false,\"healthy\":true,\"activeTasks\":[],\"publishingTasks\":[]}}"));
        assertThat(s.lag()).isNull();
        assertThat(s.state()).isEqualTo("PENDING");
        assertThat(s.recentErrors()).isEmpty();
    }
}

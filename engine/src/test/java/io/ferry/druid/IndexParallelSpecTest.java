package io.ferry.druid;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndexParallelSpecTest {

    @Test
    void writesTheTaskDruidExpects() {
        JsonNode task = IndexParallelSpec.of("events", IndexParallelSpec.InputSource.local(Path.of("/data/in"), "*.json"))
                .timestamp("ts", "iso")
                .flatten(IndexParallelSpec.Field.path("country", "$.user.geo.country"), IndexParallelSpec.Field.jq("value", ".event.value"))
                .dimension("country").longDimension("value")
                .countMetric("count")
                .segmentGranularity("HOUR").rollup(true).queryGranularity("MINUTE")
                .intervals("2024-01-01T00/2024-01-01T04")
                .dropExisting(true)
                .toJson();

        assertThat(task.path("type").asText()).isEqualTo("index_parallel");
        JsonNode schema = task.path("spec").path("dataSchema");
        assertThat(schema.path("dataSource").asText()).isEqualTo("events");
        assertThat(schema.path("timestampSpec").toString()).isEqualTo("{\"column\":\"ts\",\"format\":\"iso\"}");
        assertThat(schema.path("dimensionsSpec").path("dimensions").toString())
                .isEqualTo("[{\"type\":\"string\",\"name\":\"country\"},{\"type\":\"long\",\"name\":\"value\"}]");
        assertThat(schema.path("metricsSpec").toString()).isEqualTo("[{\"type\":\"count\",\"name\":\"count\"}]");
        assertThat(schema.path("granularitySpec").toString()).isEqualTo("{\"type\":\"uniform\",\"segmentGranularity\":\"HOUR\","
                + "\"queryGranularity\":\"MINUTE\",\"rollup\":true,\"intervals\":[\"2024-01-01T00/2024-01-01T04\"]}");
        JsonNode io = task.path("spec").path("ioConfig");
        assertThat(io.path("inputSource").toString()).isEqualTo("{\"type\":\"local\",\"baseDir\":\"/data/in\",\"filter\":\"*.json\"}");
        assertThat(io.path("inputFormat").path("flattenSpec").path("fields").toString()).isEqualTo(
                "[{\"type\":\"path\",\"name\":\"country\",\"expr\":\"$.user.geo.country\"},{\"type\":\"jq\",\"name\":\"value\",\"expr\":\".event.value\"}]");
        assertThat(io.path("appendToExisting").asBoolean()).isFalse();
        assertThat(io.path("dropExisting").asBoolean()).isTrue();
        assertThat(task.path("spec").path("tuningConfig").path("partitionsSpec").path("type").asText()).isEqualTo("dynamic");
    }

    @Test
    void httpAndInlineInputSources() {
        assertThat(IndexParallelSpec.InputSource.http(List.of("http://127.0.0.1:9000/b/k?X-Amz-Signature=s")).toJson().toString())
                .isEqualTo("{\"type\":\"http\",\"uris\":[\"http://127.0.0.1:9000/b/k?X-Amz-Signature=s\"]}");
        assertThat(IndexParallelSpec.InputSource.inline("{}\n").toJson().path("data").asText()).isEqualTo("{}\n");
    }

    @Test
    void dropExistingWithoutIntervalsIsRefused() {
        assertThatThrownBy(() -> IndexParallelSpec.of("events", IndexParallelSpec.InputSource.inline("")).dropExisting(true).toJson())
                .hasMessageContaining("dropExisting needs explicit intervals");
        assertThatThrownBy(() -> IndexParallelSpec.of("events", IndexParallelSpec.InputSource.inline("")).intervals("2024-01-01/P1D")
                .appendToExisting(true).dropExisting(true).toJson())
                .hasMessageContaining("appendToExisting=false");
    }
}

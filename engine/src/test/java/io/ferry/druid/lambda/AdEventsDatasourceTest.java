package io.ferry.druid.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.druid.IndexParallelSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AdEventsDatasourceTest {

    @Test
    void theSupervisorSpecCarriesTheSchemaFlattenSpecAndLateMessageRejection() {
        ObjectNode spec = AdEventsDatasource.supervisor("ad_events", "ad_events", "127.0.0.1:9092").toJson();
        assertThat(spec.get("type").asText()).isEqualTo("kafka");
        JsonNode schema = spec.at("/spec/dataSchema");
        assertThat(schema.get("dataSource").asText()).isEqualTo("ad_events");
        assertThat(schema.get("timestampSpec").toString()).isEqualTo("{\"column\":\"ts\",\"format\":\"iso\"}");
        assertThat(names(schema.at("/dimensionsSpec/dimensions")))
                .containsExactly("type", "campaign_id", "advertiser_id", "site", "device_os", "country");
        assertThat(schema.get("metricsSpec").toString()).isEqualTo("[{\"type\":\"count\",\"name\":\"count\"},"
                + "{\"type\":\"longSum\",\"name\":\"revenue_micros\",\"fieldName\":\"price_micros\"}]");
        assertThat(schema.get("granularitySpec").toString())
                .isEqualTo("{\"type\":\"uniform\",\"segmentGranularity\":\"HOUR\",\"queryGranularity\":\"MINUTE\",\"rollup\":true}");

        JsonNode io = spec.at("/spec/ioConfig");
        assertThat(io.get("topic").asText()).isEqualTo("ad_events");
        assertThat(io.at("/consumerProperties/bootstrap.servers").asText()).isEqualTo("127.0.0.1:9092");
        assertThat(io.get("useEarliestOffset").asBoolean()).isTrue();
        assertThat(io.get("lateMessageRejectionPeriod").asText()).isEqualTo("PT3H");
        assertThat(io.get("taskDuration").asText()).isEqualTo("PT2M");
        assertThat(io.get("completionTimeout").asText()).isEqualTo("PT5M");
        JsonNode flatten = io.at("/inputFormat/flattenSpec");
        assertThat(io.at("/inputFormat/type").asText()).isEqualTo("json");
        assertThat(flatten.get("useFieldDiscovery").asBoolean()).isFalse();
        assertThat(flatten.get("fields").toString()).contains(
                "{\"type\":\"path\",\"name\":\"advertiser_id\",\"expr\":\"$.campaign.advertiser.id\"}",
                "{\"type\":\"path\",\"name\":\"device_os\",\"expr\":\"$.placement.device.os\"}",
                "{\"type\":\"path\",\"name\":\"price_micros\",\"expr\":\"$.bid.price_micros\"}");
        assertThat(spec.at("/spec/tuningConfig/type").asText()).isEqualTo("kafka");
    }

    @Test
    void theBatchTaskUsesTheSameSchemaAsTheSupervisor() {
        ObjectNode batch = AdEventsDatasource.indexParallel("ad_events", IndexParallelSpec.InputSource.inline("{}"))
                .intervals("2026-11-28T04:00:00Z/2026-11-28T08:00:00Z").dropExisting(true).toJson();
        ObjectNode realtime = AdEventsDatasource.supervisor("ad_events", "t", "h:1").toJson();
        JsonNode b = batch.at("/spec/dataSchema");
        JsonNode r = realtime.at("/spec/dataSchema");
        assertThat(b.get("timestampSpec")).isEqualTo(r.get("timestampSpec"));
        assertThat(b.get("dimensionsSpec")).isEqualTo(r.get("dimensionsSpec"));
        assertThat(b.get("metricsSpec")).isEqualTo(r.get("metricsSpec"));
        assertThat(b.at("/granularitySpec/segmentGranularity")).isEqualTo(r.at("/granularitySpec/segmentGranularity"));
        assertThat(b.at("/granularitySpec/queryGranularity")).isEqualTo(r.at("/granularitySpec/queryGranularity"));
        assertThat(b.at("/granularitySpec/rollup")).isEqualTo(r.at("/granularitySpec/rollup"));
        assertThat(batch.at("/spec/ioConfig/inputFormat/flattenSpec")).isEqualTo(realtime.at("/spec/ioConfig/inputFormat/flattenSpec"));
    }

    @Test
    void supervisorSettingsCanBeChanged() {
        ObjectNode spec = AdEventsDatasource.supervisor("ds", "t", "h:1")
                .lateMessageRejectionPeriod(Duration.ofMinutes(190)).taskDuration(Duration.ofMinutes(1)).useEarliestOffset(false)
                .earlyMessageRejectionPeriod(Duration.ofHours(1)).consumerProperty("security.protocol", "PLAINTEXT").toJson();
        assertThat(spec.at("/spec/ioConfig/lateMessageRejectionPeriod").asText()).isEqualTo("PT3H10M");
        assertThat(spec.at("/spec/ioConfig/earlyMessageRejectionPeriod").asText()).isEqualTo("PT1H");
        assertThat(spec.at("/spec/ioConfig/taskDuration").asText()).isEqualTo("PT1M");
        assertThat(spec.at("/spec/ioConfig/useEarliestOffset").asBoolean()).isFalse();
        assertThat(spec.at("/spec/ioConfig/consumerProperties/security.protocol").asText()).isEqualTo("PLAINTEXT");
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.get("name").asText()));
        return names;
    }
}

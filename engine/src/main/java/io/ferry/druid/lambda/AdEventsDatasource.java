package io.ferry.druid.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.druid.IndexParallelSpec;
import io.ferry.druid.KafkaSupervisorSpec;

import java.time.Duration;
import java.util.List;

/**
 * The one definition of the {@code ad_events} datasource, shared by the real-time path (the Kafka supervisor) and
 * the batch re-index: timestamp {@code ts} (ISO); dimensions {@code type, campaign_id, advertiser_id, site,
 * device_os, country} taken from the nested events by JSONPath; metrics {@code count} and {@code revenue_micros}
 * (sum of {@code bid.price_micros}); HOUR segments, MINUTE query granularity, rollup on.
 *
 * <p>With rollup, {@code COUNT(*)} counts Druid rows: count events with {@code SUM("count")}.
 */
public final class AdEventsDatasource {
    public static final String NAME = "ad_events";
    public static final String TOPIC = "ad_events";
    public static final String TIMESTAMP_COLUMN = "ts";
    public static final String TIMESTAMP_FORMAT = "iso";
    public static final String SEGMENT_GRANULARITY = "HOUR";
    public static final String QUERY_GRANULARITY = "MINUTE";
    public static final boolean ROLLUP = true;
    public static final String COUNT_METRIC = "count";
    public static final String REVENUE_METRIC = "revenue_micros";
    /** The flattened input column the revenue metric sums (not a dimension). */
    public static final String PRICE_COLUMN = "price_micros";

    /** Column name and JSONPath of every field taken from the nested event, dimensions first. */
    public static final List<IndexParallelSpec.Field> FIELDS = List.of(
            IndexParallelSpec.Field.path("type", "$.type"),
            IndexParallelSpec.Field.path("campaign_id", "$.campaign.id"),
            IndexParallelSpec.Field.path("advertiser_id", "$.campaign.advertiser.id"),
            IndexParallelSpec.Field.path("site", "$.placement.site"),
            IndexParallelSpec.Field.path("device_os", "$.placement.device.os"),
            IndexParallelSpec.Field.path("country", "$.geo.country"),
            IndexParallelSpec.Field.path(PRICE_COLUMN, "$.bid.price_micros"));
    public static final List<String> DIMENSIONS = List.of("type", "campaign_id", "advertiser_id", "site", "device_os", "country");

    /** The sandbox's real-time settings: short tasks so tests see segments published within minutes. */
    public static final Duration SANDBOX_TASK_DURATION = Duration.ofMinutes(2);
    public static final Duration SANDBOX_COMPLETION_TIMEOUT = Duration.ofMinutes(5);
    /**
     * Real-time tasks refuse events older than their start minus this: late events would otherwise land in an
     * hour the batch re-index already replaced, appending a partition to the batch version. Three hours lets tests
     * send events of the previous hour; {@code ferry sandbox --with-druid} sets the shortest period that fits the
     * hours it back-fills. The re-index waits this long (plus task duration and completion timeout) after an hour's
     * end before it calls the hour closed.
     */
    public static final Duration SANDBOX_LATE_MESSAGE_REJECTION = Duration.ofHours(3);

    private static final ObjectMapper JSON = new ObjectMapper();

    private AdEventsDatasource() {
    }

    public static ObjectNode timestampSpec() {
        return JSON.createObjectNode().put("column", TIMESTAMP_COLUMN).put("format", TIMESTAMP_FORMAT);
    }

    public static ObjectNode dimensionsSpec() {
        ObjectNode spec = JSON.createObjectNode();
        ArrayNode dims = spec.putArray("dimensions");
        DIMENSIONS.forEach(d -> dims.addObject().put("type", "string").put("name", d));
        return spec;
    }

    public static ArrayNode metricsSpec() {
        ArrayNode metrics = JSON.createArrayNode();
        metrics.addObject().put("type", "count").put("name", COUNT_METRIC);
        metrics.addObject().put("type", "longSum").put("name", REVENUE_METRIC).put("fieldName", PRICE_COLUMN);
        return metrics;
    }

    public static ObjectNode granularitySpec() {
        return JSON.createObjectNode().put("type", "uniform").put("segmentGranularity", SEGMENT_GRANULARITY)
                .put("queryGranularity", QUERY_GRANULARITY).put("rollup", ROLLUP);
    }

    /** Druid's {@code flattenSpec} for the nested events: every field of {@link #FIELDS} by JSONPath. */
    public static ObjectNode flattenSpec() {
        ObjectNode spec = JSON.createObjectNode().put("useFieldDiscovery", false);
        ArrayNode fields = spec.putArray("fields");
        FIELDS.forEach(f -> fields.addObject().put("type", f.type()).put("name", f.name()).put("expr", f.expr()));
        return spec;
    }

    /** The {@code inputFormat} for nested events: JSON with {@link #flattenSpec()}. */
    public static ObjectNode nestedInputFormat() {
        ObjectNode format = JSON.createObjectNode().put("type", "json");
        format.set("flattenSpec", flattenSpec());
        return format;
    }

    /** The whole {@code dataSchema} for {@code dataSource}. */
    public static ObjectNode dataSchema(String dataSource) {
        ObjectNode schema = JSON.createObjectNode().put("dataSource", dataSource);
        schema.set("timestampSpec", timestampSpec());
        schema.set("dimensionsSpec", dimensionsSpec());
        schema.set("metricsSpec", metricsSpec());
        schema.set("granularitySpec", granularitySpec());
        return schema;
    }

    /**
     * The Kafka supervisor of the real-time path with the sandbox's settings: earliest offsets (a new supervisor
     * reads the whole topic), {@link #SANDBOX_TASK_DURATION}, {@link #SANDBOX_COMPLETION_TIMEOUT} and
     * {@link #SANDBOX_LATE_MESSAGE_REJECTION}; change them on the returned spec.
     */
    public static KafkaSupervisorSpec supervisor(String dataSource, String topic, String bootstrapServers) {
        return KafkaSupervisorSpec.of(dataSource, topic, bootstrapServers)
                .schema(timestampSpec(), dimensionsSpec(), metricsSpec(), granularitySpec())
                .inputFormat(nestedInputFormat())
                .useEarliestOffset(true)
                .taskCount(1).replicas(1)
                .taskDuration(SANDBOX_TASK_DURATION)
                .completionTimeout(SANDBOX_COMPLETION_TIMEOUT)
                .lateMessageRejectionPeriod(SANDBOX_LATE_MESSAGE_REJECTION)
                .period(Duration.ofSeconds(10));
    }

    /**
     * A native batch task that reads nested raw events from {@code input} with the same schema (flattened by
     * Druid's {@code flattenSpec}); the caller adds the intervals and the overwrite settings.
     */
    public static IndexParallelSpec indexParallel(String dataSource, IndexParallelSpec.InputSource input) {
        IndexParallelSpec spec = IndexParallelSpec.of(dataSource, input)
                .timestamp(TIMESTAMP_COLUMN, TIMESTAMP_FORMAT)
                .flatten(FIELDS.toArray(IndexParallelSpec.Field[]::new))
                .countMetric(COUNT_METRIC)
                .longSumMetric(REVENUE_METRIC, PRICE_COLUMN)
                .segmentGranularity(SEGMENT_GRANULARITY).queryGranularity(QUERY_GRANULARITY).rollup(ROLLUP);
        DIMENSIONS.forEach(spec::dimension);
        return spec;
    }
}

package io.ferry.druid;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Kafka supervisor spec ({@code "type": "kafka"}): the datasource's schema, the topic and consumer properties, the
 * input format, and the task settings that decide when real-time segments are published and which late messages
 * are refused. Submit it with {@link SupervisorClient#submit}.
 */
public final class KafkaSupervisorSpec {
    private final String dataSource;
    private final String topic;
    private final Map<String, String> consumerProperties = new LinkedHashMap<>();
    private ObjectNode timestampSpec;
    private ObjectNode dimensionsSpec;
    private com.fasterxml.jackson.databind.node.ArrayNode metricsSpec;
    private ObjectNode granularitySpec;
    private ObjectNode inputFormat = DruidHttp.JSON.createObjectNode().put("type", "json");
    private int taskCount = 1;
    private int replicas = 1;
    private Duration taskDuration = Duration.ofHours(1);
    private Duration completionTimeout = Duration.ofMinutes(30);
    private Duration period = Duration.ofSeconds(30);
    private Duration lateMessageRejectionPeriod;
    private Duration earlyMessageRejectionPeriod;
    private boolean useEarliestOffset;
    private Integer maxRowsPerSegment;
    private Duration intermediatePersistPeriod;

    private KafkaSupervisorSpec(String dataSource, String topic, String bootstrapServers) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.topic = Objects.requireNonNull(topic, "topic");
        consumerProperties.put("bootstrap.servers", Objects.requireNonNull(bootstrapServers, "bootstrapServers"));
    }

    public static KafkaSupervisorSpec of(String dataSource, String topic, String bootstrapServers) {
        return new KafkaSupervisorSpec(dataSource, topic, bootstrapServers);
    }

    public String dataSource() {
        return dataSource;
    }

    public String topic() {
        return topic;
    }

    /** The supervisor id Druid gives this spec (the datasource name). */
    public String id() {
        return dataSource;
    }

    /** The parts of the {@code dataSchema} (timestampSpec, dimensionsSpec, metricsSpec, granularitySpec). */
    public KafkaSupervisorSpec schema(ObjectNode timestampSpec, ObjectNode dimensionsSpec,
                                      com.fasterxml.jackson.databind.node.ArrayNode metricsSpec, ObjectNode granularitySpec) {
        this.timestampSpec = timestampSpec.deepCopy();
        this.dimensionsSpec = dimensionsSpec.deepCopy();
        this.metricsSpec = metricsSpec.deepCopy();
        this.granularitySpec = granularitySpec.deepCopy();
        return this;
    }

    /** The {@code inputFormat} ({@code json} with a {@code flattenSpec}, say); JSON without flattening by default. */
    public KafkaSupervisorSpec inputFormat(ObjectNode inputFormat) {
        this.inputFormat = inputFormat.deepCopy();
        return this;
    }

    public KafkaSupervisorSpec consumerProperty(String key, String value) {
        consumerProperties.put(key, value);
        return this;
    }

    public KafkaSupervisorSpec taskCount(int taskCount) {
        this.taskCount = taskCount;
        return this;
    }

    public KafkaSupervisorSpec replicas(int replicas) {
        this.replicas = replicas;
        return this;
    }

    /** How long a task reads before it stops reading and publishes its segments (Druid's default: one hour). */
    public KafkaSupervisorSpec taskDuration(Duration taskDuration) {
        this.taskDuration = taskDuration;
        return this;
    }

    /** How long a task may take to publish after it stopped reading before it is failed. */
    public KafkaSupervisorSpec completionTimeout(Duration completionTimeout) {
        this.completionTimeout = completionTimeout;
        return this;
    }

    /** How often the supervisor runs its management loop. */
    public KafkaSupervisorSpec period(Duration period) {
        this.period = period;
        return this;
    }

    /** Tasks refuse messages older than their creation time minus this period (null: accept any). */
    public KafkaSupervisorSpec lateMessageRejectionPeriod(Duration period) {
        this.lateMessageRejectionPeriod = period;
        return this;
    }

    /** Tasks refuse messages newer than their end time plus this period (null: accept any). */
    public KafkaSupervisorSpec earlyMessageRejectionPeriod(Duration period) {
        this.earlyMessageRejectionPeriod = period;
        return this;
    }

    /** Where a supervisor without stored offsets starts: the earliest offsets (true) or the latest (Druid's default). */
    public KafkaSupervisorSpec useEarliestOffset(boolean earliest) {
        this.useEarliestOffset = earliest;
        return this;
    }

    public KafkaSupervisorSpec maxRowsPerSegment(int rows) {
        this.maxRowsPerSegment = rows;
        return this;
    }

    public KafkaSupervisorSpec intermediatePersistPeriod(Duration period) {
        this.intermediatePersistPeriod = period;
        return this;
    }

    public Duration taskDuration() {
        return taskDuration;
    }

    public Duration completionTimeout() {
        return completionTimeout;
    }

    public Duration lateMessageRejectionPeriod() {
        return lateMessageRejectionPeriod;
    }

    public ObjectNode toJson() {
        if (timestampSpec == null) {
            throw new IllegalStateException("the supervisor spec of " + dataSource + " has no schema");
        }
        ObjectNode root = DruidHttp.JSON.createObjectNode().put("type", "kafka");
        ObjectNode spec = root.putObject("spec");
        ObjectNode dataSchema = spec.putObject("dataSchema").put("dataSource", dataSource);
        dataSchema.set("timestampSpec", timestampSpec.deepCopy());
        dataSchema.set("dimensionsSpec", dimensionsSpec.deepCopy());
        dataSchema.set("metricsSpec", metricsSpec.deepCopy());
        dataSchema.set("granularitySpec", granularitySpec.deepCopy());

        ObjectNode io = spec.putObject("ioConfig").put("type", "kafka").put("topic", topic);
        io.set("inputFormat", inputFormat.deepCopy());
        ObjectNode consumer = io.putObject("consumerProperties");
        consumerProperties.forEach(consumer::put);
        io.put("useEarliestOffset", useEarliestOffset)
                .put("taskCount", taskCount).put("replicas", replicas)
                .put("taskDuration", taskDuration.toString())
                .put("completionTimeout", completionTimeout.toString())
                .put("period", period.toString());
        if (lateMessageRejectionPeriod != null) {
            io.put("lateMessageRejectionPeriod", lateMessageRejectionPeriod.toString());
        }
        if (earlyMessageRejectionPeriod != null) {
            io.put("earlyMessageRejectionPeriod", earlyMessageRejectionPeriod.toString());
        }

        ObjectNode tuning = spec.putObject("tuningConfig").put("type", "kafka");
        if (maxRowsPerSegment != null) {
            tuning.put("maxRowsPerSegment", maxRowsPerSegment);
        }
        if (intermediatePersistPeriod != null) {
            tuning.put("intermediatePersistPeriod", intermediatePersistPeriod.toString());
        }
        return root;
    }
}

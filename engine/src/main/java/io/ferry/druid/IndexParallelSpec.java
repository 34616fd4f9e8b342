package io.ferry.druid;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A native batch ({@code index_parallel}) task over JSON lines: where the rows come from, how nested fields are
 * flattened into columns, and which intervals the task owns. With {@code appendToExisting=false} (the default here)
 * the task's segments get a new version that overshadows every older segment of the intervals it wrote; with
 * {@code dropExisting=true} as well, intervals it has no rows for lose their old segments too.
 *
 * <pre>{@code
 * IndexParallelSpec.of("events", InputSource.local(dir, "*.json"))
 *     .timestamp("ts", "iso")
 *     .flatten(Field.path("country", "$.user.geo.country"))
 *     .dimension("country").longDimension("value")
 *     .segmentGranularity("DAY").intervals("2024-01-01/2024-01-02")
 *     .toJson();
 * }</pre>
 */
public final class IndexParallelSpec {
    private final String dataSource;
    private final InputSource inputSource;
    private String timestampColumn = "ts";
    private String timestampFormat = "auto";
    private final List<Field> flatten = new ArrayList<>();
    private final List<Dimension> dimensions = new ArrayList<>();
    private final List<ObjectNode> metrics = new ArrayList<>();
    private String segmentGranularity = "DAY";
    private String queryGranularity = "NONE";
    private boolean rollup;
    private final List<String> intervals = new ArrayList<>();
    private boolean appendToExisting;
    private boolean dropExisting;
    private Integer maxParseExceptions;

    private IndexParallelSpec(String dataSource, InputSource inputSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.inputSource = Objects.requireNonNull(inputSource, "inputSource");
    }

    public static IndexParallelSpec of(String dataSource, InputSource inputSource) {
        return new IndexParallelSpec(dataSource, inputSource);
    }

    /** The input column holding the event time (after flattening) and its format ({@code iso}, {@code millis}, {@code auto}). */
    public IndexParallelSpec timestamp(String column, String format) {
        this.timestampColumn = column;
        this.timestampFormat = format;
        return this;
    }

    public IndexParallelSpec flatten(Field... fields) {
        flatten.addAll(List.of(fields));
        return this;
    }

    public IndexParallelSpec dimension(String name) {
        dimensions.add(new Dimension(name, "string"));
        return this;
    }

    public IndexParallelSpec longDimension(String name) {
        dimensions.add(new Dimension(name, "long"));
        return this;
    }

    public IndexParallelSpec doubleDimension(String name) {
        dimensions.add(new Dimension(name, "double"));
        return this;
    }

    /** A {@code count} metric: with rollup, {@code SUM(name)} counts events where {@code COUNT(*)} counts Druid rows. */
    public IndexParallelSpec countMetric(String name) {
        metrics.add(DruidHttp.JSON.createObjectNode().put("type", "count").put("name", name));
        return this;
    }

    public IndexParallelSpec longSumMetric(String name, String fieldName) {
        metrics.add(DruidHttp.JSON.createObjectNode().put("type", "longSum").put("name", name).put("fieldName", fieldName));
        return this;
    }

    public IndexParallelSpec doubleSumMetric(String name, String fieldName) {
        metrics.add(DruidHttp.JSON.createObjectNode().put("type", "doubleSum").put("name", name).put("fieldName", fieldName));
        return this;
    }

    public IndexParallelSpec segmentGranularity(String granularity) {
        this.segmentGranularity = granularity;
        return this;
    }

    public IndexParallelSpec queryGranularity(String granularity) {
        this.queryGranularity = granularity;
        return this;
    }

    public IndexParallelSpec rollup(boolean rollup) {
        this.rollup = rollup;
        return this;
    }

    /** ISO intervals ({@code 2024-01-01/2024-01-02}) the task owns; rows outside them are thrown away. */
    public IndexParallelSpec intervals(String... isoIntervals) {
        intervals.addAll(List.of(isoIntervals));
        return this;
    }

    public IndexParallelSpec appendToExisting(boolean append) {
        this.appendToExisting = append;
        return this;
    }

    /** Also drop the old segments of intervals the task wrote no row into (needs explicit intervals, no append). */
    public IndexParallelSpec dropExisting(boolean drop) {
        this.dropExisting = drop;
        return this;
    }

    /** Fail the task after this many unparseable rows (Druid's default: never). */
    public IndexParallelSpec maxParseExceptions(int max) {
        this.maxParseExceptions = max;
        return this;
    }

    /** The task as Druid's JSON, ready for {@link OverlordClient#submitTask}. */
    public ObjectNode toJson() {
        if (dropExisting && (appendToExisting || intervals.isEmpty())) {
            throw new IllegalStateException("dropExisting needs explicit intervals and appendToExisting=false (datasource "
                    + dataSource + ")");
        }
        ObjectNode task = DruidHttp.JSON.createObjectNode().put("type", "index_parallel");
        ObjectNode spec = task.putObject("spec");

        ObjectNode dataSchema = spec.putObject("dataSchema").put("dataSource", dataSource);
        dataSchema.putObject("timestampSpec").put("column", timestampColumn).put("format", timestampFormat);
        ArrayNode dims = dataSchema.putObject("dimensionsSpec").putArray("dimensions");
        dimensions.forEach(d -> dims.addObject().put("type", d.type()).put("name", d.name()));
        if (!metrics.isEmpty()) {
            ArrayNode metricsSpec = dataSchema.putArray("metricsSpec");
            metrics.forEach(metricsSpec::add);
        }
        ObjectNode granularity = dataSchema.putObject("granularitySpec").put("type", "uniform")
                .put("segmentGranularity", segmentGranularity).put("queryGranularity", queryGranularity).put("rollup", rollup);
        if (!intervals.isEmpty()) {
            ArrayNode array = granularity.putArray("intervals");
            intervals.forEach(array::add);
        }

        ObjectNode io = spec.putObject("ioConfig").put("type", "index_parallel");
        io.set("inputSource", inputSource.toJson());
        ObjectNode format = io.putObject("inputFormat").put("type", "json");
        if (!flatten.isEmpty()) {
            ObjectNode flattenSpec = format.putObject("flattenSpec").put("useFieldDiscovery", false);
            ArrayNode fields = flattenSpec.putArray("fields");
            flatten.forEach(f -> fields.addObject().put("type", f.type()).put("name", f.name()).put("expr", f.expr()));
        }
        io.put("appendToExisting", appendToExisting).put("dropExisting", dropExisting);

        ObjectNode tuning = spec.putObject("tuningConfig").put("type", "index_parallel").put("maxNumConcurrentSubTasks", 1);
        tuning.putObject("partitionsSpec").put("type", "dynamic");
        if (maxParseExceptions != null) {
            tuning.put("maxParseExceptions", maxParseExceptions);
        }
        return task;
    }

    /** A column taken from nested JSON: {@code path} is a JSONPath ({@code $.user.id}), {@code jq} a jq expression. */
    public record Field(String type, String name, String expr) {
        public static Field path(String name, String jsonPath) {
            return new Field("path", name, jsonPath);
        }

        public static Field jq(String name, String jqExpression) {
            return new Field("jq", name, jqExpression);
        }
    }

    private record Dimension(String name, String type) {
    }

    /** Where the task reads its JSON lines. */
    public interface InputSource {
        ObjectNode toJson();

        /** Files under a directory of the Druid indexer's machine, matching a glob ({@code *.json}). */
        static InputSource local(Path baseDir, String filter) {
            return () -> DruidHttp.JSON.createObjectNode().put("type", "local")
                    .put("baseDir", baseDir.toAbsolutePath().toString()).put("filter", filter);
        }

        /** Named files of the Druid indexer's machine (Druid's {@code local} input source with {@code files}). */
        static InputSource localFiles(List<Path> files) {
            return () -> {
                ObjectNode node = DruidHttp.JSON.createObjectNode().put("type", "local");
                ArrayNode array = node.putArray("files");
                files.forEach(f -> array.add(f.toAbsolutePath().toString()));
                return node;
            };
        }

        /** Rows given in the task itself (newline-separated JSON); for small inputs. */
        static InputSource inline(String data) {
            return () -> DruidHttp.JSON.createObjectNode().put("type", "inline").put("data", data);
        }

        /** Objects fetched over HTTP(S), e.g. presigned S3 URLs (Druid's {@code http} input source). */
        static InputSource http(List<String> uris) {
            return () -> {
                ObjectNode node = DruidHttp.JSON.createObjectNode().put("type", "http");
                ArrayNode array = node.putArray("uris");
                uris.forEach(array::add);
                return node;
            };
        }
    }
}

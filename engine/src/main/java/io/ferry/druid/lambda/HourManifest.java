package io.ferry.druid.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code _MANIFEST.json} written once an hour's raw files are complete: the hour, its event count and byte
 * size, and every part with its own counts. Readers trust an hour only when its manifest exists and every part it
 * lists is there with the size it gives.
 * <pre>{@code
 * {"hour":"2026-11-28T04:00:00Z","events":36000,"bytes":2104332,
 *  "parts":[{"key":"raw/ad_events/2026/11/28/04/part-00000.ndjson.gz","events":36000,"bytes":2104332}]}
 * }</pre>
 */
public record HourManifest(Instant hour, long events, long bytes, List<Part> parts) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public HourManifest {
        parts = List.copyOf(parts);
    }

    /** One gzipped NDJSON file: its key (relative to the bucket or folder), event lines and size in bytes. */
    public record Part(String key, long events, long bytes) {
    }

    public static HourManifest of(Instant hour, List<Part> parts) {
        return new HourManifest(hour, parts.stream().mapToLong(Part::events).sum(), parts.stream().mapToLong(Part::bytes).sum(), parts);
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("hour", hour.toString());
        root.put("events", events);
        root.put("bytes", bytes);
        ArrayNode array = root.putArray("parts");
        parts.forEach(p -> array.addObject().put("key", p.key()).put("events", p.events()).put("bytes", p.bytes()));
        return root.toString();
    }

    public byte[] toBytes() {
        return toJson().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a manifest; {@code source} (its key or path) names it in errors. Refuses one whose totals do not add up.
     */
    public static HourManifest parse(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not a JSON manifest: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": a manifest must be a JSON object");
        }
        Instant hour;
        try {
            hour = Instant.parse(required(root, "hour", source).asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(source + ": 'hour' is not an ISO instant: " + root.get("hour").asText(), e);
        }
        List<Part> parts = new ArrayList<>();
        JsonNode array = required(root, "parts", source);
        if (!array.isArray()) {
            throw new IllegalArgumentException(source + ": 'parts' must be a list");
        }
        for (JsonNode p : array) {
            parts.add(new Part(required(p, "key", source).asText(), number(p, "events", source), number(p, "bytes", source)));
        }
        HourManifest manifest = new HourManifest(hour, number(root, "events", source), number(root, "bytes", source), parts);
        HourManifest summed = of(hour, parts);
        if (summed.events != manifest.events || summed.bytes != manifest.bytes) {
            throw new IllegalArgumentException(source + ": the totals (" + manifest.events + " events, " + manifest.bytes
                    + " bytes) are not the sums of the parts (" + summed.events + " events, " + summed.bytes + " bytes)");
        }
        return manifest;
    }

    private static JsonNode required(JsonNode node, String field, String source) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(source + ": missing '" + field + "'");
        }
        return value;
    }

    private static long number(JsonNode node, String field, String source) {
        JsonNode value = required(node, field, source);
        if (!value.canConvertToExactIntegral() || value.asLong() < 0) {
            throw new IllegalArgumentException(source + ": '" + field + "' must be a whole number >= 0, got " + value);
        }
        return value.asLong();
    }
}

package io.ferry.druid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Nested ad events as JSON lines, with known totals, for ingestion tests. */
final class NestedEvents {
    static final List<String> COUNTRIES = List.of("DE", "FR", "US", "JP");

    private final List<String> lines = new ArrayList<>();
    private long count;
    private long valueSum;

    /** {@code n} events spread over the hour starting at {@code start}; event i has value i % 100. */
    NestedEvents add(Instant start, int n) {
        for (int i = 0; i < n; i++) {
            Instant ts = start.plusMillis(i * 3_600_000L / n);
            int value = i % 100;
            lines.add(String.format(Locale.ROOT,
                    "{\"ts\":\"%s\",\"user\":{\"id\":\"u%d\",\"geo\":{\"country\":\"%s\"}},\"event\":{\"type\":\"%s\",\"value\":%d}}",
                    ts, i % 37, COUNTRIES.get(i % COUNTRIES.size()), i % 3 == 0 ? "click" : "view", value));
            count++;
            valueSum += value;
        }
        return this;
    }

    /** Lines that are not JSON: Druid counts them as unparseable. */
    NestedEvents addGarbage(int n) {
        for (int i = 0; i < n; i++) {
            lines.add("{not json " + i);
        }
        return this;
    }

    long count() {
        return count;
    }

    long valueSum() {
        return valueSum;
    }

    String asText() {
        return String.join("\n", lines) + "\n";
    }

    Path writeTo(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, asText());
    }

    /** The spec that flattens these events: user.id, user.geo.country, event.type, event.value. */
    static IndexParallelSpec spec(String dataSource, IndexParallelSpec.InputSource input) {
        return IndexParallelSpec.of(dataSource, input)
                .timestamp("ts", "iso")
                .flatten(IndexParallelSpec.Field.path("userId", "$.user.id"),
                        IndexParallelSpec.Field.path("country", "$.user.geo.country"),
                        IndexParallelSpec.Field.path("eventType", "$.event.type"),
                        IndexParallelSpec.Field.jq("value", ".event.value"))
                .dimension("userId").dimension("country").dimension("eventType").longDimension("value")
                .segmentGranularity("DAY").queryGranularity("NONE").rollup(false);
    }
}

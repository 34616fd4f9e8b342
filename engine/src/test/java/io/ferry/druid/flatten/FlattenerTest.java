package io.ferry.druid.flatten;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class FlattenerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AD_EVENT = "{\"id\":\"e-00000001\",\"ts\":\"2026-11-28T04:12:33.123Z\",\"type\":\"impression\","
            + "\"campaign\":{\"id\":\"c-12\",\"advertiser\":{\"id\":\"a-3\",\"name\":\"Acme\"}},\"placement\":{\"site\":\"news.example\","
            + "\"slot\":\"top\",\"device\":{\"os\":\"android\",\"type\":\"mobile\"}},\"geo\":{\"country\":\"DE\",\"region\":\"BE\"},"
            + "\"bid\":{\"price_micros\":1234,\"currency\":\"USD\"},\"segments\":[{\"id\":\"s1\",\"weight\":0.5}],\"user\":{\"id\":\"u-991\"}}";

    record Result(String text, List<JsonNode> rows, FlattenStats stats, FlattenTotals totals) {
    }

    private static Result flatten(FlattenSpec spec, String input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Flattener f = new Flattener(spec, out);
        f.flatten(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), "in.ndjson");
        f.close();
        String text = out.toString(StandardCharsets.UTF_8);
        List<JsonNode> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                rows.add(JSON.readTree(line));
            }
        }
        return new Result(text, rows, f.stats(), f.totals());
    }

    private static Result flatten(String specYaml, String... lines) throws IOException {
        return flatten(FlattenSpecReader.parse(specYaml, Path.of("test.yaml"), false), String.join("\n", lines) + "\n");
    }

    @Test
    void theAdEventBecomesTheAgreedFlatRow() throws Exception {
        Result r = flatten(FlattenSpecReader.readResource(FlattenSpecReader.AD_EVENTS_RESOURCE), AD_EVENT + "\n");
        assertThat(r.text()).isEqualTo("{\"ts\":\"2026-11-28T04:12:33.123Z\",\"type\":\"impression\",\"campaign_id\":\"c-12\","
                + "\"advertiser_id\":\"a-3\",\"site\":\"news.example\",\"device_os\":\"android\",\"country\":\"DE\",\"price_micros\":1234}\n");
        assertThat(r.stats().rowsIn()).isEqualTo(1);
        assertThat(r.stats().rowsOut()).isEqualTo(1);
        assertThat(r.stats().bytesIn()).isEqualTo(AD_EVENT.length() + 1);
    }

    @Test
    void everyPathFormIsRead() throws Exception {
        Result r = flatten("""
                timestamp: {path: $.ts}
                columns:
                  - {name: deep, path: $.a.b.c}
                  - {name: first, path: "$.segments[0].id"}
                  - {name: second, path: "$.segments[1].id"}
                  - {name: third, path: "$.segments[2].id"}
                  - {name: dotted, path: "$['x.y'].z"}
                  - {name: nested_index, path: "$.m[1][0]"}
                  - {name: whole, path: $.a, type: json}
                  - {name: inside_whole, path: $.a.b.d, type: long}
                """,
                "{\"segments\":[{\"id\":\"s1\"},{\"id\":\"s2\"}],\"ts\":\"2026-01-01T00:00:00Z\",\"x.y\":{\"z\":\"dot\"},"
                        + "\"a\":{\"b\":{\"c\":\"deep\",\"d\":7}},\"m\":[[1],[2,3]],\"ignored\":{\"big\":[1,2,{\"c\":3}]}}");
        JsonNode row = r.rows().get(0);
        assertThat(row.get("deep").asText()).isEqualTo("deep");
        assertThat(row.get("first").asText()).isEqualTo("s1");
        assertThat(row.get("second").asText()).isEqualTo("s2");
        assertThat(row.get("third").isNull()).isTrue();
        assertThat(row.get("dotted").asText()).isEqualTo("dot");
        assertThat(row.get("nested_index").asText()).isEqualTo("2");
        assertThat(row.get("whole").asText()).isEqualTo("{\"b\":{\"c\":\"deep\",\"d\":7}}");
        assertThat(row.get("inside_whole").asLong()).isEqualTo(7);
    }

    @Test
    void explodeWritesOneRowPerElementAndKeepsOrDropsEventsWithoutOne() throws Exception {
        String spec = """
                timestamp: {path: $.ts}
                explode: {path: $.segments, whenEmpty: %s}
                columns:
                  - {name: id, path: $.id}
                  - {name: segment, path: $item.id}
                  - {name: weight, path: $item.weight, type: double}
                  - {name: first_segment, path: "$.segments[0].id"}
                """;
        String[] events = {
                "{\"id\":\"e1\",\"ts\":\"2026-01-01T00:00:00Z\",\"segments\":[{\"id\":\"s1\",\"weight\":0.5},{\"id\":\"s2\",\"weight\":0.25},{\"weight\":1}]}",
                "{\"id\":\"e2\",\"ts\":\"2026-01-01T00:00:01Z\"}",
                "{\"id\":\"e3\",\"ts\":\"2026-01-01T00:00:02Z\",\"segments\":[]}",
                "{\"segments\":[{\"id\":\"s9\",\"weight\":2}],\"id\":\"e4\",\"ts\":\"2026-01-01T00:00:03Z\"}"};
        Result keep = flatten(spec.formatted("keep"), events);
        assertThat(keep.rows()).extracting(n -> n.get("id").asText() + "/" + n.get("segment").asText() + "/"
                        + n.get("weight").asText() + "/" + n.get("first_segment").asText())
                .containsExactly("e1/s1/0.5/s1", "e1/s2/0.25/s1", "e1/null/1.0/s1", "e2/null/null/null", "e3/null/null/null",
                        "e4/s9/2.0/s9");
        assertThat(keep.stats().rowsOut()).isEqualTo(6);
        assertThat(keep.totals().chunks().firstEntry().getValue().doubleSums()).containsEntry("weight", 3.75);

        Result drop = flatten(spec.formatted("drop"), events);
        assertThat(drop.rows()).extracting(n -> n.get("id").asText()).containsExactly("e1", "e1", "e1", "e4");
        assertThat(drop.stats().rowsDropped()).isEqualTo(2);
        assertThat(drop.stats().rowsIn()).isEqualTo(4);
        assertThat(drop.totals().rows()).isEqualTo(4);
    }

    @Test
    void explodedElementsMayBeScalarsOrOneObject() throws Exception {
        Result r = flatten("""
                timestamp: {path: $.ts}
                explode: {path: $.tags}
                columns:
                  - {name: tag, path: $item}
                """,
                "{\"ts\":\"2026-01-01T00:00:00Z\",\"tags\":[\"a\",\"b\",null]}",
                "{\"ts\":\"2026-01-01T00:00:00Z\",\"tags\":\"solo\"}");
        assertThat(r.rows()).extracting(n -> n.get("tag").asText()).containsExactly("a", "b", "null", "solo");
    }

    @Test
    void derivedFieldsAreComputedPerRow() throws Exception {
        Result r = flatten("""
                timestamp: {path: $.ts}
                explode: {path: $.segments}
                columns:
                  - {name: advertiser, path: $.adv}
                  - {name: campaign, path: $.campaign}
                  - {name: price, path: $.price, type: long}
                  - {name: os, path: $.device.os, output: false}
                  - {name: device_type, path: $.device.type}
                  - {name: segment, path: $item.id}
                derived:
                  - {name: key, concat: [advertiser, campaign, price], separator: ":"}
                  - {name: seg_key, concat: [campaign, segment], separator: "/"}
                  - {name: adv_lc, lower: advertiser}
                  - {name: adv_uc, upper: advertiser}
                  - {name: hour, hourOfDay: true}
                  - {name: source, constant: batch}
                  - {name: weight, constant: 1.5}
                  - {name: device, coalesce: [os, device_type]}
                """,
                "{\"ts\":\"2026-11-28T23:59:59.999+02:00\",\"adv\":\"Müller AG\",\"campaign\":\"c-1\",\"price\":42,"
                        + "\"device\":{\"type\":\"mobile\"},\"segments\":[{\"id\":\"s1\"},{\"id\":\"s2\"}]}",
                "{\"ts\":\"2026-11-28T05:00:00Z\",\"adv\":\"X\",\"campaign\":\"c-2\",\"device\":{\"os\":\"ios\",\"type\":\"tablet\"},"
                        + "\"segments\":[{}]}");
        JsonNode a = r.rows().get(0);
        assertThat(a.get("key").asText()).isEqualTo("Müller AG:c-1:42");
        assertThat(a.get("seg_key").asText()).isEqualTo("c-1/s1");
        assertThat(r.rows().get(1).get("seg_key").asText()).isEqualTo("c-1/s2");
        assertThat(a.get("adv_lc").asText()).isEqualTo("müller ag");
        assertThat(a.get("adv_uc").asText()).isEqualTo("MÜLLER AG");
        assertThat(a.get("hour").asLong()).isEqualTo(21);
        assertThat(a.get("source").asText()).isEqualTo("batch");
        assertThat(a.get("weight").asDouble()).isEqualTo(1.5);
        assertThat(a.get("device").asText()).isEqualTo("mobile");
        assertThat(a.has("os")).isFalse();
        JsonNode b = r.rows().get(2);
        assertThat(b.get("key").isNull()).as("concat of a null is null").isTrue();
        assertThat(b.get("seg_key").isNull()).isTrue();
        assertThat(b.get("device").asText()).isEqualTo("ios");
        assertThat(b.get("hour").asLong()).isEqualTo(5);
    }

    @Test
    void missingFieldsAreNullOrRejectTheEventWithTheLineAndReason() throws Exception {
        String spec = """
                timestamp: {path: $.ts}
                onMissing: %s
                columns:
                  - {name: country, path: $.geo.country}
                  - {name: os, path: $.os, onMissing: null}
                """;
        String[] events = {
                "{\"ts\":\"2026-01-01T00:00:00Z\",\"geo\":{\"country\":\"DE\"}}",
                "{\"ts\":\"2026-01-01T00:00:00Z\",\"geo\":{}}",
                "",
                "{\"ts\":\"2026-01-01T00:00:00Z\",\"geo\":{\"country\":null},\"os\":\"ios\"}",
                "{\"geo\":{\"country\":\"FR\"}}"};
        Result asNull = flatten(spec.formatted("null"), events);
        assertThat(asNull.rows()).extracting(n -> n.get("country").asText()).containsExactly("DE", "null", "null");
        assertThat(asNull.stats().rowsIn()).isEqualTo(4);
        assertThat(asNull.stats().rowsRejected()).as("no timestamp: always rejected").isEqualTo(1);

        Result reject = flatten(spec.formatted("reject"), events);
        assertThat(reject.rows()).extracting(n -> n.get("country").asText()).containsExactly("DE");
        assertThat(reject.stats().rowsRejected()).isEqualTo(3);
        assertThat(reject.stats().firstRejections()).extracting(FlattenStats.Rejection::toString).containsExactly(
                "in.ndjson:2: country ($.geo.country): missing",
                "in.ndjson:4: country ($.geo.country): missing",
                "in.ndjson:5: ts ($.ts): missing");
    }

    @Test
    void valuesAreConvertedToTheColumnTypeOrTheEventIsRejected() throws Exception {
        String spec = """
                timestamp: {path: $.ts}
                columns:
                  - {name: n, path: $.n, type: long}
                  - {name: d, path: $.d, type: double}
                  - {name: b, path: $.b, type: boolean}
                  - {name: s, path: $.s}
                  - {name: j, path: $.j, type: json}
                """;
        String ts = "\"ts\":\"2026-01-01T00:00:00Z\"";
        Result r = flatten(spec,
                "{" + ts + ",\"n\":9223372036854775807,\"d\":1.5e300,\"b\":true,\"s\":\"quote \\\" backslash \\\\ tab \\t é 東京 😀 \\u00e9\",\"j\":[1,{\"a\":null}]}",
                "{" + ts + ",\"n\":\"-42\",\"d\":\"2.5\",\"b\":\"FALSE\",\"s\":12.50,\"j\":\"text\"}",
                "{" + ts + ",\"n\":12.0,\"d\":7,\"b\":null,\"s\":false,\"j\":null}",
                "{" + ts + ",\"n\":9223372036854775808}",
                "{" + ts + ",\"n\":1.5}",
                "{" + ts + ",\"n\":\"abc\"}",
                "{" + ts + ",\"d\":\"NaN\"}",
                "{" + ts + ",\"b\":\"yes\"}",
                "{" + ts + ",\"s\":{\"x\":1}}",
                "{" + ts + ",\"n\":[1]}");
        assertThat(r.rows()).hasSize(3);
        JsonNode a = r.rows().get(0);
        assertThat(a.get("n").asLong()).isEqualTo(Long.MAX_VALUE);
        assertThat(a.get("d").asDouble()).isEqualTo(1.5e300);
        assertThat(a.get("b").asBoolean()).isTrue();
        assertThat(a.get("s").asText()).isEqualTo("quote \" backslash \\ tab \t é 東京 😀 é");
        assertThat(a.get("j").asText()).isEqualTo("[1,{\"a\":null}]");
        JsonNode b = r.rows().get(1);
        assertThat(b.get("n").asLong()).isEqualTo(-42);
        assertThat(b.get("d").asDouble()).isEqualTo(2.5);
        assertThat(b.get("b").asBoolean()).isFalse();
        assertThat(b.get("s").asText()).isEqualTo("12.50");
        assertThat(b.get("j").asText()).isEqualTo("\"text\"");
        JsonNode c = r.rows().get(2);
        assertThat(c.get("n").asLong()).isEqualTo(12);
        assertThat(c.get("n").isIntegralNumber()).isTrue();
        assertThat(c.get("d").asDouble()).isEqualTo(7.0);
        assertThat(c.get("b").isNull()).isTrue();
        assertThat(c.get("s").asText()).isEqualTo("false");
        assertThat(c.get("j").isNull()).isTrue();
        assertThat(r.stats().firstRejections()).extracting(FlattenStats.Rejection::reason).containsExactly(
                "n: the number 9223372036854775808 does not fit a long",
                "n: expected a whole number, found 1.5",
                "n: expected a whole number, found the text \"abc\"",
                "d: expected a finite number, found NaN",
                "b: expected true or false, found the text \"yes\"",
                "s: expected a text, found an object",
                "n: expected a long, found an array");
        assertThat(r.totals().chunks().firstEntry().getValue().longSums()).containsEntry("n", Long.MAX_VALUE - 42 + 12);
    }

    @Test
    void timestampsAreReadInEachFormatAndWrittenAsIsoOrMillis() throws Exception {
        Result millis = flatten("""
                timestamp: {path: $.t, format: millis, output: millis}
                columns: [{name: x, path: $.x}]
                """, "{\"t\":1795839153123}", "{\"t\":\"1795839153124\"}", "{\"t\":\"2026-11-28T04:12:33Z\"}");
        assertThat(millis.text()).isEqualTo("{\"ts\":1795839153123,\"x\":null}\n{\"ts\":1795839153124,\"x\":null}\n");
        assertThat(millis.stats().firstRejections()).singleElement().satisfies(rej ->
                assertThat(rej.reason()).startsWith("ts: expected a whole number"));

        Result seconds = flatten("""
                timestamp: {path: $.t, format: seconds, column: time}
                columns: [{name: x, path: $.x}]
                """, "{\"t\":1795839153.123}", "{\"t\":1795839153}");
        assertThat(seconds.rows()).extracting(n -> n.get("time").asText())
                .containsExactly("2026-11-28T04:12:33.123Z", "2026-11-28T04:12:33.000Z");

        Result iso = flatten("""
                timestamp: {path: $.t}
                columns: [{name: x, path: $.x}]
                """, "{\"t\":\"2026-11-28T05:12:33.5+01:00\"}", "{\"t\":\"not a time\"}", "{\"t\":1795839153}");
        assertThat(iso.rows()).extracting(n -> n.get("ts").asText()).containsExactly("2026-11-28T04:12:33.500Z");
        assertThat(iso.stats().firstRejections()).extracting(FlattenStats.Rejection::reason).containsExactly(
                "ts: cannot read 'not a time' as an iso timestamp", "ts: cannot read '1795839153' as an iso timestamp");
    }

    @Test
    void linesThatAreNotOneJsonObjectAreRejectedAndTheRestGoesOn() throws Exception {
        String spec = "timestamp: {path: $.ts}\ncolumns: [{name: x, path: $.x}]\n";
        FlattenSpec s = FlattenSpecReader.parse(spec, Path.of("t.yaml"), false);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        Flattener f = new Flattener(s, sink);
        f.flatten(new ByteArrayInputStream("{\"ts\":\"2026-01-01T00:00:00Z\"}\n{bad\n\n{\"ts\":\"2026-01-01T00:00:00Z\"}\n{\"ts\":\"2026-01-01T00:00:00Z\"}"
                .getBytes(StandardCharsets.UTF_8)), "x");
        assertThat(f.linesReadAlone()).as("the bad line, and the last one (no newline)").isEqualTo(2);
        assertThat(f.stats().rowsOut()).isEqualTo(3);
        Result r = flatten(s, "{\"ts\":\"2026-01-01T00:00:00Z\",\"x\":1}\r\n{not json\n[1,2]\n"
                + "{\"ts\":\"2026-01-01T00:00:00Z\"} {\"ts\":\"2026-01-01T00:00:00Z\"}\n   \n"
                + "{\"ts\":\"2026-01-01T00:00:00Z\",\"x\":\"last line without newline\"}");
        assertThat(r.rows()).extracting(n -> n.get("x").asText()).containsExactly("1", "last line without newline");
        assertThat(r.stats().rowsIn()).isEqualTo(5);
        assertThat(r.stats().firstRejections()).extracting(FlattenStats.Rejection::line).containsExactly(2L, 3L, 4L);
        assertThat(r.stats().firstRejections().get(0).reason()).startsWith("not valid JSON: ");
        assertThat(r.stats().firstRejections().get(1).reason()).isEqualTo("not a JSON object");
        assertThat(r.stats().firstRejections().get(2).reason()).isEqualTo("more than one JSON value on the line");
    }

    @Test
    void aLineLongerThanTheReadBufferIsRead() throws Exception {
        String big = "x".repeat(3 * 1024 * 1024);
        Result r = flatten("timestamp: {path: $.ts}\ncolumns: [{name: x, path: $.x}, {name: y, path: $.y}]\n",
                "{\"ts\":\"2026-01-01T00:00:00Z\",\"x\":\"" + big + "\",\"y\":1}", "{\"ts\":\"2026-01-01T00:00:00Z\",\"y\":2}");
        assertThat(r.rows()).extracting(n -> n.get("x").asText().length()).containsExactly(big.length(), 4);
        assertThat(r.rows()).extracting(n -> n.get("y").asText()).containsExactly("1", "2");
    }

    @Test
    void gzipInputAndOutputAndTotalsPerChunkMatchTheEventsAsParsedIndependently(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("events.ndjson.gz");
        List<String> events = new ArrayList<>();
        SyntheticAdEvents gen = new SyntheticAdEvents(3, Instant.parse("2026-11-28T00:00:00Z"), 4 * 3_600_000L);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(in))) {
            for (int i = 0; i < 20_000; i++) {
                String e = gen.next();
                events.add(e);
                out.write((e + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        Path outFile = dir.resolve("flat.ndjson.gz");
        Flattener f;
        try (OutputStream out = NdjsonFiles.openOutput(outFile)) {
            f = new Flattener(FlattenSpecReader.readResource(FlattenSpecReader.AD_EVENTS_RESOURCE), out);
            f.flatten(in);
            f.close();
        }
        // the expected figures from Jackson's tree model, hour by hour
        Map<Instant, long[]> expected = new TreeMap<>();
        long withoutOs = 0;
        long bytes = 0;
        for (String e : events) {
            bytes += e.getBytes(StandardCharsets.UTF_8).length + 1;
            JsonNode n = JSON.readTree(e);
            Instant hour = Instant.parse(n.get("ts").asText()).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
            long[] t = expected.computeIfAbsent(hour, h -> new long[2]);
            t[0]++;
            t[1] += n.path("bid").path("price_micros").asLong(0);
            withoutOs += n.at("/placement/device/os").isMissingNode() ? 1 : 0;
        }
        assertThat(f.stats().rowsIn()).isEqualTo(20_000);
        assertThat(f.linesReadAlone()).as("good lines all go through the shared parser").isZero();
        assertThat(f.stats().rowsOut()).isEqualTo(20_000);
        assertThat(f.stats().bytesIn()).isEqualTo(bytes);
        assertThat(f.totals().chunks()).hasSize(4);
        f.totals().chunks().forEach((start, chunk) -> {
            assertThat(chunk.rows()).isEqualTo(expected.get(start)[0]);
            assertThat(chunk.longSums()).containsExactly(Map.entry("price_micros", expected.get(start)[1]));
        });

        List<String> lines;
        try (InputStream gz = new GZIPInputStream(Files.newInputStream(outFile))) {
            lines = new String(gz.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertThat(lines).hasSize(20_000);
        assertThat(lines.stream().filter(l -> l.contains("\"device_os\":null")).count()).isEqualTo(withoutOs).isPositive();
        JsonNode first = JSON.readTree(lines.get(0));
        JsonNode source = JSON.readTree(events.get(0));
        assertThat(first.get("campaign_id").asText()).isEqualTo(source.at("/campaign/id").asText());
        assertThat(first.get("advertiser_id").asText()).isEqualTo(source.at("/campaign/advertiser/id").asText());
        assertThat(Instant.parse(first.get("ts").asText())).isEqualTo(Instant.parse(source.get("ts").asText()));
    }

    @Test
    void theGeneratedEventsHaveTheAgreedShapeAndSize() throws Exception {
        SyntheticAdEvents gen = new SyntheticAdEvents(1, Instant.parse("2026-11-28T00:00:00Z"), 3_600_000L);
        long bytes = 0;
        int multiSegment = 0;
        int noGeo = 0;
        for (int i = 0; i < 2000; i++) {
            String e = gen.next();
            bytes += e.getBytes(StandardCharsets.UTF_8).length;
            JsonNode n = JSON.readTree(e);
            multiSegment += n.path("segments").size() > 1 ? 1 : 0;
            noGeo += n.has("geo") ? 0 : 1;
        }
        assertThat(bytes / 2000).isBetween(400L, 600L);
        assertThat(multiSegment).isPositive();
        assertThat(noGeo).isPositive();
        assertThat(new SyntheticAdEvents(1, Instant.parse("2026-11-28T00:00:00Z"), 3_600_000L).next())
                .isEqualTo(new SyntheticAdEvents(1, Instant.parse("2026-11-28T00:00:00Z"), 3_600_000L).next());
    }

    @Test
    void newlinesAreFoundAtEveryPositionOfAWord() {
        for (int len = 0; len < 40; len++) {
            for (int at = 0; at <= len; at++) {
                byte[] b = new byte[len + 3];
                java.util.Arrays.fill(b, (byte) 'x');
                b[0] = '\n';
                if (at < len) {
                    b[1 + at] = '\n';
                    b[1 + at + 1] = (byte) 0x8A; // a UTF-8 continuation byte just after it must not confuse the search
                }
                assertThat(Flattener.newline(b, 1, 1 + len)).as("len %d at %d", len, at).isEqualTo(1 + at);
            }
        }
    }
}

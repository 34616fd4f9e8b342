package io.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class FlattenCommandTest {
    private static final String SPEC = """
            timestamp: {path: $.ts}
            onMissing: reject
            columns:
              - {name: campaign_id, path: $.campaign.id}
              - {name: price_micros, path: $.bid.price_micros, type: long}
            """;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = FerryCli.newCommandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private static String event(String ts, String campaign, long price) {
        return "{\"ts\":\"" + ts + "\",\"campaign\":{\"id\":\"" + campaign + "\"},\"bid\":{\"price_micros\":" + price + "}}\n";
    }

    @Test
    void flattensAFolderOfPlainAndGzipFilesIntoAGzipFileAndSummarises(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("spec.yaml"), SPEC);
        Path in = Files.createDirectories(dir.resolve("in/2026/11/28"));
        Files.writeString(in.resolve("04.ndjson"), event("2026-11-28T04:00:01Z", "c-1", 10)
                + event("2026-11-28T04:59:59Z", "c-2", 20) + "{\"ts\":\"2026-11-28T04:30:00Z\"}\n");
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(in.resolve("05.json.gz")))) {
            gz.write(event("2026-11-28T05:00:00Z", "c-3", 5).getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(in.resolve("README.txt"), "not an input");
        Path extra = Files.writeString(dir.resolve("extra.jsonl"), event("2026-11-28T06:10:00Z", "c-4", 1));
        Path output = dir.resolve("out/flat.ndjson.gz");

        int code = run("flatten", "--spec", spec.toString(), "--totals", dir.resolve("in").toString(), extra.toString(),
                output.toString());

        assertThat(code).as(err.toString()).isZero();
        List<String> rows;
        try (InputStream gz = new GZIPInputStream(Files.newInputStream(output))) {
            rows = new String(gz.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        ObjectMapper json = new ObjectMapper();
        assertThat(rows).hasSize(4);
        JsonNode first = json.readTree(rows.get(0));
        assertThat(first.get("ts").asText()).isEqualTo("2026-11-28T04:00:01.000Z");
        assertThat(first.get("campaign_id").asText()).isEqualTo("c-1");
        assertThat(first.get("price_micros").asLong()).isEqualTo(10);
        assertThat(json.readTree(rows.get(3)).get("campaign_id").asText()).isEqualTo("c-4");
        String printed = out.toString();
        assertThat(printed).contains("Flattened 3 file(s)", "3 HOUR chunk(s)")
                .contains("rejected 04.ndjson:3: campaign_id ($.campaign.id): missing")
                .contains("2026-11-28T04:00:00Z rows=2 sum_price_micros=30")
                .contains("2026-11-28T05:00:00Z rows=1 sum_price_micros=5");
        assertThat(printed.strip().lines().reduce((a, b) -> b).orElseThrow())
                .startsWith("rows_in=5 rows_out=4 rejected=1 dropped=0 bytes_in=");
        assertThat(Files.list(dir.resolve("out")).toList()).containsExactly(output);
    }

    @Test
    void aBadSpecIsOneClearMessageWithLineAndKeyAndWritesNothing(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("spec.yaml"), SPEC.replace("type: long", "type: number"));
        Path in = Files.writeString(dir.resolve("in.ndjson"), event("2026-11-28T04:00:01Z", "c-1", 10));
        Path output = dir.resolve("out.ndjson");

        assertThat(run("flatten", "--spec", spec.toString(), in.toString(), output.toString())).isEqualTo(1);

        assertThat(err.toString()).contains(spec + ":5:").contains("columns[1].type")
                .contains("expected one of string, long, double, boolean, json");
        assertThat(output).doesNotExist();
    }

    @Test
    void missingInputsAndAnOutputThatIsAlsoAnInputAreRefused(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("spec.yaml"), SPEC);
        assertThat(run("flatten", "--spec", spec.toString(), dir.resolve("nope").toString(), dir.resolve("o.ndjson").toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("no such file or folder").contains("nope");
        Path in = Files.writeString(dir.resolve("in.ndjson"), event("2026-11-28T04:00:01Z", "c-1", 10));
        assertThat(run("flatten", "--spec", spec.toString(), in.toString(), in.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("is also an input");
        assertThat(Files.readString(in)).isEqualTo(event("2026-11-28T04:00:01Z", "c-1", 10));
    }
}

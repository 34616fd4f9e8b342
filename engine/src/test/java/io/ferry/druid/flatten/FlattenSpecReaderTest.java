package io.ferry.druid.flatten;

import io.ferry.config.ConfigException;
import io.ferry.config.ConfigProblem;
import io.ferry.druid.flatten.FlattenSpec.Column;
import io.ferry.druid.flatten.FlattenSpec.Function;
import io.ferry.druid.flatten.FlattenSpec.MissingPolicy;
import io.ferry.druid.flatten.FlattenSpec.TimestampFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FlattenSpecReaderTest {
    private static final Path FILE = Path.of("spec.yaml");

    private static FlattenSpec yaml(String text) {
        return FlattenSpecReader.parse(text, FILE, false);
    }

    private static List<ConfigProblem> problems(String text) {
        ConfigException e = catchThrowableOfType(() -> yaml(text), ConfigException.class);
        assertThat(e).as("expected the spec to be refused").isNotNull();
        assertThat(e.getMessage()).startsWith("spec.yaml has ");
        return e.problems();
    }

    @Test
    void theShippedAdEventsSpecGivesTheEightColumnsTheDruidHelpersAgreedOn() {
        FlattenSpec spec = FlattenSpecReader.readResource(FlattenSpecReader.AD_EVENTS_RESOURCE);
        assertThat(spec.timestamp().column()).isEqualTo("ts");
        assertThat(spec.timestamp().format()).isEqualTo(TimestampFormat.ISO);
        assertThat(spec.columns()).extracting(Column::name)
                .containsExactly("type", "campaign_id", "advertiser_id", "site", "device_os", "country", "price_micros");
        assertThat(spec.columns().get(6).type()).isEqualTo(ColumnType.LONG);
        assertThat(spec.columns().get(2).path().steps()).containsExactly("campaign", "advertiser", "id");
        assertThat(spec.granularity()).isEqualTo(ChunkGranularity.HOUR);
        assertThat(spec.onMissing()).isEqualTo(MissingPolicy.NULL);
        assertThat(spec.explode()).isEmpty();
    }

    @Test
    void aFullSpecWithExplodeDerivedFieldsAndPoliciesIsRead() {
        FlattenSpec spec = yaml("""
                timestamp: {path: $item.at, format: millis, column: time, output: millis}
                onMissing: reject
                granularity: day
                explode: {path: $.segments, whenEmpty: drop}
                columns:
                  - {name: segment, path: $item.id}
                  - {name: weight, path: $item.weight, type: double, onMissing: null}
                  - {name: os, path: $.device.os, output: false}
                  - {name: kind, path: $.device.type}
                  - {name: raw, path: $.device, type: json}
                derived:
                  - {name: key, concat: [segment, os], separator: "/"}
                  - {name: os_lc, lower: os}
                  - {name: hour, hourOfDay: true}
                  - {name: source, constant: batch}
                  - {name: version, constant: 3}
                  - {name: device, coalesce: [os, kind]}
                """);
        assertThat(spec.timestamp().output()).isEqualTo(TimestampFormat.MILLIS);
        assertThat(spec.timestamp().path().item()).isTrue();
        assertThat(spec.granularity()).isEqualTo(ChunkGranularity.DAY);
        assertThat(spec.explode()).hasValueSatisfying(e -> assertThat(e.keepEmpty()).isFalse());
        assertThat(spec.columns().get(0).onMissing()).isEqualTo(MissingPolicy.REJECT);
        assertThat(spec.columns().get(1).onMissing()).isEqualTo(MissingPolicy.NULL);
        assertThat(spec.columns().get(2).output()).isFalse();
        assertThat(spec.derived()).extracting(FlattenSpec.Derived::function).containsExactly(Function.CONCAT,
                Function.LOWER, Function.HOUR_OF_DAY, Function.CONSTANT, Function.CONSTANT, Function.COALESCE);
        assertThat(spec.derived().get(0).separator()).isEqualTo("/");
        assertThat(spec.derived().get(4).type()).isEqualTo(ColumnType.LONG);
        assertThat(spec.derived().get(4).constant()).isEqualTo(3L);
        assertThat(spec.summedColumns()).extracting(Column::name).containsExactly("weight");
        assertThat(spec.outputColumns()).extracting(FlattenSpec.OutputColumn::name)
                .containsExactly("segment", "weight", "kind", "raw", "key", "os_lc", "hour", "source", "version", "device");
        assertThat(spec.outputColumns().get(6).type()).isEqualTo(ColumnType.LONG);
    }

    @Test
    void aJsonSpecIsReadWithJsonLineNumbers(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("spec.json");
        Files.writeString(json, """
                {"timestamp": {"path": "$.ts"},
                 "columns": [{"name": "id", "path": "$.id", "type": "long"}]}
                """);
        assertThat(FlattenSpecReader.read(json).columns().get(0).type()).isEqualTo(ColumnType.LONG);

        Files.writeString(json, """
                {"timestamp": {"path": "$.ts"},
                 "columns": [{"name": "id", "path": "$.id", "type": "int"}]}
                """);
        ConfigException e = catchThrowableOfType(() -> FlattenSpecReader.read(json), ConfigException.class);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.keyPath()).isEqualTo("columns[0].type");
            assertThat(p.message()).contains("expected one of string, long, double, boolean, json", "'int'");
            assertThat(p.toString()).startsWith(json + ":2:");
        });
    }

    @Test
    void everyProblemIsReportedWithItsLineAndKey() {
        List<ConfigProblem> problems = problems("""
                timestamp:
                  path: $.ts
                  format: epoch
                colums: []
                columns:
                  - {name: a, path: campaign.id}
                  - {name: b, path: $.b, type: integer}
                  - {name: b, path: $.c}
                  - {name: d, path: $item.x}
                  - {name: e}
                  - just-a-text
                """);
        assertThat(problems).extracting(ConfigProblem::line, ConfigProblem::keyPath).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "timestamp.format"),
                org.assertj.core.groups.Tuple.tuple(4, "colums"),
                org.assertj.core.groups.Tuple.tuple(6, "columns[0].path"),
                org.assertj.core.groups.Tuple.tuple(7, "columns[1].type"),
                org.assertj.core.groups.Tuple.tuple(8, "columns[2].name"),
                org.assertj.core.groups.Tuple.tuple(9, "columns[3].path"),
                org.assertj.core.groups.Tuple.tuple(10, "columns[4].path"),
                org.assertj.core.groups.Tuple.tuple(11, "columns[5]"));
        assertThat(problems.get(0).message()).contains("iso, millis, seconds", "'epoch'");
        assertThat(problems.get(1).message()).startsWith("unknown key");
        assertThat(problems.get(2).message()).contains("starts with $");
        assertThat(problems.get(4).message()).contains("'b' is used twice");
        assertThat(problems.get(5).message()).contains("add explode");
        assertThat(problems.get(6).message()).contains("required");
        assertThat(problems.get(7).message()).contains("expected a mapping");
    }

    @Test
    void derivedFieldsAreChecked() {
        List<ConfigProblem> problems = problems("""
                timestamp: {path: $.ts}
                columns:
                  - {name: a, path: $.a}
                  - {name: n, path: $.n, type: long}
                derived:
                  - {name: x, concat: [a, nope]}
                  - {name: y, lower: a, upper: a}
                  - {name: z, lower: n}
                  - {name: w, coalesce: [a, n]}
                  - {name: v, hourOfDay: yes please}
                  - {name: u, constant: ~}
                  - {name: t, lower: a, separator: "-"}
                """);
        assertThat(problems).extracting(ConfigProblem::line).containsExactly(6, 7, 8, 9, 10, 11, 12);
        assertThat(problems.get(0).message()).contains("no column or earlier derived field is named 'nope'");
        assertThat(problems.get(1).message()).contains("2 functions");
        assertThat(problems.get(2).message()).contains("lower needs a string column; 'n' is long");
        assertThat(problems.get(3).message()).contains("one type");
        assertThat(problems.get(4).message()).contains("hourOfDay: true");
        assertThat(problems.get(5).keyPath()).isEqualTo("derived[5].constant");
        assertThat(problems.get(6).message()).contains("only concat takes a separator");
    }

    @Test
    void syntaxErrorsEmptyFilesAndMissingSectionsAreClear() {
        List<ConfigProblem> syntax = problems("""
                timestamp: {path: $.ts}
                columns:
                  - {name: a, path: $.a
                """);
        assertThat(syntax).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("YAML syntax error");
            assertThat(p.line()).isGreaterThanOrEqualTo(3);
        });
        assertThat(problems("")).singleElement().satisfies(p -> assertThat(p.message()).contains("empty"));
        assertThat(problems("columns: [{name: a, path: $.a}]")).singleElement()
                .satisfies(p -> assertThat(p.keyPath()).isEqualTo("timestamp"));
        assertThat(problems("timestamp: {path: $.ts}\ncolumns: []\n")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("at least one column"));
        assertThat(problems("timestamp: {path: $.ts}\ncolumns: [{name: __time, path: $.a}]\n")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("Druid reserves"));
        assertThat(problems("timestamp: {path: $.ts}\nexplode: {path: $item.x}\ncolumns: [{name: a, path: $.a}]\n"))
                .singleElement().satisfies(p -> assertThat(p.keyPath()).isEqualTo("explode.path"));
    }

    @Test
    void theExampleSpecInTheDocsIsValid() throws Exception {
        String page = Files.readString(Path.of("../docs/druid.md"));
        String section = page.substring(page.indexOf("## Flatten"));
        String example = section.substring(section.indexOf("```yaml") + 7, section.indexOf("```", section.indexOf("```yaml") + 7));
        FlattenSpec spec = yaml(example);
        assertThat(spec.explode()).isPresent();
        assertThat(spec.columns()).hasSize(9);
        assertThat(spec.derived()).hasSize(5);
    }
}

package io.ferry.druid.lambda;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HourManifestTest {
    private static final Instant HOUR = Instant.parse("2026-11-28T04:00:00Z");

    @Test
    void writesTheDocumentedJsonAndReadsItBack() {
        HourManifest manifest = HourManifest.of(HOUR, List.of(
                new HourManifest.Part("raw/ad_events/2026/11/28/04/part-00000.ndjson.gz", 50_000, 2_000_000),
                new HourManifest.Part("raw/ad_events/2026/11/28/04/part-00001.ndjson.gz", 12, 900)));
        assertThat(manifest.toJson()).isEqualTo("{\"hour\":\"2026-11-28T04:00:00Z\",\"events\":50012,\"bytes\":2000900,\"parts\":["
                + "{\"key\":\"raw/ad_events/2026/11/28/04/part-00000.ndjson.gz\",\"events\":50000,\"bytes\":2000000},"
                + "{\"key\":\"raw/ad_events/2026/11/28/04/part-00001.ndjson.gz\",\"events\":12,\"bytes\":900}]}");
        assertThat(HourManifest.parse(manifest.toJson(), "m.json")).isEqualTo(manifest);
        assertThat(HourManifest.of(HOUR, List.of()).toJson()).isEqualTo("{\"hour\":\"2026-11-28T04:00:00Z\",\"events\":0,\"bytes\":0,\"parts\":[]}");
    }

    @Test
    void refusesManifestsThatDoNotAddUpOrAreMalformed() {
        assertThatThrownBy(() -> HourManifest.parse("{\"hour\":\"2026-11-28T04:00:00Z\",\"events\":5,\"bytes\":1,"
                + "\"parts\":[{\"key\":\"k\",\"events\":4,\"bytes\":1}]}", "raw/x/_MANIFEST.json"))
                .hasMessageContaining("raw/x/_MANIFEST.json").hasMessageContaining("5 events").hasMessageContaining("4 events");
        assertThatThrownBy(() -> HourManifest.parse("{\"events\":0,\"bytes\":0,\"parts\":[]}", "m"))
                .hasMessage("m: missing 'hour'");
        assertThatThrownBy(() -> HourManifest.parse("{\"hour\":\"yesterday\",\"events\":0,\"bytes\":0,\"parts\":[]}", "m"))
                .hasMessageContaining("yesterday");
        assertThatThrownBy(() -> HourManifest.parse("{\"hour\":\"2026-11-28T04:00:00Z\",\"events\":-1,\"bytes\":0,\"parts\":[]}", "m"))
                .hasMessageContaining("'events' must be a whole number");
        assertThatThrownBy(() -> HourManifest.parse("not json", "m")).hasMessageStartingWith("m: not a JSON manifest");
    }
}

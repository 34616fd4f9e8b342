package io.ferry.druid.lambda;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RawEventWriterTest {
    private static final Instant HOUR = Instant.parse("2026-11-28T04:00:00Z");

    @Test
    void writesPartsOfAtMostNEventsAndAManifestThatListsThem(@TempDir Path dir) throws Exception {
        List<AdEvent> events = new AdEventGenerator(8).hour(HOUR, 2_500);
        RawEventStore store = RawEventStore.folder(dir);
        HourManifest manifest = new RawEventWriter(store, RawEventLayout.standard(), 1_000).writeHour(HOUR, events);

        assertThat(manifest.events()).isEqualTo(2_500);
        assertThat(manifest.parts()).extracting(HourManifest.Part::events).containsExactly(1_000L, 1_000L, 500L);
        Path hourDir = dir.resolve("raw/ad_events/2026/11/28/04");
        try (var files = Files.list(hourDir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("_MANIFEST.json", "part-00000.ndjson.gz", "part-00001.ndjson.gz", "part-00002.ndjson.gz");
        }
        StringBuilder all = new StringBuilder();
        for (HourManifest.Part part : manifest.parts()) {
            byte[] gz = Files.readAllBytes(dir.resolve(part.key()));
            assertThat((long) gz.length).isEqualTo(part.bytes());
            all.append(gunzip(gz));
        }
        assertThat(all.toString()).isEqualTo(String.join("", events.stream().map(e -> e.toJson() + "\n").toList()));
        assertThat(HourManifest.parse(Files.readString(hourDir.resolve("_MANIFEST.json")), "m")).isEqualTo(manifest);
    }

    @Test
    void sameEventsGiveTheSameBytesAndARewriteRemovesPartsNoLongerListed(@TempDir Path dir) throws Exception {
        RawEventStore store = RawEventStore.folder(dir);
        RawEventWriter writer = new RawEventWriter(store, RawEventLayout.standard(), 100);
        AdEventGenerator g = new AdEventGenerator(8);
        HourManifest first = writer.writeHour(HOUR, g.hour(HOUR, 450));
        byte[] part0 = store.get(first.parts().get(0).key()).orElseThrow();
        HourManifest again = writer.writeHour(HOUR, g.hour(HOUR, 450));
        assertThat(again).isEqualTo(first);
        assertThat(Arrays.equals(store.get(first.parts().get(0).key()).orElseThrow(), part0)).isTrue();

        HourManifest smaller = writer.writeHour(HOUR, g.hour(HOUR, 150));
        assertThat(store.list(RawEventLayout.standard().hourPrefix(HOUR)))
                .containsExactlyInAnyOrder(smaller.parts().get(0).key(), smaller.parts().get(1).key(), RawEventLayout.standard().manifestKey(HOUR));
    }

    @Test
    void anHourWithoutEventsStillGetsItsManifest(@TempDir Path dir) throws Exception {
        RawEventStore store = RawEventStore.folder(dir);
        HourManifest manifest = new RawEventWriter(store).writeHour(HOUR, List.of());
        assertThat(manifest.parts()).isEmpty();
        assertThat(store.list("raw/")).containsExactly("raw/ad_events/2026/11/28/04/_MANIFEST.json");
    }

    @Test
    void writesEveryHourOfARange(@TempDir Path dir) throws Exception {
        RawEventWriter writer = new RawEventWriter(RawEventStore.folder(dir));
        List<HourManifest> hours = writer.writeHours(new AdEventGenerator(1), HOUR, HOUR.plus(Duration.ofHours(3)), 10);
        assertThat(hours).extracting(HourManifest::hour).containsExactly(HOUR, HOUR.plus(Duration.ofHours(1)), HOUR.plus(Duration.ofHours(2)));
    }

    @Test
    void refusesEventsOutsideTheHour(@TempDir Path dir) {
        List<AdEvent> nextHour = new AdEventGenerator(1).hour(HOUR.plus(Duration.ofHours(1)), 3);
        assertThatThrownBy(() -> new RawEventWriter(RawEventStore.folder(dir)).writeHour(HOUR, nextHour))
                .hasMessageContaining(nextHour.get(0).id()).hasMessageContaining("outside the hour");
        assertThatThrownBy(() -> RawEventStore.folder(dir).put("../escape", new byte[0])).hasMessageContaining("outside the folder");
    }

    private static String gunzip(byte[] gz) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package io.ferry.druid.reindex;

import io.ferry.config.DruidReindexJobConfig.Completeness;
import io.ferry.druid.flatten.FlattenSpecReader;
import io.ferry.druid.lambda.AdEvent;
import io.ferry.druid.lambda.AdEventGenerator;
import io.ferry.druid.lambda.HourManifest;
import io.ferry.druid.lambda.RawEventLayout;
import io.ferry.druid.lambda.RawEventStore;
import io.ferry.druid.lambda.RawEventWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Completeness rules and flattening over raw hourly files as druid-lambda's RawEventWriter lays them out. */
class InputCompletenessTest {
    private static final Instant H0 = Instant.parse("2026-11-28T00:00:00Z");
    private static final TimeInterval BATCH = new TimeInterval(H0, H0.plus(Duration.ofHours(4)));

    @TempDir
    Path root;
    private RawEventWriter writer;
    private FolderRawInput input;
    private final AdEventGenerator generator = new AdEventGenerator(7);

    @BeforeEach
    void setUp() {
        writer = new RawEventWriter(RawEventStore.folder(root), RawEventLayout.standard(), 700);
        input = new FolderRawInput(root);
    }

    private List<AdEvent> writeHour(int hour, int events) throws Exception {
        List<AdEvent> list = generator.hour(H0.plus(Duration.ofHours(hour)), events);
        writer.writeHour(H0.plus(Duration.ofHours(hour)), list);
        return list;
    }

    private InputCheck check(Completeness rule) throws Exception {
        return new InputCompleteness(input, RawEventLayout.standard(), rule).check(BATCH);
    }

    @Test
    void completeHoursAreFlattenedAndTotalledPerChunk() throws Exception {
        long[] price = new long[4];
        for (int h = 0; h < 4; h++) {
            price[h] = writeHour(h, 1000 + h * 100).stream().mapToLong(AdEvent::priceMicros).sum();
        }
        InputCheck check = check(Completeness.MANIFEST);
        assertThat(check.problems()).isEmpty();
        assertThat(check.files()).isEqualTo(8); // 700 events a part
        assertThat(check.hours()).allSatisfy(h -> assertThat(h.manifest()).isPresent());

        InputFlattener flattener = new InputFlattener(input, FlattenSpecReader.readResource(FlattenSpecReader.AD_EVENTS_RESOURCE),
                SegmentGranularity.HOUR, ReindexSchema.adEvents());
        FlatBatch batch = flattener.flatten(check, root.resolve("work"), true);

        assertThat(batch.files()).hasSize(4).allSatisfy(f -> assertThat(f).isRegularFile());
        assertThat(batch.rowsOut()).isEqualTo(1000 + 1100 + 1200 + 1300);
        assertThat(batch.rowsRejected()).isZero();
        assertThat(batch.outside()).isZero();
        for (int h = 0; h < 4; h++) {
            TimeInterval chunk = new TimeInterval(H0.plus(Duration.ofHours(h)), H0.plus(Duration.ofHours(h + 1)));
            assertThat(batch.chunks().get(chunk)).isEqualTo(new ChunkFigures(1000 + h * 100L, Map.of("revenue_micros", price[h])));
        }
        assertThat(flattener.timestampColumn()).isEqualTo("ts");
    }

    @Test
    void totalsWithoutFilesWhenDruidFlattensItself() throws Exception {
        for (int h = 0; h < 4; h++) {
            writeHour(h, 50);
        }
        FlatBatch batch = new InputFlattener(input, FlattenSpecReader.readResource(FlattenSpecReader.AD_EVENTS_RESOURCE),
                SegmentGranularity.DAY, ReindexSchema.adEvents()).flatten(check(Completeness.MANIFEST), root.resolve("work"), false);
        assertThat(batch.files()).isEmpty();
        assertThat(batch.chunks()).hasSize(1); // the DAY chunk of the batch
        assertThat(batch.chunks().values().iterator().next().events()).isEqualTo(200);
    }

    @Test
    void anHourWithoutManifestIsRefusedWithItsReason() throws Exception {
        for (int h = 0; h < 4; h++) {
            writeHour(h, 100);
        }
        Files.delete(root.resolve(RawEventLayout.standard().manifestKey(H0.plus(Duration.ofHours(2)))));

        InputCheck check = check(Completeness.MANIFEST);
        assertThat(check.complete()).isFalse();
        assertThat(check.problems()).singleElement().asString()
                .startsWith("hour 2026-11-28T02:00:00Z: no _MANIFEST.json at ")
                .contains("1 part file(s) there");
        assertThat(check.refusal()).startsWith("partial input for 2026-11-28T00:00:00Z/2026-11-28T04:00:00Z, not re-indexed"
                + " (nothing was overwritten)");
    }

    @Test
    void aMissingOrTruncatedPartIsRefused() throws Exception {
        for (int h = 0; h < 4; h++) {
            writeHour(h, 1000);
        }
        RawEventLayout layout = RawEventLayout.standard();
        Files.delete(root.resolve(layout.partKey(H0, 1)));
        Path truncated = root.resolve(layout.partKey(H0.plus(Duration.ofHours(3)), 0));
        byte[] bytes = Files.readAllBytes(truncated);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThat(check(Completeness.MANIFEST).problems()).containsExactly(
                "hour 2026-11-28T00:00:00Z: part " + root.resolve(layout.partKey(H0, 1)) + " listed in the manifest is missing",
                "hour 2026-11-28T03:00:00Z: part " + truncated + " has " + bytes.length / 2 + " bytes, the manifest says " + bytes.length);
    }

    @Test
    void theExpectedHoursRuleNeedsPartsInEveryHourButNoManifest() throws Exception {
        writeHour(0, 10);
        writeHour(1, 10);
        writeHour(3, 10);
        for (int h = 0; h < 4; h++) {
            Files.deleteIfExists(root.resolve(RawEventLayout.standard().manifestKey(H0.plus(Duration.ofHours(h)))));
        }
        InputCheck check = check(Completeness.EXPECTED_HOURS);
        assertThat(check.problems()).singleElement().asString().startsWith("hour 2026-11-28T02:00:00Z: no part files under");
        assertThat(check.files()).isEqualTo(3);
    }

    @Test
    void aManifestOfAnotherHourIsRefused() throws Exception {
        for (int h = 0; h < 4; h++) {
            writeHour(h, 10);
        }
        RawEventLayout layout = RawEventLayout.standard();
        Path m1 = root.resolve(layout.manifestKey(H0.plus(Duration.ofHours(1))));
        HourManifest other = HourManifest.parse(Files.readString(root.resolve(layout.manifestKey(H0))), "m0");
        Files.write(m1, other.toBytes());
        assertThat(check(Completeness.MANIFEST).problems()).anySatisfy(p -> assertThat(p).contains("is for hour 2026-11-28T00:00:00Z"));
    }
}

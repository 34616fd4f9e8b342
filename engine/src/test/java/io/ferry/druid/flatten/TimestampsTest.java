package io.ferry.druid.flatten;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampsTest {
    private static long parse(String s) {
        return Timestamps.parseIso(s.toCharArray(), 0, s.length());
    }

    @Test
    void formatsAndParsesLikeJavaTimeOverFourCenturies() {
        SplittableRandom random = new SplittableRandom(7);
        char[] buf = new char[32];
        for (int i = 0; i < 20_000; i++) {
            long millis = random.nextLong(Instant.parse("1800-01-01T00:00:00Z").toEpochMilli(),
                    Instant.parse("2300-01-01T00:00:00Z").toEpochMilli());
            int n = Timestamps.formatIso(millis, buf);
            String s = new String(buf, 0, n);
            // Instant.toString leaves out a zero fraction; Druid rows always carry the milliseconds
            assertThat(s).isEqualTo(Instant.ofEpochMilli(millis).toString().replaceFirst("(:\\d\\d)Z$", "$1.000Z"));
            assertThat(parse(s)).isEqualTo(millis);
        }
    }

    @Test
    void readsOffsetsFractionsAndTheShapesDruidAccepts() {
        long base = Instant.parse("2026-11-28T04:12:33.123Z").toEpochMilli();
        assertThat(parse("2026-11-28T04:12:33.123Z")).isEqualTo(base);
        assertThat(parse("2026-11-28T05:12:33.123+01:00")).isEqualTo(base);
        assertThat(parse("2026-11-28T03:12:33.123-0100")).isEqualTo(base);
        assertThat(parse("2026-11-28T04:12:33.123456789Z")).isEqualTo(base);
        assertThat(parse("2026-11-28T04:12:33.1Z")).isEqualTo(base - 23);
        assertThat(parse("2026-11-28 04:12:33")).isEqualTo(base - 123);
        assertThat(parse("2026-11-28T04:12Z")).isEqualTo(Instant.parse("2026-11-28T04:12:00Z").toEpochMilli());
        assertThat(parse("2026-11-28")).isEqualTo(Instant.parse("2026-11-28T00:00:00Z").toEpochMilli());
        assertThat(parse("2024-02-29T00:00:00Z")).isEqualTo(Instant.parse("2024-02-29T00:00:00Z").toEpochMilli());
        assertThat(parse("2026-02-29T00:00:00Z")).isEqualTo(Timestamps.INVALID);
        assertThat(parse("2026-13-01T00:00:00Z")).isEqualTo(Timestamps.INVALID);
        assertThat(parse("yesterday")).isEqualTo(Timestamps.INVALID);
    }
}

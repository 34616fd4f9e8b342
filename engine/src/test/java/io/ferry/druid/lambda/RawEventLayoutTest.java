package io.ferry.druid.lambda;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RawEventLayoutTest {
    private static final Instant HOUR = Instant.parse("2026-11-28T04:00:00Z");

    @Test
    void keysFollowTheHourlyLayout() {
        RawEventLayout layout = RawEventLayout.standard();
        assertThat(layout.hourPrefix(HOUR)).isEqualTo("raw/ad_events/2026/11/28/04/");
        assertThat(layout.partKey(HOUR, 0)).isEqualTo("raw/ad_events/2026/11/28/04/part-00000.ndjson.gz");
        assertThat(layout.partKey(HOUR, 12)).isEqualTo("raw/ad_events/2026/11/28/04/part-00012.ndjson.gz");
        assertThat(layout.manifestKey(HOUR)).isEqualTo("raw/ad_events/2026/11/28/04/_MANIFEST.json");
        assertThat(layout.hourPrefix(Instant.parse("2027-01-02T23:00:00Z"))).isEqualTo("raw/ad_events/2027/01/02/23/");
    }

    @Test
    void theHourOfAKeyIsReadBack() {
        RawEventLayout layout = new RawEventLayout("events/in");
        assertThat(layout.prefix()).isEqualTo("events/in/");
        assertThat(layout.hourOf(layout.partKey(HOUR, 3))).contains(HOUR);
        assertThat(layout.hourOf(layout.manifestKey(HOUR))).contains(HOUR);
        assertThat(layout.hourOf("events/in/2026/13/28/04/part-00000.ndjson.gz")).isEmpty();
        assertThat(layout.hourOf("other/2026/11/28/04/part-00000.ndjson.gz")).isEmpty();
        assertThat(layout.hourOf("events/in/2026/11/28/part-00000.ndjson.gz")).isEmpty();
        assertThat(RawEventLayout.isPart(layout.partKey(HOUR, 1))).isTrue();
        assertThat(RawEventLayout.isPart(layout.manifestKey(HOUR))).isFalse();
        assertThat(RawEventLayout.isManifest(layout.manifestKey(HOUR))).isTrue();
    }

    @Test
    void refusesHoursThatAreNotWholeAndBadPartNumbers() {
        RawEventLayout layout = RawEventLayout.standard();
        assertThatThrownBy(() -> layout.hourPrefix(HOUR.plusSeconds(60))).hasMessageContaining("not the start of a UTC hour");
        assertThatThrownBy(() -> layout.partKey(HOUR, -1)).hasMessageContaining("-1");
        assertThatThrownBy(() -> new RawEventLayout("/abs")).hasMessageContaining("/abs");
    }
}

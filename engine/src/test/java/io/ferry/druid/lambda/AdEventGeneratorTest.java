package io.ferry.druid.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdEventGeneratorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant HOUR = Instant.parse("2026-11-28T04:00:00Z");

    @Test
    void sameSeedAndHourGiveTheSameEventsAndOtherSeedsOrHoursDoNot() {
        List<String> a = json(new AdEventGenerator(42).hour(HOUR, 2_000));
        List<String> b = json(new AdEventGenerator(42).hour(HOUR, 2_000));
        assertThat(a).isEqualTo(b);
        assertThat(json(new AdEventGenerator(43).hour(HOUR, 2_000))).isNotEqualTo(a);
        assertThat(json(new AdEventGenerator(42).hour(HOUR.plus(Duration.ofHours(1)), 2_000)))
                .noneMatch(new HashSet<>(a)::contains);
    }

    @Test
    void eventsLieInTheirHourInTimeOrderWithUniqueIds() {
        List<AdEvent> events = new AdEventGenerator(1).hour(HOUR, 5_000);
        assertThat(events).hasSize(5_000)
                .allSatisfy(e -> assertThat(e.ts()).isBetween(HOUR, HOUR.plusMillis(3_599_999)));
        assertThat(events).extracting(AdEvent::ts).isSorted();
        assertThat(events).extracting(AdEvent::id).doesNotHaveDuplicates()
                .first().isEqualTo("e-2026112804-00000001");
        assertThat(new AdEventGenerator(1).hour(HOUR, 0)).isEmpty();
    }

    @Test
    void aRangeGivesExactlyTheEventsItsHoursHaveInside() {
        AdEventGenerator g = new AdEventGenerator(9);
        Instant from = HOUR.plus(Duration.ofMinutes(30));
        Instant to = HOUR.plus(Duration.ofMinutes(90));
        List<AdEvent> range = g.range(from, to, 1_000);
        List<AdEvent> expected = new java.util.ArrayList<>();
        g.hour(HOUR, 1_000).stream().filter(e -> !e.ts().isBefore(from)).forEach(expected::add);
        g.hour(HOUR.plus(Duration.ofHours(1)), 1_000).stream().filter(e -> e.ts().isBefore(to)).forEach(expected::add);
        assertThat(range).isEqualTo(expected).hasSizeBetween(800, 1_200);
    }

    @Test
    void jsonFollowsTheNestedContract() throws Exception {
        AdEvent e = new AdEventGenerator(5).hour(HOUR, 1).get(0);
        JsonNode n = JSON.readTree(e.toJson());
        assertThat(fieldNames(n)).containsExactly("id", "ts", "type", "campaign", "placement", "geo", "bid", "segments", "user");
        assertThat(n.get("ts").asText()).matches("2026-11-28T04:\\d\\d:\\d\\d\\.\\d{3}Z").isEqualTo(e.tsText());
        assertThat(Instant.parse(n.get("ts").asText())).isEqualTo(e.ts());
        assertThat(n.get("type").asText()).isIn(AdEvent.TYPES);
        assertThat(n.at("/campaign/id").asText()).isEqualTo(e.campaignId()).startsWith("c-");
        assertThat(n.at("/campaign/advertiser/id").asText()).isEqualTo(e.advertiserId()).startsWith("a-");
        assertThat(n.at("/campaign/advertiser/name").asText()).isEqualTo(e.advertiserName());
        assertThat(fieldNames(n.get("placement"))).containsExactly("site", "slot", "device");
        assertThat(fieldNames(n.at("/placement/device"))).containsExactly("os", "type");
        assertThat(fieldNames(n.get("geo"))).containsExactly("country", "region");
        assertThat(n.at("/bid/price_micros").isIntegralNumber()).isTrue();
        assertThat(n.at("/bid/price_micros").asLong()).isEqualTo(e.priceMicros());
        assertThat(n.at("/bid/currency").asText()).isEqualTo("USD");
        assertThat(n.get("segments").isArray()).isTrue();
        n.get("segments").forEach(s -> assertThat(fieldNames(s)).containsExactly("id", "weight"));
        assertThat(n.at("/user/id").asText()).startsWith("u-");
    }

    @Test
    void mixOfTypesAndAStableAdvertiserPerCampaign() {
        List<AdEvent> events = new AdEventGenerator(3).hour(HOUR, 20_000);
        Map<String, Long> byType = events.stream().collect(Collectors.groupingBy(AdEvent::type, Collectors.counting()));
        assertThat(byType.get(AdEvent.IMPRESSION)).isBetween(17_500L, 18_500L);
        assertThat(byType.get(AdEvent.CLICK)).isBetween(1_300L, 1_900L);
        assertThat(byType.get(AdEvent.CONVERSION)).isBetween(250L, 550L);
        Map<String, java.util.Set<String>> advertisers = events.stream().collect(Collectors.groupingBy(AdEvent::campaignId,
                Collectors.mapping(AdEvent::advertiserId, Collectors.toSet())));
        assertThat(advertisers).hasSize(AdEventGenerator.CAMPAIGNS).allSatisfy((c, a) -> assertThat(a).hasSize(1));
        assertThat(events.stream().map(AdEvent::country).distinct()).hasSameSizeAs(AdEventGenerator.COUNTRIES);
        assertThat(events).allSatisfy(e -> assertThat(e.segments()).hasSizeLessThanOrEqualTo(3));
    }

    @Test
    void refusesAnInstantThatIsNotTheStartOfAnHour() {
        assertThatThrownBy(() -> new AdEventGenerator(1).hour(HOUR.plusSeconds(1), 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2026-11-28T04:00:01Z");
    }

    private static List<String> json(List<AdEvent> events) {
        return events.stream().map(AdEvent::toJson).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

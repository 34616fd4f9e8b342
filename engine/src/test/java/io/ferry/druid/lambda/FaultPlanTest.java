package io.ferry.druid.lambda;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultPlanTest {
    private static final Instant HOUR = Instant.parse("2026-11-28T04:00:00Z");

    @Test
    void theReportSaysExactlyWhichEventsWereDroppedAndDoubled() {
        List<AdEvent> events = new AdEventGenerator(11).hour(HOUR, 10_000);
        FaultPlan.Delivery delivery = new FaultPlan(5, 0.03, 0.02).apply(events);
        DeliveryReport report = delivery.report();

        Map<String, Integer> timesSent = new HashMap<>();
        delivery.messages().forEach(m -> timesSent.merge(m.id(), 1, Integer::sum));
        List<String> missing = events.stream().map(AdEvent::id).filter(id -> !timesSent.containsKey(id)).toList();
        List<String> twice = timesSent.entrySet().stream().filter(e -> e.getValue() == 2).map(Map.Entry::getKey).sorted().toList();
        assertThat(timesSent.values()).allMatch(n -> n == 1 || n == 2);
        assertThat(report.droppedIds()).containsExactlyElementsOf(missing);
        assertThat(report.duplicatedIds()).containsExactlyInAnyOrderElementsOf(twice);
        assertThat(report.events()).isEqualTo(10_000);
        assertThat(report.messages()).isEqualTo(delivery.messages().size()).isEqualTo(10_000 - missing.size() + twice.size());
        assertThat(report.dropped()).isBetween(240L, 360L);
        assertThat(report.duplicated()).isBetween(150L, 250L);
        assertThat(report.hour(HOUR)).isEqualTo(new DeliveryReport.HourCounts(10_000, report.dropped(), report.duplicated()));
        assertThat(report.hour(HOUR).expectedInDruid()).isEqualTo(report.expectedInDruid());
    }

    @Test
    void fatesDependOnSeedAndIdOnlyNotOnOrderOrBatching() {
        List<AdEvent> events = new AdEventGenerator(2).hour(HOUR, 3_000);
        FaultPlan plan = new FaultPlan(9, 0.1, 0.1);
        DeliveryReport whole = plan.apply(events).report();

        List<AdEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new java.util.Random(1));
        DeliveryReport inPieces = plan.apply(shuffled.subList(0, 1_000)).report()
                .plus(plan.apply(shuffled.subList(1_000, 3_000)).report());
        assertThat(new HashSet<>(inPieces.droppedIds())).isEqualTo(new HashSet<>(whole.droppedIds()));
        assertThat(new HashSet<>(inPieces.duplicatedIds())).isEqualTo(new HashSet<>(whole.duplicatedIds()));
        assertThat(inPieces.hours()).isEqualTo(whole.hours());
        assertThat(new FaultPlan(10, 0.1, 0.1).apply(events).report().droppedIds()).isNotEqualTo(whole.droppedIds());
    }

    @Test
    void reportsAreKeptPerHour() {
        AdEventGenerator g = new AdEventGenerator(4);
        List<AdEvent> twoHours = g.range(HOUR, HOUR.plus(Duration.ofHours(2)), 2_000);
        DeliveryReport report = new FaultPlan(1, 0.05, 0.05).apply(twoHours).report();
        assertThat(report.hours()).containsOnlyKeys(HOUR, HOUR.plus(Duration.ofHours(1)));
        assertThat(report.hours().values()).allSatisfy(h -> assertThat(h.events()).isEqualTo(2_000));
        assertThat(report.hours().values().stream().mapToLong(DeliveryReport.HourCounts::dropped).sum()).isEqualTo(report.dropped());
        assertThat(report.hours().values().stream().mapToLong(DeliveryReport.HourCounts::duplicated).sum()).isEqualTo(report.duplicated());
    }

    @Test
    void noFaultsSendsEveryEventOnce() {
        List<AdEvent> events = new AdEventGenerator(2).hour(HOUR, 500);
        FaultPlan.Delivery delivery = FaultPlan.NONE.apply(events);
        assertThat(delivery.messages()).isEqualTo(events);
        assertThat(delivery.report().dropped()).isZero();
        assertThat(delivery.report().duplicated()).isZero();
    }

    @Test
    void refusesFractionsOutsideTheUnitInterval() {
        assertThatThrownBy(() -> new FaultPlan(1, -0.1, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-0.1");
        assertThatThrownBy(() -> new FaultPlan(1, 0.6, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultPlan(1, Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

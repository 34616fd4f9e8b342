package io.ferry.druid.lambda;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exactly what a producer did to a set of events: how many it was given, which it dropped, which it sent twice,
 * per hour and in all. {@link #expectedInDruid()} is what {@code SUM("count")} in Druid must reach once the
 * real-time path has ingested every message; the raw files of the same hours hold {@link #events()}.
 */
public record DeliveryReport(long events, List<String> droppedIds, List<String> duplicatedIds, Map<Instant, HourCounts> hours) {

    public DeliveryReport {
        droppedIds = List.copyOf(droppedIds);
        duplicatedIds = List.copyOf(duplicatedIds);
        hours = Collections.unmodifiableMap(new TreeMap<>(hours));
    }

    public static final DeliveryReport EMPTY = new DeliveryReport(0, List.of(), List.of(), Map.of());

    /** Events, drops and duplicates of one hour (keyed by the hour's start). */
    public record HourCounts(long events, long dropped, long duplicated) {
        public long expectedInDruid() {
            return events - dropped + duplicated;
        }

        HourCounts plus(HourCounts o) {
            return new HourCounts(events + o.events, dropped + o.dropped, duplicated + o.duplicated);
        }
    }

    public long dropped() {
        return droppedIds.size();
    }

    public long duplicated() {
        return duplicatedIds.size();
    }

    /** Kafka messages sent: every event not dropped, duplicates twice. */
    public long messages() {
        return events - dropped() + duplicated();
    }

    /** The event count the real-time path should show: {@code events - dropped + duplicated}. */
    public long expectedInDruid() {
        return messages();
    }

    public HourCounts hour(Instant hourStart) {
        return hours.getOrDefault(hourStart, new HourCounts(0, 0, 0));
    }

    public DeliveryReport plus(DeliveryReport other) {
        List<String> dropped = new ArrayList<>(droppedIds);
        dropped.addAll(other.droppedIds);
        List<String> duplicated = new ArrayList<>(duplicatedIds);
        duplicated.addAll(other.duplicatedIds);
        Map<Instant, HourCounts> merged = new TreeMap<>(hours);
        other.hours.forEach((hour, counts) -> merged.merge(hour, counts, HourCounts::plus));
        return new DeliveryReport(events + other.events, dropped, duplicated, merged);
    }

    static final class Builder {
        private long events;
        private final List<String> dropped = new ArrayList<>();
        private final List<String> duplicated = new ArrayList<>();
        private final Map<Instant, long[]> hours = new TreeMap<>();

        void add(AdEvent event, FaultPlan.Fate fate) {
            events++;
            long[] h = hours.computeIfAbsent(event.ts().truncatedTo(ChronoUnit.HOURS), k -> new long[3]);
            h[0]++;
            if (fate == FaultPlan.Fate.DROP) {
                dropped.add(event.id());
                h[1]++;
            } else if (fate == FaultPlan.Fate.DUPLICATE) {
                duplicated.add(event.id());
                h[2]++;
            }
        }

        DeliveryReport build() {
            Map<Instant, HourCounts> counts = new TreeMap<>();
            hours.forEach((hour, h) -> counts.put(hour, new HourCounts(h[0], h[1], h[2])));
            return new DeliveryReport(events, dropped, duplicated, counts);
        }
    }
}

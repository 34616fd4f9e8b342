package io.ferry.druid.lambda;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which events the producer loses and which it sends twice: the upstream faults a lambda architecture's batch half
 * corrects (Druid's Kafka ingestion itself is exactly-once). Each event's fate depends only on the seed and the
 * event's id, so the same plan gives the same faults whatever the order or batching of sending.
 */
public record FaultPlan(long seed, double dropFraction, double duplicateFraction) {
    public static final FaultPlan NONE = new FaultPlan(0, 0, 0);

    public FaultPlan {
        if (!(dropFraction >= 0 && dropFraction < 1) || !(duplicateFraction >= 0 && duplicateFraction < 1)
                || dropFraction + duplicateFraction > 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "drop and duplicate fractions must each be in [0, 1) and together at most 1, got %s and %s",
                    dropFraction, duplicateFraction));
        }
    }

    public enum Fate { SEND, DROP, DUPLICATE }

    public Fate fate(String eventId) {
        double u = uniform(eventId);
        if (u < dropFraction) {
            return Fate.DROP;
        }
        return u < dropFraction + duplicateFraction ? Fate.DUPLICATE : Fate.SEND;
    }

    /** The messages to send for {@code events} (a duplicate right after its original) and exactly what was changed. */
    public Delivery apply(List<AdEvent> events) {
        List<AdEvent> messages = new ArrayList<>(events.size() + (int) (events.size() * duplicateFraction * 2) + 1);
        DeliveryReport.Builder report = new DeliveryReport.Builder();
        for (AdEvent e : events) {
            Fate fate = fate(e.id());
            report.add(e, fate);
            if (fate != Fate.DROP) {
                messages.add(e);
            }
            if (fate == Fate.DUPLICATE) {
                messages.add(e);
            }
        }
        return new Delivery(List.copyOf(messages), report.build());
    }

    /** The messages a producer sends and the report of what the plan changed. */
    public record Delivery(List<AdEvent> messages, DeliveryReport report) {
    }

    /** A uniform double in [0, 1) from the seed and the id (FNV-1a 64 of the id, then SplitMix64's finaliser). */
    private double uniform(String eventId) {
        long h = 0xcbf29ce484222325L;
        for (byte b : eventId.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return (AdEventGenerator.mix(h ^ AdEventGenerator.mix(seed)) >>> 11) * 0x1.0p-53;
    }
}

package io.ferry.druid.lambda;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Synthetic nested ad events, deterministic per hour: the same seed, hour and events-per-hour always give the same
 * events in the same order (sorted by time), whichever range or process asks. That is what lets the real-time path
 * (Kafka) and the batch path (raw files) describe the same events without sharing state.
 *
 * <p>Ids are {@code e-<yyyyMMddHH>-<8-digit sequence>}, unique across hours. About 90 % impressions, 8 % clicks,
 * 2 % conversions; 40 campaigns of 8 advertisers (a campaign always has the same advertiser); bid prices in micros
 * by type; 0 to 3 audience segments.
 */
public final class AdEventGenerator {
    static final Duration HOUR = Duration.ofHours(1);
    private static final DateTimeFormatter ID_HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);

    static final int CAMPAIGNS = 40;
    static final List<String> ADVERTISERS = List.of("Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Wonka");
    static final List<String> SITES = List.of("news.example", "sports.example", "weather.example", "shop.example",
            "video.example", "blog.example");
    static final List<String> SLOTS = List.of("top", "side", "bottom", "interstitial");
    static final List<String> MOBILE_OS = List.of("android", "ios");
    static final List<String> DESKTOP_OS = List.of("windows", "macos", "linux");
    static final List<String> COUNTRIES = List.of("DE", "FR", "US", "GB", "JP", "BR", "IN", "ES");
    private static final List<List<String>> REGIONS = List.of(
            List.of("BE", "BY", "HH", "NW"), List.of("IDF", "ARA", "PAC"), List.of("CA", "NY", "TX", "WA"),
            List.of("ENG", "SCT", "WLS"), List.of("13", "27", "01"), List.of("SP", "RJ", "MG"),
            List.of("MH", "KA", "DL"), List.of("MD", "CT", "AN"));
    private static final int USERS = 100_000;
    private static final int AUDIENCE_SEGMENTS = 20;

    private final long seed;

    public AdEventGenerator(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** The {@code count} events of the hour starting at {@code hourStart} (which must be a whole UTC hour). */
    public List<AdEvent> hour(Instant hourStart, int count) {
        requireHour(hourStart);
        if (count < 0) {
            throw new IllegalArgumentException("events per hour must not be negative, got " + count);
        }
        SplittableRandom random = new SplittableRandom(mix(seed ^ mix(hourStart.getEpochSecond())));
        long[] offsets = new long[count];
        for (int i = 0; i < count; i++) {
            offsets[i] = random.nextLong(HOUR.toMillis());
        }
        Arrays.sort(offsets);
        String idPrefix = "e-" + ID_HOUR.format(hourStart) + "-";
        List<AdEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(event(random, idPrefix + String.format(Locale.ROOT, "%08d", i + 1), hourStart.plusMillis(offsets[i])));
        }
        return events;
    }

    /**
     * The events with {@code from <= ts < to} of every hour the range touches, each hour generated whole (so a
     * range gives exactly the events the hours would), in time order.
     */
    public List<AdEvent> range(Instant from, Instant to, int eventsPerHour) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("empty range " + from + " .. " + to);
        }
        List<AdEvent> events = new ArrayList<>();
        for (Instant hour = from.truncatedTo(ChronoUnit.HOURS); hour.isBefore(to); hour = hour.plus(HOUR)) {
            for (AdEvent e : hour(hour, eventsPerHour)) {
                if (!e.ts().isBefore(from) && e.ts().isBefore(to)) {
                    events.add(e);
                }
            }
        }
        return events;
    }

    private static AdEvent event(SplittableRandom r, String id, Instant ts) {
        int t = r.nextInt(100);
        String type = t < 90 ? AdEvent.IMPRESSION : t < 98 ? AdEvent.CLICK : AdEvent.CONVERSION;
        int campaign = 1 + r.nextInt(CAMPAIGNS);
        int advertiser = campaign % ADVERTISERS.size();
        boolean mobile = r.nextInt(100) < 65;
        String os = mobile ? pick(r, MOBILE_OS) : pick(r, DESKTOP_OS);
        String deviceType = mobile ? (r.nextInt(5) == 0 ? "tablet" : "mobile") : "desktop";
        int country = r.nextInt(COUNTRIES.size());
        long price = switch (type) {
            case AdEvent.IMPRESSION -> 100 + r.nextInt(4_900);
            case AdEvent.CLICK -> 10_000 + r.nextInt(90_000);
            default -> 100_000 + r.nextInt(900_000);
        };
        int segmentCount = r.nextInt(4);
        List<AdEvent.Segment> segments = new ArrayList<>(segmentCount);
        for (int i = 0; i < segmentCount; i++) {
            segments.add(new AdEvent.Segment("s" + (1 + r.nextInt(AUDIENCE_SEGMENTS)), r.nextInt(101) / 100.0));
        }
        return new AdEvent(id, ts, type, "c-" + campaign, "a-" + (advertiser + 1), ADVERTISERS.get(advertiser),
                pick(r, SITES), pick(r, SLOTS), os, deviceType, COUNTRIES.get(country), pick(r, REGIONS.get(country)),
                price, "USD", segments, "u-" + r.nextInt(USERS));
    }

    private static String pick(SplittableRandom r, List<String> values) {
        return values.get(r.nextInt(values.size()));
    }

    static Instant requireHour(Instant hourStart) {
        if (!hourStart.truncatedTo(ChronoUnit.HOURS).equals(hourStart)) {
            throw new IllegalArgumentException("not the start of a UTC hour: " + hourStart);
        }
        return hourStart;
    }

    /** SplitMix64's finaliser: spreads nearby inputs (consecutive hours, similar seeds) over the whole range. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}

package io.ferry.druid.flatten;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Deterministic nested ad events, one JSON object a line (about 400-600 bytes each), of the shape the Druid
 * re-index reads: varied values, some events with several segments, some fields missing (3% no device os,
 * 2% no geo, 4% no segments, 1% no bid), texts with escapes and non-ASCII characters. For the flatten benchmark
 * and tests; the sandbox's own producer lives elsewhere.
 */
public final class SyntheticAdEvents {
    private static final String[] TYPES = {"impression", "impression", "impression", "impression", "click", "conversion"};
    private static final String[] ADVERTISERS = {"Acme", "Globex", "Initech", "Müller & Söhne GmbH", "東京トレーディング",
            "Umbrella \"Health\"", "Stark Industries", "Wayne Enterprises"};
    private static final String[] SITES = {"news.example", "sports.example", "weather.example", "recipes.example",
            "video.example", "forum.example", "shop.example", "maps.example"};
    private static final String[] SLOTS = {"top", "sidebar", "inline", "footer", "interstitial"};
    private static final String[] OS = {"android", "ios", "windows", "macos", "linux"};
    private static final String[] DEVICE = {"mobile", "mobile", "desktop", "tablet"};
    private static final String[] COUNTRIES = {"DE", "FR", "US", "JP", "GB", "BR", "IN", "ES"};
    private static final String[] REGIONS = {"BE", "BY", "IDF", "CA", "NY", "13", "ENG", "SP", "KA", "MD"};
    private static final String[] CURRENCIES = {"USD", "EUR", "JPY", "GBP"};
    private static final String[] BROWSERS = {"Chrome/131.0.6778.85", "Firefox/133.0", "Safari/605.1.15", "Edg/131.0.2903.70"};

    private final SplittableRandom random;
    private final Instant start;
    private final long spreadMillis;
    private final StringBuilder line = new StringBuilder(700);
    private long n;

    /** Events with timestamps spread evenly over {@code spreadMillis} from {@code start}, in order. */
    public SyntheticAdEvents(long seed, Instant start, long spreadMillis) {
        this.random = new SplittableRandom(seed);
        this.start = start;
        this.spreadMillis = spreadMillis;
    }

    /** The next event, without its newline; event i has timestamp start + (i * 997 ms) mod spread. */
    public String next() {
        long i = n++;
        StringBuilder b = line;
        b.setLength(0);
        long ts = start.toEpochMilli() + Math.floorMod(i * 997L, spreadMillis);
        b.append("{\"id\":\"e-").append(pad(i, 8)).append("\",\"ts\":\"").append(Instant.ofEpochMilli(ts)).append('"');
        b.append(",\"type\":\"").append(pick(TYPES)).append('"');
        int campaign = random.nextInt(400);
        int advertiser = campaign % ADVERTISERS.length;
        b.append(",\"campaign\":{\"id\":\"c-").append(campaign).append("\",\"advertiser\":{\"id\":\"a-").append(advertiser).append("\",\"name\":\"");
        escape(b, ADVERTISERS[advertiser]);
        b.append("\"}}");
        b.append(",\"placement\":{\"site\":\"").append(pick(SITES)).append("\",\"slot\":\"").append(pick(SLOTS))
                .append("\",\"device\":{");
        if (random.nextInt(100) >= 3) {
            b.append("\"os\":\"").append(pick(OS)).append("\",");
        }
        b.append("\"type\":\"").append(pick(DEVICE)).append("\",\"browser\":\"")
                .append(pick(BROWSERS)).append("\",\"screen\":{\"w\":").append(360 + random.nextInt(1600))
                .append(",\"h\":").append(640 + random.nextInt(800)).append("}}}");
        if (random.nextInt(100) >= 2) {
            b.append(",\"geo\":{\"country\":\"").append(pick(COUNTRIES)).append("\",\"region\":\"").append(pick(REGIONS))
                    .append("\"}");
        }
        if (random.nextInt(100) >= 1) {
            b.append(",\"bid\":{\"price_micros\":").append(100 + random.nextInt(5_000_000))
                    .append(",\"currency\":\"").append(pick(CURRENCIES)).append("\",\"floor_micros\":")
                    .append(random.nextInt(1000)).append(",\"won\":").append(random.nextBoolean()).append('}');
        }
        if (random.nextInt(100) >= 4) {
            int segments = 1 + (random.nextInt(10) < 7 ? 0 : random.nextInt(4));
            b.append(",\"segments\":[");
            for (int s = 0; s < segments; s++) {
                b.append(s == 0 ? "" : ",").append("{\"id\":\"s").append(random.nextInt(60)).append("\",\"weight\":")
                        .append(random.nextInt(1000) / 1000.0).append('}');
            }
            b.append(']');
        }
        b.append(",\"user\":{\"id\":\"u-").append(random.nextInt(1_000_000)).append("\",\"new\":")
                .append(random.nextInt(10) == 0).append('}');
        b.append(",\"request\":{\"latency_ms\":").append(random.nextInt(250)).append(",\"server\":\"edge-")
                .append(random.nextInt(40)).append(".eu-central-1\"}}");
        return b.toString();
    }

    /** Writes events until at least {@code bytes} are written; returns how many events. */
    public long writeTo(OutputStream out, long bytes) throws IOException {
        long written = 0;
        long events = 0;
        while (written < bytes) {
            byte[] e = (next() + "\n").getBytes(StandardCharsets.UTF_8);
            out.write(e);
            written += e.length;
            events++;
        }
        return events;
    }

    private String pick(String[] from) {
        return from[random.nextInt(from.length)];
    }

    private static String pad(long v, int width) {
        String s = Long.toString(v);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    private static void escape(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
    }
}

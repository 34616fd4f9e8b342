package io.ferry.druid.lambda;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the raw hourly event files live, in an S3 bucket or a local folder alike:
 * {@code <prefix>yyyy/MM/dd/HH/part-NNNNN.ndjson.gz}, and once the hour is complete
 * {@code <prefix>yyyy/MM/dd/HH/_MANIFEST.json}. The default prefix is {@value #DEFAULT_PREFIX}.
 */
public final class RawEventLayout {
    public static final String DEFAULT_PREFIX = "raw/ad_events/";
    public static final String MANIFEST = "_MANIFEST.json";
    public static final String PART_SUFFIX = ".ndjson.gz";
    public static final int MAX_PARTS = 100_000;

    private static final DateTimeFormatter HOUR_PATH = DateTimeFormatter.ofPattern("yyyy/MM/dd/HH/").withZone(ZoneOffset.UTC);
    private static final Pattern HOUR_IN_KEY = Pattern.compile("(\\d{4})/(\\d{2})/(\\d{2})/(\\d{2})/([^/]+)");

    private final String prefix;

    public RawEventLayout(String prefix) {
        if (prefix.startsWith("/")) {
            throw new IllegalArgumentException("a key prefix must not start with '/': " + prefix);
        }
        this.prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    }

    public static RawEventLayout standard() {
        return new RawEventLayout(DEFAULT_PREFIX);
    }

    public String prefix() {
        return prefix;
    }

    /** {@code raw/ad_events/2026/11/28/04/}: every file of the hour starting at {@code hour}. */
    public String hourPrefix(Instant hour) {
        return prefix + HOUR_PATH.format(AdEventGenerator.requireHour(hour));
    }

    /** {@code raw/ad_events/2026/11/28/04/part-00000.ndjson.gz}; parts are numbered from 0. */
    public String partKey(Instant hour, int part) {
        if (part < 0 || part >= MAX_PARTS) {
            throw new IllegalArgumentException("part number out of range [0, " + MAX_PARTS + "): " + part);
        }
        return hourPrefix(hour) + String.format(Locale.ROOT, "part-%05d", part) + PART_SUFFIX;
    }

    public String manifestKey(Instant hour) {
        return hourPrefix(hour) + MANIFEST;
    }

    /** The hour a key of this layout belongs to (its file name aside), or empty for a key outside the layout. */
    public Optional<Instant> hourOf(String key) {
        if (!key.startsWith(prefix)) {
            return Optional.empty();
        }
        Matcher m = HOUR_IN_KEY.matcher(key.substring(prefix.length()));
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), 0).toInstant(ZoneOffset.UTC));
        } catch (java.time.DateTimeException notADate) {
            return Optional.empty();
        }
    }

    public static boolean isPart(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        return name.startsWith("part-") && name.endsWith(PART_SUFFIX);
    }

    public static boolean isManifest(String key) {
        return key.endsWith("/" + MANIFEST) || key.equals(MANIFEST);
    }

    @Override
    public String toString() {
        return prefix + "yyyy/MM/dd/HH/part-NNNNN" + PART_SUFFIX;
    }
}

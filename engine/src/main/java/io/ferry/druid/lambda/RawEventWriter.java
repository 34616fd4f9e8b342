package io.ferry.druid.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes one complete hour of raw events: gzipped NDJSON parts of at most {@code eventsPerPart} events each, then
 * the {@code _MANIFEST.json} that lists them. The manifest is removed first and written last, so a reader that sees
 * it sees every part it lists. The bytes are the same for the same events (gzip without a timestamp).
 */
public final class RawEventWriter {
    public static final int DEFAULT_EVENTS_PER_PART = 50_000;
    private static final JsonFactory JSON = new JsonFactory();

    private final RawEventStore store;
    private final RawEventLayout layout;
    private final int eventsPerPart;

    public RawEventWriter(RawEventStore store, RawEventLayout layout, int eventsPerPart) {
        if (eventsPerPart < 1) {
            throw new IllegalArgumentException("events per part must be at least 1, got " + eventsPerPart);
        }
        this.store = store;
        this.layout = layout;
        this.eventsPerPart = eventsPerPart;
    }

    public RawEventWriter(RawEventStore store) {
        this(store, RawEventLayout.standard(), DEFAULT_EVENTS_PER_PART);
    }

    public RawEventLayout layout() {
        return layout;
    }

    public RawEventStore store() {
        return store;
    }

    /**
     * Writes every event of the hour starting at {@code hour} (all of them: this is what makes the hour complete)
     * and its manifest; an hour without events gets a manifest with no parts. Parts of an earlier write of the same
     * hour beyond the new last part are removed.
     */
    public HourManifest writeHour(Instant hour, List<AdEvent> events) throws IOException {
        AdEventGenerator.requireHour(hour);
        Instant end = hour.plus(AdEventGenerator.HOUR);
        for (AdEvent e : events) {
            if (e.ts().isBefore(hour) || !e.ts().isBefore(end)) {
                throw new IllegalArgumentException("event " + e.id() + " at " + e.tsText() + " is outside the hour "
                        + hour + " .. " + end);
            }
        }
        store.delete(layout.manifestKey(hour));
        List<HourManifest.Part> parts = new ArrayList<>();
        for (int from = 0, n = 0; from < events.size(); from += eventsPerPart, n++) {
            List<AdEvent> slice = events.subList(from, Math.min(events.size(), from + eventsPerPart));
            byte[] gz = gzipLines(slice);
            String key = layout.partKey(hour, n);
            store.put(key, gz);
            parts.add(new HourManifest.Part(key, slice.size(), gz.length));
        }
        for (String key : store.list(layout.hourPrefix(hour))) {
            if (RawEventLayout.isPart(key) && parts.stream().noneMatch(p -> p.key().equals(key))) {
                store.delete(key);
            }
        }
        HourManifest manifest = HourManifest.of(hour, parts);
        store.put(layout.manifestKey(hour), manifest.toBytes());
        return manifest;
    }

    /** {@link #writeHour} for each hour of {@code [from, to)} with the generator's events. */
    public List<HourManifest> writeHours(AdEventGenerator generator, Instant from, Instant to, int eventsPerHour) throws IOException {
        List<HourManifest> manifests = new ArrayList<>();
        for (Instant hour = AdEventGenerator.requireHour(from); hour.isBefore(to); hour = hour.plus(1, ChronoUnit.HOURS)) {
            manifests.add(writeHour(hour, generator.hour(hour, eventsPerHour)));
        }
        return manifests;
    }

    static byte[] gzipLines(List<AdEvent> events) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(1024, events.size() * 120));
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 1 << 16);
             JsonGenerator g = JSON.createGenerator(gz)) {
            g.setRootValueSeparator(null);
            for (AdEvent e : events) {
                e.write(g);
                g.writeRaw('\n');
            }
        }
        return bytes.toByteArray();
    }
}

package io.ferry.druid.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * One synthetic ad event, written as one line of nested JSON (the contract every Druid lambda part relies on):
 * <pre>{@code
 * {"id":"e-2026112804-00000001","ts":"2026-11-28T04:12:33.123Z","type":"impression",
 *  "campaign":{"id":"c-12","advertiser":{"id":"a-3","name":"Acme"}},
 *  "placement":{"site":"news.example","slot":"top","device":{"os":"android","type":"mobile"}},
 *  "geo":{"country":"DE","region":"BE"},"bid":{"price_micros":1234,"currency":"USD"},
 *  "segments":[{"id":"s1","weight":0.5}],"user":{"id":"u-991"}}
 * }</pre>
 * {@code ts} is ISO-8601 UTC with milliseconds; {@code type} is impression, click or conversion.
 */
public record AdEvent(String id, Instant ts, String type, String campaignId, String advertiserId, String advertiserName,
                      String site, String slot, String deviceOs, String deviceType, String country, String region,
                      long priceMicros, String currency, List<Segment> segments, String userId) {
    public static final String IMPRESSION = "impression";
    public static final String CLICK = "click";
    public static final String CONVERSION = "conversion";
    public static final List<String> TYPES = List.of(IMPRESSION, CLICK, CONVERSION);

    private static final JsonFactory JSON = new JsonFactory();
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public AdEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ts, "ts");
        segments = List.copyOf(segments);
    }

    /** An audience segment the user belongs to, with a weight in [0, 1]. */
    public record Segment(String id, double weight) {
    }

    /** The event's time as it appears in the JSON: {@code 2026-11-28T04:12:33.123Z}. */
    public String tsText() {
        return TS.format(ts);
    }

    /** The event as one line of JSON, without the line break. */
    public String toJson() {
        StringWriter out = new StringWriter(400);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes the event as one JSON object to {@code g} (callers add the line separators). */
    public void write(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("ts", tsText());
        g.writeStringField("type", type);
        g.writeObjectFieldStart("campaign");
        g.writeStringField("id", campaignId);
        g.writeObjectFieldStart("advertiser");
        g.writeStringField("id", advertiserId);
        g.writeStringField("name", advertiserName);
        g.writeEndObject();
        g.writeEndObject();
        g.writeObjectFieldStart("placement");
        g.writeStringField("site", site);
        g.writeStringField("slot", slot);
        g.writeObjectFieldStart("device");
        g.writeStringField("os", deviceOs);
        g.writeStringField("type", deviceType);
        g.writeEndObject();
        g.writeEndObject();
        g.writeObjectFieldStart("geo");
        g.writeStringField("country", country);
        g.writeStringField("region", region);
        g.writeEndObject();
        g.writeObjectFieldStart("bid");
        g.writeNumberField("price_micros", priceMicros);
        g.writeStringField("currency", currency);
        g.writeEndObject();
        g.writeArrayFieldStart("segments");
        for (Segment s : segments) {
            g.writeStartObject();
            g.writeStringField("id", s.id());
            g.writeNumberField("weight", s.weight());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("user");
        g.writeStringField("id", userId);
        g.writeEndObject();
        g.writeEndObject();
    }
}

package io.ferry.druid.status;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The datasource's auto-compaction setting and whether it could interfere with re-indexing: compaction that
 * reaches intervals the re-index has not overwritten yet rewrites the real-time segments, with a version the
 * re-index then has to overshadow, and its task competes for the interval's lock.
 *
 * @param configured            an auto-compaction config exists for the datasource
 * @param skipOffsetFromLatest  as configured (ISO-8601 period), or Druid's default {@code P1D} when not given
 * @param warning               why it could interfere, or empty
 */
public record CompactionCheck(boolean configured, String skipOffsetFromLatest, Optional<String> warning) {
    static final String DRUID_DEFAULT_SKIP_OFFSET = "P1D";

    public static CompactionCheck none() {
        return new CompactionCheck(false, "", Optional.empty());
    }

    /**
     * @param config      the coordinator's compaction config of the datasource, if any
     * @param reindexLag  how long after an interval's end the re-index overwrites it at the latest
     */
    public static CompactionCheck of(Optional<JsonNode> config, Duration reindexLag) {
        if (config.isEmpty()) {
            return none();
        }
        JsonNode skip = config.get().path("skipOffsetFromLatest");
        if (skip.isMissingNode() || skip.isNull()) {
            return new CompactionCheck(true, DRUID_DEFAULT_SKIP_OFFSET, Optional.of("auto-compaction has no skipOffsetFromLatest"
                    + " (Druid's default P1D applies): set one longer than the re-index lag (" + reindexLag + ")"
                    + (approximate(DRUID_DEFAULT_SKIP_OFFSET).compareTo(reindexLag) < 0 ? ", P1D is shorter" : "")));
        }
        String text = skip.asText();
        Duration offset = approximate(text);
        if (offset == null) {
            return new CompactionCheck(true, text, Optional.of("skipOffsetFromLatest " + text + " is not an ISO-8601 period"));
        }
        if (offset.compareTo(reindexLag) < 0) {
            return new CompactionCheck(true, text, Optional.of("auto-compaction skipOffsetFromLatest " + text
                    + " is shorter than the re-index lag (" + reindexLag + "): compaction can rewrite intervals before"
                    + " the re-index overwrites them"));
        }
        return new CompactionCheck(true, text, Optional.empty());
    }

    /** ISO-8601 period or duration as a duration (a month as 30 days, a year as 365); null when unreadable. */
    static Duration approximate(String period) {
        try {
            return Duration.parse(period);
        } catch (DateTimeParseException notADuration) {
            int t = period.indexOf('T');
            try {
                Period datePart = Period.parse(t < 0 ? period : period.substring(0, t));
                Duration timePart = t < 0 ? Duration.ZERO : Duration.parse("P" + period.substring(t));
                return Duration.ofDays(datePart.getYears() * 365L + datePart.getMonths() * 30L + datePart.getDays()).plus(timePart);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}

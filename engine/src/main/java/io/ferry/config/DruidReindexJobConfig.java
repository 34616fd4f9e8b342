package io.ferry.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A {@code type: druid-reindex} job: every {@code every}, the closed intervals of {@code datasource} are re-indexed
 * from raw hourly event files so that the batch version overshadows the real-time segments (docs/druid.md).
 *
 * @param druid              the Druid cluster
 * @param input              where the raw hourly files are ({@code yyyy/MM/dd/HH/part-NNNNN.ndjson.gz} + {@code _MANIFEST.json})
 * @param staging            where the flattened files are put for Druid to read
 * @param flattenSpec        Ferry's flatten spec (JSON paths to columns); empty: the built-in ad-events spec
 * @param druidFlattenSpec   true: no flattening by Ferry, Druid reads the raw files with a {@code flattenSpec}
 * @param segmentGranularity Druid's segment granularity (HOUR, SIX_HOUR, EIGHT_HOUR, DAY)
 * @param batchChunks        how many segment-granularity chunks one run re-indexes (4: HOUR segments 4 hours at a time)
 * @param supervisor         the Kafka supervisor whose spec gives the timing; empty: the timing keys only
 * @param timing             the fallback supervisor timing (used when the supervisor spec cannot be read)
 * @param lookback           how far back the schedule looks for intervals not yet re-indexed
 */
public record DruidReindexJobConfig(String name, DruidConnectionConfig druid, String datasource, Input input,
                                    Staging staging, Optional<Path> flattenSpec, boolean druidFlattenSpec,
                                    String segmentGranularity, int batchChunks, Completeness completeness,
                                    Optional<String> supervisor, Timing timing, Duration every, Duration lookback,
                                    int retries, Duration backoff, Duration taskTimeout, Duration loadTimeout)
        implements JobConfig {
    public static final String TYPE = "druid-reindex";

    @Override
    public String type() {
        return TYPE;
    }

    /** How a run decides that an interval's input is complete. */
    public enum Completeness {
        /** Every hour has a {@code _MANIFEST.json} and every part it lists is there with its size. */
        MANIFEST,
        /** Every hour of the interval has at least one part file (no manifest is written upstream). */
        EXPECTED_HOURS
    }

    /** Where raw files are read, or flattened files are staged. */
    public sealed interface Location permits Local, S3 {
        String describe();

        /** Keys start with it: {@code raw/ad_events/} (empty or ending in {@code /}). */
        String prefix();
    }

    /** A folder (for staging: one the Druid indexer can read at the same path); keys are paths relative to it. */
    public record Local(Path folder, String prefix) implements Location {
        @Override
        public String describe() {
            return folder.resolve(prefix).toString();
        }
    }

    /** A key prefix in the bucket of an s3 connection. */
    public record S3(S3ConnectionConfig connection, String prefix) implements Location {
        @Override
        public String describe() {
            return "s3://" + connection.bucket() + "/" + prefix + " (connection " + connection.name() + ")";
        }
    }

    public record Input(Location location) {
    }

    /** @param urlExpiry how long the presigned GET URLs handed to Druid stay valid (S3 staging) */
    public record Staging(Location location, Duration urlExpiry) {
    }

    /** The Kafka supervisor's timing: an interval is closed once its end plus all three has passed. */
    public record Timing(Duration taskDuration, Duration completionTimeout, Duration lateMessageRejectionPeriod) {
    }
}

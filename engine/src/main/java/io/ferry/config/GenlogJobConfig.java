package io.ferry.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A {@code type: genlog} job: the engine keeps one server's general (or slow) log under a policy. Every
 * {@code checkEvery} it reads the log's status, rotates when a threshold is passed, and archives what rotations
 * done without it (the scheduled event) left behind.
 *
 * @param connection          the mysql connection
 * @param log                 {@code general} or {@code slow}
 * @param rotateWhenRows      rotate when the log has more rows than this
 * @param rotateWhenBytes     rotate when the log is bigger than this
 * @param rotateWhenOlderThan rotate when the oldest row is older than this
 * @param archiveDir          where archives go (default {@code <dataDir>/genlog-archive}); not with archiveS3
 * @param archiveS3           an s3 connection and key prefix to upload archives to
 * @param archiveFormat       {@code ndjson} or {@code csv} (gzip either way)
 */
public record GenlogJobConfig(String name, String connection, String log, Optional<Long> rotateWhenRows,
                              Optional<Long> rotateWhenBytes, Optional<Duration> rotateWhenOlderThan,
                              Duration checkEvery, Optional<Path> archiveDir, Optional<S3Location> archiveS3,
                              String archiveFormat) implements JobConfig {
    public static final String TYPE = "genlog";
    public static final Duration DEFAULT_CHECK_EVERY = Duration.ofMinutes(5);

    @Override
    public String type() {
        return TYPE;
    }

    /** An s3 connection and a key prefix, written {@code lake} or {@code lake/genlog/shop}. */
    public record S3Location(String connection, String prefix) {
        public static S3Location parse(String text) {
            String t = text.trim();
            int slash = t.indexOf('/');
            if (slash < 0) {
                return new S3Location(t, "");
            }
            String prefix = t.substring(slash + 1).replaceAll("^/+", "").replaceAll("/+$", "");
            return new S3Location(t.substring(0, slash), prefix);
        }

        @Override
        public String toString() {
            return prefix.isEmpty() ? connection : connection + "/" + prefix;
        }
    }
}

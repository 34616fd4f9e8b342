package io.ferry.config;

import io.ferry.config.DruidReindexJobConfig.Completeness;
import io.ferry.config.DruidReindexJobConfig.Input;
import io.ferry.config.DruidReindexJobConfig.Local;
import io.ferry.config.DruidReindexJobConfig.Location;
import io.ferry.config.DruidReindexJobConfig.S3;
import io.ferry.config.DruidReindexJobConfig.Staging;
import io.ferry.config.DruidReindexJobConfig.Timing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Binds {@code type: druid-reindex} jobs (docs/configuration.md, "druid-reindex"). */
final class DruidReindexJobBinder implements JobTypeBinder {
    /** Segment granularities whose chunks are whole hours (the raw files are hourly). */
    static final Map<String, String> GRANULARITIES = words("HOUR", "SIX_HOUR", "EIGHT_HOUR", "DAY");
    private static final Map<String, Completeness> COMPLETENESS = completeness();

    @Override
    public String type() {
        return DruidReindexJobConfig.TYPE;
    }

    @Override
    public Optional<JobConfig> bind(String name, MappingReader r, JobContext context) {
        Optional<DruidConnectionConfig> druid = context.connection(r, "druid", true, DruidConnectionConfig.class,
                ConnectionType.DRUID);
        String datasource = r.text("datasource", false, "the Druid datasource to re-index").orElse("ad_events");
        Optional<Location> input = Optional.empty();
        Optional<MappingReader> inputReader = r.nested("input", true, "the input of a druid-reindex job (s3 + prefix, or local)");
        if (inputReader.isPresent()) {
            input = location(inputReader.get(), context, "the folder of the raw hourly files");
            inputReader.get().rejectUnknownKeys();
        }
        Optional<MappingReader> stagingReader = r.nested("staging", true,
                "the staging of a druid-reindex job (s3 + prefix, or local)");
        Optional<Location> staging = Optional.empty();
        Duration urlExpiry = Duration.ofHours(6);
        if (stagingReader.isPresent()) {
            MappingReader s = stagingReader.get();
            urlExpiry = s.duration("urlExpiry", false).orElse(urlExpiry);
            staging = location(s, context, "a folder the Druid indexer reads at the same path");
        }
        Optional<Path> flattenSpec = r.path("flattenSpec");
        boolean druidFlattenSpec = r.bool("druidFlattenSpec", false);
        String granularity = r.choice("segmentGranularity", GRANULARITIES, "HOUR");
        long batchChunks = r.number("batchChunks", 1, 4);
        Completeness completeness = r.choice("completeness", COMPLETENESS, Completeness.MANIFEST);
        Optional<String> supervisor = r.text("supervisor", false, "the id of the Kafka supervisor of the datasource");
        Timing timing = new Timing(
                r.duration("taskDuration", false).orElse(Duration.ofHours(1)),
                r.duration("completionTimeout", false).orElse(Duration.ofMinutes(30)),
                r.duration("lateMessageRejectionPeriod", false).orElse(Duration.ZERO));
        Duration every = r.duration("every", false).orElse(Duration.ofHours(4));
        Duration lookback = r.duration("lookback", false).orElse(Duration.ofDays(2));
        long retries = r.number("retries", 0, 3);
        Duration backoff = r.duration("backoff", false).orElse(Duration.ofSeconds(30));
        Duration taskTimeout = r.duration("taskTimeout", false).orElse(Duration.ofHours(2));
        Duration loadTimeout = r.duration("loadTimeout", false).orElse(Duration.ofMinutes(30));
        stagingReader.ifPresent(MappingReader::rejectUnknownKeys);
        if (druid.isEmpty() || input.isEmpty() || staging.isEmpty() || !r.valid()) {
            return Optional.empty();
        }
        return Optional.of(new DruidReindexJobConfig(name, druid.get(), datasource, new Input(input.get()),
                new Staging(staging.get(), urlExpiry), flattenSpec, druidFlattenSpec, granularity, (int) batchChunks,
                completeness, supervisor, timing, every, lookback, (int) retries, backoff, taskTimeout, loadTimeout));
    }

    /** {@code s3: CONNECTION} + {@code prefix}, or {@code local: FOLDER}; exactly one of the two. */
    private static Optional<Location> location(MappingReader r, JobContext context, String folderMeaning) {
        boolean hasS3 = r.node("s3").isPresent();
        boolean hasLocal = r.node("local").isPresent();
        Optional<Location> out = Optional.empty();
        if (hasS3 == hasLocal) {
            r.failMapping(hasS3 ? "write either s3 (with prefix) or local, not both"
                    : "missing s3 (an s3 connection, with prefix) or local (" + folderMeaning + ")");
        }
        String written = r.text("prefix", false, "a key prefix such as raw/ad_events/").orElse("");
        if (written.startsWith("/")) {
            r.fail(r.node("prefix").orElseThrow(), "prefix", "a key prefix must not start with '/'");
        }
        String prefix = written.isEmpty() || written.endsWith("/") ? written : written + "/";
        if (hasS3 && !hasLocal) {
            out = context.connection(r, "s3", true, S3ConnectionConfig.class, ConnectionType.S3).map(c -> new S3(c, prefix));
        } else if (hasLocal && !hasS3) {
            out = r.path("local").map(folder -> new Local(folder, prefix));
        }
        return out;
    }

    private static Map<String, String> words(String... words) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String w : words) {
            out.put(w, w);
        }
        return out;
    }

    private static Map<String, Completeness> completeness() {
        Map<String, Completeness> out = new LinkedHashMap<>();
        out.put("manifest", Completeness.MANIFEST);
        out.put("expectedHours", Completeness.EXPECTED_HOURS);
        return out;
    }
}

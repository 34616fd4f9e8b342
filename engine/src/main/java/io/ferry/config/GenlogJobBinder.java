package io.ferry.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Binds a {@code type: genlog} job. */
final class GenlogJobBinder implements JobTypeBinder {
    private static final Map<String, String> LOGS = words("general", "slow");
    private static final Map<String, String> FORMATS = words("ndjson", "csv");
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(B|KB|MB|GB|TB)?", Pattern.CASE_INSENSITIVE);

    @Override
    public String type() {
        return GenlogJobConfig.TYPE;
    }

    @Override
    public Optional<JobConfig> bind(String name, MappingReader r, JobContext context) {
        Optional<MySqlConnectionConfig> connection = context.connection(r, "connection", true, MySqlConnectionConfig.class,
                ConnectionType.MYSQL);
        String log = r.choice("log", LOGS, "general");
        long rows = r.number("rotateWhenRows", 1, -1);
        Optional<Long> bytes = size(r, "rotateWhenBytes");
        Optional<Duration> age = r.duration("rotateWhenOlderThan", false);
        Duration checkEvery = r.duration("checkEvery", false).orElse(GenlogJobConfig.DEFAULT_CHECK_EVERY);
        if (checkEvery.toSeconds() < 1) {
            r.fail(r.node("checkEvery").orElseThrow(), "checkEvery", "must be at least 1s");
        }
        Optional<Path> dir = r.path("archiveDir");
        Optional<GenlogJobConfig.S3Location> s3 = s3(r, context);
        if (dir.isPresent() && s3.isPresent()) {
            r.failMapping("write archiveDir or archiveS3, not both: archives go to one place");
        }
        String format = r.choice("archiveFormat", FORMATS, "ndjson");
        if (connection.isEmpty() || !r.valid()) {
            return Optional.empty();
        }
        return Optional.of(new GenlogJobConfig(name, connection.get().name(), log,
                rows > 0 ? Optional.of(rows) : Optional.empty(), bytes, age, checkEvery, dir, s3, format));
    }

    private static Map<String, String> words(String... words) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String w : words) {
            out.put(w, w);
        }
        return out;
    }

    private static Optional<Long> size(MappingReader r, String key) {
        Optional<String> text = r.text(key, false, "a size such as 500MB or 5GB");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = SIZE.matcher(text.get());
        if (!m.matches() || Double.parseDouble(m.group(1)) <= 0) {
            return r.fail(r.node(key).orElseThrow(), key, "expected a size such as 500MB, 5GB or 1TB; found '"
                    + text.get() + "'");
        }
        long unit = switch (m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT)) {
            case "KB" -> 1L << 10;
            case "MB" -> 1L << 20;
            case "GB" -> 1L << 30;
            case "TB" -> 1L << 40;
            default -> 1L;
        };
        return Optional.of((long) (Double.parseDouble(m.group(1)) * unit));
    }

    private static Optional<GenlogJobConfig.S3Location> s3(MappingReader r, JobContext context) {
        Optional<String> text = r.text("archiveS3", false, "an s3 connection and an optional key prefix, e.g. lake/genlog");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        GenlogJobConfig.S3Location at = GenlogJobConfig.S3Location.parse(text.get());
        ConnectionConfig found = context.connections().get(at.connection());
        if (!(found instanceof S3ConnectionConfig)) {
            String candidates = String.join(", ", context.connections().values().stream()
                    .filter(c -> c instanceof S3ConnectionConfig).map(ConnectionConfig::name).toList());
            String why = found == null ? "no connection is named '" + at.connection() + "'"
                    : "'" + at.connection() + "' is a " + found.type().yamlName() + " connection";
            return r.fail(r.node("archiveS3").orElseThrow(), "archiveS3", why + "; expected an s3 connection"
                    + (candidates.isEmpty() ? " (none is configured under connections:)" : " (" + candidates + ")")
                    + ", optionally followed by /prefix");
        }
        return Optional.of(at);
    }
}

package io.ferry.config;

import io.ferry.config.YamlNode.Entry;
import io.ferry.config.YamlNode.Mapping;
import io.ferry.config.YamlNode.Scalar;
import io.ferry.config.YamlNode.Sequence;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the keys of one YAML mapping into typed values, reporting every wrong value to {@link Problems}
 * with its line and key path. Every key asked for becomes an allowed key; {@link #rejectUnknownKeys}
 * then reports all the others. A value of a secret key is never repeated in a message.
 */
class MappingReader {
    private static final java.util.regex.Pattern DURATION = java.util.regex.Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)");

    private final Mapping mapping;
    private final String path;
    private final String what;
    private final Problems problems;
    private final Path baseDir;
    private final Set<String> allowed = new LinkedHashSet<>();
    private boolean valid = true;

    /**
     * @param what the mapping for people, e.g. "a mysql connection"
     */
    MappingReader(Mapping mapping, String path, String what, Problems problems, Path baseDir) {
        this.mapping = mapping;
        this.path = path;
        this.what = what;
        this.problems = problems;
        this.baseDir = baseDir;
    }

    /** False once any problem was reported through this reader. */
    boolean valid() {
        return valid;
    }

    String keyPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    Optional<YamlNode> node(String key) {
        allowed.add(key);
        return Optional.ofNullable(mapping.entries().get(key)).map(Entry::value);
    }

    Optional<String> text(String key, boolean required, String meaning) {
        Optional<Scalar> scalar = scalar(key, required, meaning);
        if (scalar.isEmpty()) {
            return Optional.empty();
        }
        Scalar s = scalar.get();
        if (s.kind() == Scalar.Kind.BOOLEAN || s.kind() == Scalar.Kind.OTHER) {
            return fail(s, key, "expected " + meaning + ", found " + s.describe() + " '" + s.text() + "'");
        }
        if (s.text().isBlank()) {
            return fail(s, key, "must not be empty: expected " + meaning);
        }
        return Optional.of(s.text().trim());
    }

    int port(String key, int defaultPort) {
        Optional<Scalar> scalar = scalar(key, false, "a port number");
        if (scalar.isEmpty()) {
            return defaultPort;
        }
        Scalar s = scalar.get();
        Integer port = parsePort(s.text());
        if (port == null || s.kind() == Scalar.Kind.BOOLEAN) {
            fail(s, key, "expected a port number (1-65535), found " + quoted(s));
            return defaultPort;
        }
        return port;
    }

    boolean bool(String key, boolean defaultValue) {
        Optional<Scalar> scalar = scalar(key, false, "true or false");
        if (scalar.isEmpty()) {
            return defaultValue;
        }
        Scalar s = scalar.get();
        if (s.kind() != Scalar.Kind.BOOLEAN) {
            fail(s, key, "expected true or false, found " + quoted(s));
            return defaultValue;
        }
        // YAML 1.1 spellings (yes/on) reach us as booleans too
        return switch (s.text().trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "y", "on" -> true;
            default -> false;
        };
    }

    /** One of a fixed set of words; {@code choices} maps each word to its value, in the order to list them. */
    <E> E choice(String key, Map<String, E> choices, E defaultValue) {
        Optional<Scalar> scalar = scalar(key, false, "one of " + String.join(", ", choices.keySet()));
        if (scalar.isEmpty()) {
            return defaultValue;
        }
        Scalar s = scalar.get();
        E value = s.text() == null ? null : choices.get(s.text().trim());
        if (value == null) {
            String hint = s.text() == null ? "" : Suggestions.closest(s.text(), choices.keySet())
                    .map(c -> " (did you mean '" + c + "'?)").orElse("");
            fail(s, key, "expected one of " + String.join(", ", choices.keySet()) + "; found " + quoted(s) + hint);
            return defaultValue;
        }
        return value;
    }

    /** A secret reference; a plain-text value is refused without being repeated. */
    Optional<SecretRef> secret(String key, boolean required) {
        Optional<Scalar> scalar = scalar(key, required, "a secret reference");
        if (scalar.isEmpty()) {
            return Optional.empty();
        }
        Scalar s = scalar.get();
        String text = s.text() == null ? "" : s.text().trim();
        if (s.kind() != Scalar.Kind.STRING || !SecretRef.looksLikeReference(text)) {
            String envName = "FERRY_" + path.replaceFirst("^connections\\.", "").replaceAll("[^A-Za-z0-9]+", "_")
                    .toUpperCase() + "_" + key.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
            return fail(s, key, "a secret must not be written in ferry.yaml in plain text (the value is not shown"
                    + " here). Write a reference instead: '" + key + ": env:" + envName + "' (an environment"
                    + " variable), '" + key + ": file:~/.ferry/secrets/" + lastSegment() + "' (a file only you can read:"
                    + " chmod 600) or '" + key + ": arn:aws:secretsmanager:<region>:<account>:secret:<name>'");
        }
        try {
            return Optional.of(SecretRef.parse(text, baseDir));
        } catch (IllegalArgumentException e) {
            return fail(s, key, e.getMessage());
        }
    }

    Optional<URI> url(String key, boolean required) {
        Optional<String> text = text(key, required, "an http:// or https:// URL");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.get());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        return fail(scalarAt(key), key, "expected an http:// or https:// URL such as http://127.0.0.1:8081, found '"
                + shorten(text.get()) + "'");
    }

    Optional<Path> path(String key) {
        return text(key, false, "a folder path").map(p -> Paths.expand(p, baseDir));
    }

    /** {@code host:port} pairs, written as "a:9092,b:9092" or as a YAML list. */
    Optional<List<HostPort>> hostPorts(String key, boolean required) {
        Optional<YamlNode> node = node(key);
        if (node.isEmpty() || node.get() instanceof Scalar s && s.isNull()) {
            if (required) {
                missing(key, "host:port pairs, e.g. 127.0.0.1:9092");
            }
            return Optional.empty();
        }
        List<Scalar> items = new ArrayList<>();
        if (node.get() instanceof Sequence seq) {
            for (YamlNode item : seq.items()) {
                if (!(item instanceof Scalar s)) {
                    return fail(item, key, "expected host:port pairs, found " + item.describe() + " in the list");
                }
                items.add(s);
            }
        } else if (node.get() instanceof Scalar s) {
            items.add(s);
        } else {
            return fail(node.get(), key, "expected host:port pairs, found " + node.get().describe());
        }
        List<HostPort> out = new ArrayList<>();
        for (Scalar s : items) {
            for (String part : String.valueOf(s.text()).split(",")) {
                Optional<HostPort> hp = parseHostPort(part.trim());
                if (hp.isEmpty()) {
                    return fail(s, key, "expected host:port (e.g. 127.0.0.1:9092), found '" + shorten(part.trim()) + "'");
                }
                out.add(hp.get());
            }
        }
        if (out.isEmpty()) {
            return fail(node.get(), key, "expected at least one host:port");
        }
        return Optional.of(out);
    }

    /** A whole number of at least {@code min}; {@code defaultValue} when absent or wrong (then reported). */
    long number(String key, long min, long defaultValue) {
        Optional<Scalar> scalar = scalar(key, false, "a whole number");
        if (scalar.isEmpty()) {
            return defaultValue;
        }
        Scalar s = scalar.get();
        String text = s.text() == null ? "" : s.text().trim().replace("_", "");
        try {
            long value = Long.parseLong(text);
            if (value >= min && s.kind() != Scalar.Kind.BOOLEAN) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        fail(s, key, "expected a whole number of at least " + min + ", found " + quoted(s));
        return defaultValue;
    }

    /**
     * A duration written as a number and a unit: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 4h}, {@code 1d}.
     */
    Optional<java.time.Duration> duration(String key, boolean required) {
        Optional<Scalar> scalar = scalar(key, required, "a duration such as 30s, 5m, 4h or 1d");
        if (scalar.isEmpty()) {
            return Optional.empty();
        }
        Scalar s = scalar.get();
        java.util.regex.Matcher m = DURATION.matcher(s.text() == null ? "" : s.text().trim());
        if (!m.matches()) {
            return fail(s, key, "expected a duration such as 500ms, 30s, 5m, 4h or 1d; found " + quoted(s));
        }
        long amount = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "ms" -> java.time.Duration.ofMillis(amount);
            case "s" -> java.time.Duration.ofSeconds(amount);
            case "m" -> java.time.Duration.ofMinutes(amount);
            case "h" -> java.time.Duration.ofHours(amount);
            default -> java.time.Duration.ofDays(amount);
        });
    }

    /** One or more words, written as a YAML list or as one scalar; empty when absent. */
    List<String> strings(String key, boolean required, String meaning) {
        Optional<YamlNode> node = node(key);
        if (node.isEmpty() || node.get() instanceof Scalar s && s.isNull()) {
            if (required) {
                missing(key, meaning);
            }
            return List.of();
        }
        List<String> out = new ArrayList<>();
        List<YamlNode> items = node.get() instanceof Sequence seq ? seq.items() : List.of(node.get());
        for (YamlNode item : items) {
            if (!(item instanceof Scalar s) || s.isNull() || s.text().isBlank()) {
                fail(item, key, "expected " + meaning + ", found " + item.describe());
                return List.of();
            }
            out.add(s.text().trim());
        }
        if (out.isEmpty() && required) {
            fail(node.get(), key, "expected at least one of " + meaning);
        }
        return out;
    }

    Optional<Mapping> mapping(String key, boolean required, String meaning) {
        Optional<YamlNode> node = node(key);
        if (node.isEmpty() || node.get() instanceof Scalar s && s.isNull()) {
            if (required) {
                missing(key, meaning);
            }
            return Optional.empty();
        }
        if (node.get() instanceof Mapping m) {
            return Optional.of(m);
        }
        return fail(node.get(), key, "expected " + meaning + ", found " + node.get().describe());
    }

    /**
     * A reader of the mapping under {@code key} (e.g. a job's {@code input:}), reporting with the nested key path;
     * the caller calls its {@link #rejectUnknownKeys} last, which also makes this reader invalid if the nested
     * one had problems.
     */
    Optional<MappingReader> nested(String key, boolean required, String nestedWhat) {
        Optional<Mapping> m = mapping(key, required, nestedWhat);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        MappingReader parent = this;
        return Optional.of(new MappingReader(m.get(), keyPath(key), nestedWhat, problems, baseDir) {
            @Override
            void rejectUnknownKeys() {
                super.rejectUnknownKeys();
                if (!valid()) {
                    parent.valid = false;
                }
            }
        });
    }

    /** Reports a problem at a key's value, marking this mapping invalid. */
    <T> Optional<T> fail(YamlNode at, String key, String message) {
        valid = false;
        problems.add(at.location(), keyPath(key), message);
        return Optional.empty();
    }

    /** A reader of a nested mapping under {@code key}, reporting to the same problems. */
    MappingReader child(Mapping nested, String key, String nestedWhat) {
        return new MappingReader(nested, keyPath(key), nestedWhat, problems, baseDir);
    }

    /** Marks this mapping invalid for a problem already reported (e.g. by a {@link #child} reader). */
    void failQuietly() {
        valid = false;
    }

    /** Reports a problem about the whole mapping (e.g. two keys that go together). */
    void failMapping(String message) {
        valid = false;
        problems.add(mapping.location(), path, message);
    }

    /** Reports every key that was never asked for: all of them, with the closest allowed key. */
    void rejectUnknownKeys() {
        for (Entry entry : mapping.entries().values()) {
            if (allowed.contains(entry.key())) {
                continue;
            }
            valid = false;
            String hint = Suggestions.closest(entry.key(), allowed).map(c -> "did you mean '" + c + "'? ").orElse("");
            problems.add(entry.keyLocation(), keyPath(entry.key()), "unknown key; " + hint + "the keys of " + what
                    + " are: " + String.join(", ", allowed));
        }
    }

    Set<String> allowedKeys() {
        return allowed;
    }

    private Optional<Scalar> scalar(String key, boolean required, String meaning) {
        Optional<YamlNode> node = node(key);
        if (node.isEmpty() || node.get() instanceof Scalar s && s.isNull()) {
            if (required) {
                missing(key, meaning);
            }
            return Optional.empty();
        }
        if (node.get() instanceof Scalar s) {
            return Optional.of(s);
        }
        return fail(node.get(), key, "expected " + meaning + ", found " + node.get().describe());
    }

    /** A required key that is absent (reported at its mapping) or written without a value (at the key). */
    private void missing(String key, String meaning) {
        valid = false;
        Entry written = mapping.entries().get(key);
        problems.add(written == null ? mapping.location() : written.keyLocation(), keyPath(key),
                (written == null ? "missing required key" : "needs a value") + " (" + meaning + ") in " + what);
    }

    private Scalar scalarAt(String key) {
        return (Scalar) mapping.entries().get(key).value();
    }

    private String lastSegment() {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static Integer parsePort(String text) {
        if (text == null || !text.trim().matches("\\d{1,5}")) {
            return null;
        }
        int port = Integer.parseInt(text.trim());
        return port >= 1 && port <= 65535 ? port : null;
    }

    static Optional<HostPort> parseHostPort(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        Integer port = parsePort(text.substring(colon + 1));
        if (port == null || host.isBlank() || host.contains(" ")) {
            return Optional.empty();
        }
        return Optional.of(new HostPort(host, port));
    }

    private static String quoted(Scalar s) {
        return s.text() == null ? "nothing" : "'" + shorten(s.text()) + "'";
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}

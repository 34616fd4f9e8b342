package io.ferry.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ferry.config.YamlNode.Entry;
import io.ferry.config.YamlNode.Location;
import io.ferry.config.YamlNode.Mapping;
import io.ferry.config.YamlNode.Scalar;
import io.ferry.config.YamlNode.Sequence;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a YAML document with Jackson's streaming YAML parser into a {@link YamlNode} tree that remembers
 * where every key and value is written. Duplicate keys are collected as problems (the last one wins).
 */
final class YamlTreeReader {
    private static final YAMLFactory YAML = YAMLFactory.builder().build();

    /** A YAML file that cannot be parsed at all. */
    static final class SyntaxError extends Exception {
        final Location location;

        SyntaxError(Location location, String message) {
            super(message);
            this.location = location;
        }
    }

    private final List<ConfigProblemDraft> duplicateKeys = new ArrayList<>();

    /** A problem found while reading, before key paths are known to the binder. */
    record ConfigProblemDraft(Location location, String keyPath, String message) {
    }

    /** The root node, or empty for an empty document. */
    Optional<YamlNode> read(Reader reader) throws IOException, SyntaxError {
        try (JsonParser parser = YAML.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return Optional.empty();
            }
            YamlNode root = readValue(parser, "");
            if (parser.nextToken() != null) {
                throw new SyntaxError(location(parser.currentTokenLocation()),
                        "a second YAML document (after ---) is not supported: ferry.yaml is one document");
            }
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            throw syntaxError(e);
        }
    }

    List<ConfigProblemDraft> duplicateKeys() {
        return duplicateKeys;
    }

    private YamlNode readValue(JsonParser parser, String path) throws IOException {
        JsonToken token = parser.currentToken();
        Location at = location(parser.currentTokenLocation());
        switch (token) {
            case START_OBJECT -> {
                Map<String, Entry> entries = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    Location keyAt = location(parser.currentTokenLocation());
                    parser.nextToken();
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    YamlNode value = readValue(parser, childPath);
                    Entry previous = entries.put(key, new Entry(key, keyAt, value));
                    if (previous != null) {
                        duplicateKeys.add(new ConfigProblemDraft(keyAt, childPath,
                                "duplicate key (first written on line " + previous.keyLocation().line()
                                        + "); write each key once"));
                    }
                }
                return new Mapping(at, entries);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser, path + "[" + index++ + "]"));
                }
                return new Sequence(at, items);
            }
            default -> {
                return new Scalar(at, token == JsonToken.VALUE_NULL ? null : parser.getText(), kind(token));
            }
        }
    }

    private static Scalar.Kind kind(JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> Scalar.Kind.STRING;
            case VALUE_NUMBER_INT -> Scalar.Kind.INTEGER;
            case VALUE_NUMBER_FLOAT -> Scalar.Kind.DECIMAL;
            case VALUE_TRUE, VALUE_FALSE -> Scalar.Kind.BOOLEAN;
            case VALUE_NULL -> Scalar.Kind.NULL;
            default -> Scalar.Kind.OTHER;
        };
    }

    private static Location location(JsonLocation location) {
        if (location == null || location.getLineNr() <= 0) {
            return Location.UNKNOWN;
        }
        return new Location(location.getLineNr(), Math.max(location.getColumnNr(), 0));
    }

    /**
     * SnakeYAML's own message quotes the offending line, which may hold a password: keep only its
     * problem and context.
     */
    private static SyntaxError syntaxError(JsonProcessingException e) {
        Throwable cause = e.getCause();
        if (cause instanceof MarkedYAMLException marked) {
            String problem = marked.getProblem() == null ? "invalid YAML" : marked.getProblem();
            String context = marked.getContext();
            Location at = marked.getProblemMark() == null ? location(e.getLocation())
                    : new Location(marked.getProblemMark().getLine() + 1, marked.getProblemMark().getColumn() + 1);
            return new SyntaxError(at, "YAML syntax error: " + (context == null ? "" : context + ", ") + problem);
        }
        return new SyntaxError(location(e.getLocation()), "YAML syntax error: " + e.getOriginalMessage());
    }
}

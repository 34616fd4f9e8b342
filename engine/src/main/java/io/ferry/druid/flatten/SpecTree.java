package io.ferry.druid.flatten;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A spec file (YAML or JSON) read with Jackson's streaming parser into nodes that remember their line and
 * column, so a bad spec can say where it is wrong.
 */
final class SpecTree {
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final YAMLFactory YAML = YAMLFactory.builder().build();

    private SpecTree() {
    }

    sealed interface Node permits MapNode, ListNode, Scalar {
        int line();

        int column();

        String describe();
    }

    record Entry(String key, int line, int column, Node value) {
    }

    record MapNode(int line, int column, Map<String, Entry> entries, List<Entry> duplicates) implements Node {
        @Override
        public String describe() {
            return "a mapping";
        }
    }

    record ListNode(int line, int column, List<Node> items) implements Node {
        @Override
        public String describe() {
            return "a list";
        }
    }

    /** @param value a String, Long, Double, Boolean or null, as the file typed it */
    record Scalar(int line, int column, Object value, String text) implements Node {
        @Override
        public String describe() {
            if (value == null) {
                return "nothing (null)";
            }
            if (value instanceof String s) {
                return "the text '" + s + "'";
            }
            return value instanceof Boolean b ? "true/false (" + b + ")" : "the number " + text;
        }
    }

    /** A file that is not YAML/JSON at all. */
    static final class SyntaxError extends Exception {
        final int line;
        final int column;

        SyntaxError(int line, int column, String message) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    /** @return the root node, or null for an empty document */
    static Node read(String text, boolean json) throws SyntaxError {
        try (JsonParser p = json ? JSON.createParser(text) : YAML.createParser(text)) {
            if (p.nextToken() == null) {
                return null;
            }
            Node root = value(p);
            if (p.nextToken() != null) {
                JsonLocation at = p.currentTokenLocation();
                throw new SyntaxError(at.getLineNr(), at.getColumnNr(), "more than one document: a spec is one");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String kind = json ? "JSON" : "YAML";
            String message = e.getOriginalMessage().lines().findFirst().orElse("");
            // the usual cause: a path with [ ] inside a {...} mapping, where YAML reads [ as a list
            String hint = !json && message.contains("flow") ? " (inside {...}, quote a path that has [ ]: path: \"$.a[0].b\")" : "";
            return throwSyntax(at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    kind + " syntax error: " + message + hint);
        } catch (IOException e) {
            throw new SyntaxError(0, 0, "cannot read: " + e.getMessage());
        }
    }

    private static Node throwSyntax(int line, int column, String message) throws SyntaxError {
        throw new SyntaxError(line, column, message);
    }

    private static Node value(JsonParser p) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        int col = at.getColumnNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Entry> entries = new LinkedHashMap<>();
                List<Entry> duplicates = new ArrayList<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation keyAt = p.currentTokenLocation();
                    p.nextToken();
                    Entry e = new Entry(key, keyAt.getLineNr(), keyAt.getColumnNr(), value(p));
                    if (entries.putIfAbsent(key, e) != null) {
                        duplicates.add(e);
                    }
                }
                return new MapNode(line, col, entries, duplicates);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(p));
                }
                return new ListNode(line, col, items);
            }
            case VALUE_STRING -> {
                return new Scalar(line, col, p.getText(), p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return new Scalar(line, col, p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? (Object) p.getText() : (Object) p.getLongValue(), p.getText());
            }
            case VALUE_NUMBER_FLOAT -> {
                return new Scalar(line, col, p.getDoubleValue(), p.getText());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Scalar(line, col, t == JsonToken.VALUE_TRUE, p.getText());
            }
            case VALUE_NULL -> {
                return new Scalar(line, col, null, "null");
            }
            default -> {
                return new Scalar(line, col, p.getText(), p.getText());
            }
        }
    }
}

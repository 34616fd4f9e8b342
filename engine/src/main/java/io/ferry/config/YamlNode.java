package io.ferry.config;

import java.util.List;
import java.util.Map;

/** A YAML value with the line and column where it starts, so every problem can say where it is. */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

    Location location();

    /** What kind of value this is, for "expected X, found Y" messages. */
    String describe();

    record Location(int line, int column) {
        static final Location UNKNOWN = new Location(0, 0);
    }

    /** One {@code key: value} of a mapping; {@code keyLocation} is where the key is written. */
    record Entry(String key, Location keyLocation, YamlNode value) {
    }

    /** Entries in file order. */
    record Mapping(Location location, Map<String, Entry> entries) implements YamlNode {
        @Override
        public String describe() {
            return "a mapping";
        }
    }

    record Sequence(Location location, List<YamlNode> items) implements YamlNode {
        @Override
        public String describe() {
            return "a list";
        }
    }

    /**
     * @param text  the scalar as written (null for a YAML null)
     * @param kind  how YAML typed it
     */
    record Scalar(Location location, String text, Kind kind) implements YamlNode {
        enum Kind { STRING, INTEGER, DECIMAL, BOOLEAN, NULL, OTHER }

        @Override
        public String describe() {
            return switch (kind) {
                case STRING -> "a text";
                case INTEGER -> "a whole number";
                case DECIMAL -> "a decimal number";
                case BOOLEAN -> "true/false";
                case NULL -> "nothing (null)";
                case OTHER -> "a binary value";
            };
        }

        boolean isNull() {
            return kind == Kind.NULL;
        }
    }
}

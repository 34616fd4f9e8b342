package io.ferry.druid.flatten;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ferry.druid.flatten.PathTrie.Node;
import io.ferry.druid.flatten.PathTrie.Target;

import java.io.IOException;
import java.io.Writer;

/**
 * Walks one event's token stream against the {@link PathTrie}, converting each value it names to the
 * column's type into {@link RowValues}. No tree is built; subtrees no path names are skipped.
 */
final class EventWalker {
    private final Node root;
    private final RowValues values;
    private final JsonFactory factory;
    private final String[] slotNames;
    private JsonParser p;
    private String problem;

    /** @param slotNames the column of each slot, for messages */
    EventWalker(Node root, RowValues values, JsonFactory factory, String[] slotNames) {
        this.root = root;
        this.values = values;
        this.factory = factory;
        this.slotNames = slotNames;
    }

    /** Reads a parser holding exactly one event; returns null, or why the event cannot be used. */
    String walk(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return "not a JSON object";
        }
        String why = walkEvent(parser);
        if (parser.nextToken() != null) {
            return "more than one JSON value on the line";
        }
        return why;
    }

    /** Reads the event whose START_OBJECT is the parser's current token, up to its END_OBJECT. */
    String walkEvent(JsonParser parser) throws IOException {
        p = parser;
        problem = null;
        values.reset();
        walkObject(root, -1);
        return problem;
    }

    private void walkObject(Node node, int element) throws IOException {
        JsonParser p = this.p;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            Node child = node.child(p.currentName());
            JsonToken t = p.nextToken();
            if (child != null) {
                visit(child, t, element);
            } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                p.skipChildren();
            }
        }
    }

    private void walkArray(Node node, int element) throws IOException {
        int i = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            Node child = node.indexes != null && i < node.indexes.length ? node.indexes[i] : null;
            if (child == null) {
                child = node.each;
            }
            if (child != null) {
                visit(child, t, node.explode ? values.newElement() : element);
            } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                p.skipChildren();
            }
            i++;
        }
    }

    private void visit(Node node, JsonToken t, int element) throws IOException {
        boolean structure = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY;
        if (node.targets != null) {
            if (structure) {
                captureStructure(node, element);
            } else {
                for (Target target : node.targets) {
                    captureScalar(target, t, element);
                }
            }
            return;
        }
        if (node.explode && t == JsonToken.START_OBJECT) {
            visit(node.each, t, values.newElement()); // one object where an array was expected: one element
        } else if (t == JsonToken.START_OBJECT) {
            if (node.fields != null) {
                walkObject(node, element);
            } else {
                p.skipChildren();
            }
        } else if (t == JsonToken.START_ARRAY) {
            if (node.indexes != null || node.each != null) {
                walkArray(node, element);
            } else {
                p.skipChildren();
            }
        } else if (node.explode && t != JsonToken.VALUE_NULL) {
            visit(node.each, t, values.newElement());
        }
    }

    private int slot(Target target, int element) {
        return target.item() ? element + target.slot() : target.slot();
    }

    private void captureScalar(Target target, JsonToken t, int element) throws IOException {
        if (target.item() && element < 0) {
            return;
        }
        int i = slot(target, element);
        if (t == JsonToken.VALUE_NULL) {
            values.setNull(i);
            return;
        }
        switch (target.type()) {
            case STRING -> {
                if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                    values.setString(i, t == JsonToken.VALUE_TRUE ? "true" : "false");
                } else {
                    values.setString(i, p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                }
            }
            case LONG -> captureLong(target, t, i);
            case DOUBLE -> captureDouble(target, t, i);
            case BOOLEAN -> captureBoolean(target, t, i);
            case JSON -> captureJson(i);
        }
    }

    private void captureLong(Target target, JsonToken t, int i) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT) {
            JsonParser.NumberType nt = p.getNumberType();
            if (nt == JsonParser.NumberType.INT || nt == JsonParser.NumberType.LONG) {
                values.setLong(i, p.getLongValue());
            } else {
                fail(target, "the number " + p.getText() + " does not fit a long");
            }
        } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            double d = p.getDoubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 0x1p63) {
                values.setLong(i, (long) d);
            } else {
                fail(target, "expected a whole number, found " + p.getText());
            }
        } else if (t == JsonToken.VALUE_STRING) {
            String s = p.getText().trim();
            try {
                values.setLong(i, Long.parseLong(s));
            } catch (NumberFormatException e) {
                fail(target, "expected a whole number, found the text \"" + shorten(s) + "\"");
            }
        } else {
            fail(target, "expected a whole number, found " + describe(t));
        }
    }

    private void captureDouble(Target target, JsonToken t, int i) throws IOException {
        double d;
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            d = p.getDoubleValue();
        } else if (t == JsonToken.VALUE_STRING) {
            String s = p.getText().trim();
            try {
                d = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                fail(target, "expected a number, found the text \"" + shorten(s) + "\"");
                return;
            }
        } else {
            fail(target, "expected a number, found " + describe(t));
            return;
        }
        if (!Double.isFinite(d)) {
            fail(target, "expected a finite number, found " + p.getText());
            return;
        }
        values.setDouble(i, d);
    }

    private void captureBoolean(Target target, JsonToken t, int i) throws IOException {
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            values.setBoolean(i, t == JsonToken.VALUE_TRUE);
        } else if (t == JsonToken.VALUE_STRING && p.getText().trim().equalsIgnoreCase("true")) {
            values.setBoolean(i, true);
        } else if (t == JsonToken.VALUE_STRING && p.getText().trim().equalsIgnoreCase("false")) {
            values.setBoolean(i, false);
        } else {
            fail(target, "expected true or false, found " + (t == JsonToken.VALUE_STRING
                    ? "the text \"" + shorten(p.getText()) + "\"" : describe(t)));
        }
    }

    /** The current value (scalar or whole subtree) as compact JSON text. */
    private void captureJson(int i) throws IOException {
        int start = values.arenaLength;
        try (JsonGenerator g = factory.createGenerator(new ArenaWriter(values))) {
            g.copyCurrentStructure(p);
        }
        values.kind[i] = RowValues.STRING;
        values.off[i] = start;
        values.len[i] = values.arenaLength - start;
    }

    /**
     * A subtree at a node that columns take whole (json) and that other paths also read into: copied once as
     * text, then walked again from the copy.
     */
    private void captureStructure(Node node, int element) throws IOException {
        int copied = -1;
        for (Target target : node.targets) {
            if (target.item() && element < 0) {
                continue;
            }
            int i = slot(target, element);
            if (target.type() != ColumnType.JSON) {
                fail(target, "expected " + (target.type() == ColumnType.STRING ? "a text" : "a " + target.type().specName())
                        + ", found " + describe(p.currentToken()));
            } else if (copied < 0) {
                captureJson(i);
                copied = i;
            } else {
                values.copy(copied, i);
            }
        }
        if (copied < 0) {
            p.skipChildren();
            return;
        }
        if (node.hasChildren()) {
            JsonParser outer = p;
            try (JsonParser copy = factory.createParser(values.arena, values.off[copied], values.len[copied])) {
                p = copy;
                JsonToken t = p.nextToken();
                visit(node.withoutTargets(), t, element);
            } finally {
                p = outer;
            }
        }
    }

    private void fail(Target target, String why) {
        if (problem == null) {
            problem = slotNames[target.slot()] + ": " + why;
        }
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a text";
            case VALUE_TRUE, VALUE_FALSE -> "true/false";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            default -> t.asString() == null ? t.name() : t.asString();
        };
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    /** Appends what a generator writes to the end of the arena. */
    private static final class ArenaWriter extends Writer {
        private final RowValues values;

        ArenaWriter(RowValues values) {
            this.values = values;
        }

        @Override
        public void write(char[] cbuf, int off, int len) {
            int at = values.reserve(len);
            System.arraycopy(cbuf, off, values.arena, at, len);
        }

        @Override
        public void write(String str, int off, int len) {
            int at = values.reserve(len);
            str.getChars(off, off + len, values.arena, at);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}

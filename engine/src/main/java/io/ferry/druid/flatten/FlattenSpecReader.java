package io.ferry.druid.flatten;

import io.ferry.config.ConfigException;
import io.ferry.config.ConfigProblem;
import io.ferry.druid.flatten.FlattenSpec.Column;
import io.ferry.druid.flatten.FlattenSpec.Derived;
import io.ferry.druid.flatten.FlattenSpec.Explode;
import io.ferry.druid.flatten.FlattenSpec.Function;
import io.ferry.druid.flatten.FlattenSpec.MissingPolicy;
import io.ferry.druid.flatten.FlattenSpec.Timestamp;
import io.ferry.druid.flatten.FlattenSpec.TimestampFormat;
import io.ferry.druid.flatten.SpecTree.Entry;
import io.ferry.druid.flatten.SpecTree.ListNode;
import io.ferry.druid.flatten.SpecTree.MapNode;
import io.ferry.druid.flatten.SpecTree.Node;
import io.ferry.druid.flatten.SpecTree.Scalar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a flatten spec (YAML, or JSON when the file ends in {@code .json}) and checks it: every problem is
 * reported at once as a {@link ConfigException}, each with its line and key ({@code columns[2].type}).
 */
public final class FlattenSpecReader {
    /** The spec for the synthetic nested ad events of the Druid sandbox, on the engine's classpath. */
    public static final String AD_EVENTS_RESOURCE = "/ferry-resources/druid/ad-events.flatten.yaml";

    private static final Set<String> TOP_KEYS = Set.of("timestamp", "columns", "explode", "derived", "onMissing", "granularity");
    private static final Map<String, Function> FUNCTIONS = orderedMap(
            "concat", Function.CONCAT, "lower", Function.LOWER, "upper", Function.UPPER,
            "hourOfDay", Function.HOUR_OF_DAY, "constant", Function.CONSTANT, "coalesce", Function.COALESCE);

    private final Path file;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final Map<String, ColumnType> names = new LinkedHashMap<>();

    private FlattenSpecReader(Path file) {
        this.file = file;
    }

    public static FlattenSpec read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file, List.of(new ConfigProblem(file, 0, 0, "", "cannot read the spec: " + e)));
        }
        return parse(text, file, file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"));
    }

    /** A spec shipped on the classpath, e.g. {@link #AD_EVENTS_RESOURCE}. */
    public static FlattenSpec readResource(String resource) {
        try (InputStream in = FlattenSpecReader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no spec " + resource + " on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), Path.of(resource), resource.endsWith(".json"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /** @param file only named in messages */
    public static FlattenSpec parse(String text, Path file, boolean json) {
        return new FlattenSpecReader(file).bind(text, json);
    }

    private FlattenSpec bind(String text, boolean json) {
        Node root;
        try {
            root = SpecTree.read(text, json);
        } catch (SpecTree.SyntaxError e) {
            throw new ConfigException(file, List.of(new ConfigProblem(file, e.line, e.column, "", e.getMessage())));
        }
        if (!(root instanceof MapNode top)) {
            problem(root, "", root == null ? "the spec is empty: it needs timestamp and columns"
                    : "expected a mapping with timestamp and columns, found " + root.describe());
            throw done();
        }
        keys(top, "", TOP_KEYS);
        MissingPolicy onMissing = missing(top, "", MissingPolicy.NULL);
        ChunkGranularity granularity = choice(top, "", "granularity", enumMap(ChunkGranularity.values()), ChunkGranularity.HOUR);
        Optional<Explode> explode = explode(top);
        Timestamp timestamp = timestamp(top, explode.isPresent());
        List<Column> columns = columns(top, onMissing, explode.isPresent());
        List<Derived> derived = derived(top);
        if (!problems.isEmpty() || timestamp == null) {
            throw done();
        }
        return new FlattenSpec(timestamp, columns, explode, derived, onMissing, granularity);
    }

    private ConfigException done() {
        problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new ConfigException(file, problems);
    }

    private Timestamp timestamp(MapNode top, boolean exploding) {
        MapNode m = mapping(top, "", "timestamp", true);
        if (m == null) {
            return null;
        }
        keys(m, "timestamp", Set.of("path", "format", "column", "output"));
        JsonPath path = path(m, "timestamp", "path", exploding);
        Map<String, TimestampFormat> formats = enumMap(TimestampFormat.values());
        TimestampFormat format = choice(m, "timestamp", "format", formats, TimestampFormat.ISO);
        TimestampFormat output = choice(m, "timestamp", "output", orderedMap("iso", TimestampFormat.ISO,
                "millis", TimestampFormat.MILLIS), TimestampFormat.ISO);
        String column = Optional.ofNullable(text(m, "timestamp", "column", false)).orElse("ts");
        name(m, "timestamp", "column", column, output == TimestampFormat.ISO ? ColumnType.STRING : ColumnType.LONG);
        return path == null ? null : new Timestamp(path, format, column, output);
    }

    private Optional<Explode> explode(MapNode top) {
        Entry e = top.entries().get("explode");
        if (e == null) {
            return Optional.empty();
        }
        MapNode m = mapping(top, "", "explode", false);
        if (m == null) {
            return Optional.empty();
        }
        keys(m, "explode", Set.of("path", "whenEmpty"));
        JsonPath path = path(m, "explode", "path", false);
        if (path != null && path.item()) {
            problem(m.entries().get("path").value(), "explode.path", "the exploded array is a path of the event ($.x), not $item");
        }
        boolean keep = choice(m, "explode", "whenEmpty", orderedMap("keep", true, "drop", false), true);
        return path == null ? Optional.empty() : Optional.of(new Explode(path, keep));
    }

    private List<Column> columns(MapNode top, MissingPolicy defaultMissing, boolean exploding) {
        List<Column> out = new ArrayList<>();
        ListNode list = list(top, "", "columns", true);
        if (list == null) {
            return out;
        }
        if (list.items().isEmpty()) {
            problem(list, "columns", "needs at least one column");
        }
        Map<String, ColumnType> types = enumMap(ColumnType.values());
        for (int i = 0; i < list.items().size(); i++) {
            String at = "columns[" + i + "]";
            if (!(list.items().get(i) instanceof MapNode m)) {
                problem(list.items().get(i), at, "expected a mapping {name, path, type}, found " + list.items().get(i).describe());
                continue;
            }
            keys(m, at, Set.of("name", "path", "type", "onMissing", "output"));
            String name = text(m, at, "name", true);
            JsonPath path = path(m, at, "path", exploding);
            ColumnType type = choice(m, at, "type", types, ColumnType.STRING);
            MissingPolicy missing = missing(m, at, defaultMissing);
            boolean output = choice(m, at, "output", orderedMap("true", true, "false", false), true);
            if (name != null && path != null) {
                name(m, at, "name", name, type);
                out.add(new Column(name, path, type, missing, output));
            }
        }
        return out;
    }

    private List<Derived> derived(MapNode top) {
        List<Derived> out = new ArrayList<>();
        ListNode list = list(top, "", "derived", false);
        if (list == null) {
            return out;
        }
        for (int i = 0; i < list.items().size(); i++) {
            String at = "derived[" + i + "]";
            if (!(list.items().get(i) instanceof MapNode m)) {
                problem(list.items().get(i), at, "expected a mapping such as {name: x, lower: country}, found "
                        + list.items().get(i).describe());
                continue;
            }
            Derived d = oneDerived(m, at);
            if (d != null) {
                name(m, at, "name", d.name(), d.type());
                out.add(d);
            }
        }
        return out;
    }

    private Derived oneDerived(MapNode m, String at) {
        Set<String> allowed = new java.util.HashSet<>(FUNCTIONS.keySet());
        allowed.add("name");
        allowed.add("separator");
        keys(m, at, allowed);
        String name = text(m, at, "name", true);
        List<String> fns = m.entries().keySet().stream().filter(FUNCTIONS::containsKey).toList();
        if (fns.size() != 1) {
            problem(m, at, (fns.isEmpty() ? "names no function" : "names " + fns.size() + " functions " + fns)
                    + ": write exactly one of " + String.join(", ", FUNCTIONS.keySet()));
            return null;
        }
        String key = fns.get(0);
        Function fn = FUNCTIONS.get(key);
        Node value = m.entries().get(key).value();
        String where = at + "." + key;
        if (m.entries().containsKey("separator") && fn != Function.CONCAT) {
            problem(m.entries().get("separator").value(), at + ".separator", "only concat takes a separator");
        }
        switch (fn) {
            case CONSTANT -> {
                if (!(value instanceof Scalar s) || s.value() == null) {
                    problem(value, where, "expected a text, number or true/false, found " + value.describe());
                    return null;
                }
                Object v = s.value();
                ColumnType type = v instanceof Long ? ColumnType.LONG : v instanceof Double ? ColumnType.DOUBLE
                        : v instanceof Boolean ? ColumnType.BOOLEAN : ColumnType.STRING;
                Object constant = s.value() instanceof String ? s.text() : s.value();
                return name == null ? null : new Derived(name, fn, List.of(), "", constant, type);
            }
            case HOUR_OF_DAY -> {
                if (!(value instanceof Scalar s) || !Boolean.TRUE.equals(s.value())) {
                    problem(value, where, "write hourOfDay: true (the hour, 0-23 UTC, of the row's timestamp)");
                    return null;
                }
                return name == null ? null : new Derived(name, fn, List.of(), "", null, ColumnType.LONG);
            }
            default -> {
                List<String> args = args(value, where, fn);
                if (args == null || name == null) {
                    return null;
                }
                ColumnType type = argTypes(args, value, where, fn);
                if (type == null) {
                    return null;
                }
                String separator = fn == Function.CONCAT ? Optional.ofNullable(text(m, at, "separator", false)).orElse("") : "";
                return new Derived(name, fn, args, separator, null, type);
            }
        }
    }

    private List<String> args(Node value, String where, Function fn) {
        List<Node> items = value instanceof ListNode l ? l.items() : List.of(value);
        int min = fn == Function.CONCAT ? 1 : fn == Function.COALESCE ? 2 : 1;
        int max = fn == Function.LOWER || fn == Function.UPPER ? 1 : Integer.MAX_VALUE;
        if (items.size() < min || items.size() > max) {
            problem(value, where, max == 1 ? "expected one column name" : "expected a list of at least " + min + " column names");
            return null;
        }
        List<String> args = new ArrayList<>();
        for (Node n : items) {
            if (!(n instanceof Scalar s) || !(s.value() instanceof String name)) {
                problem(n, where, "expected a column name, found " + n.describe());
                return null;
            }
            if (!names.containsKey(name)) {
                problem(n, where, "no column or earlier derived field is named '" + name + "' (known: "
                        + String.join(", ", names.keySet()) + ")");
                return null;
            }
            args.add(name);
        }
        return args;
    }

    private ColumnType argTypes(List<String> args, Node value, String where, Function fn) {
        return switch (fn) {
            case CONCAT -> ColumnType.STRING;
            case LOWER, UPPER -> {
                ColumnType t = names.get(args.get(0));
                if (t != ColumnType.STRING) {
                    problem(value, where, fn.name().toLowerCase(Locale.ROOT) + " needs a string column; '" + args.get(0)
                            + "' is " + t.specName());
                    yield null;
                }
                yield ColumnType.STRING;
            }
            default -> {
                ColumnType first = names.get(args.get(0));
                for (String a : args) {
                    if (names.get(a) != first) {
                        problem(value, where, "coalesce needs arguments of one type; '" + args.get(0) + "' is "
                                + first.specName() + ", '" + a + "' is " + names.get(a).specName());
                        yield null;
                    }
                }
                yield first;
            }
        };
    }

    private void name(MapNode m, String at, String key, String name, ColumnType type) {
        Node where = m.entries().containsKey(key) ? m.entries().get(key).value() : m;
        if (name.isBlank() || name.startsWith("__")) {
            problem(where, at + "." + key, "'" + name + "' cannot be a column name (empty, or __ which Druid reserves)");
        } else if (names.putIfAbsent(name, type) != null) {
            problem(where, at + "." + key, "the column name '" + name + "' is used twice");
        }
    }

    private JsonPath path(MapNode m, String at, String key, boolean exploding) {
        String text = text(m, at, key, true);
        if (text == null) {
            return null;
        }
        Node where = m.entries().get(key).value();
        try {
            JsonPath path = JsonPath.parse(text);
            if (path.item() && !exploding) {
                problem(where, at + "." + key, "$item paths address the element of the exploded array: add explode: {path: ...}");
                return null;
            }
            return path;
        } catch (IllegalArgumentException e) {
            problem(where, at + "." + key, e.getMessage());
            return null;
        }
    }

    private MissingPolicy missing(MapNode m, String at, MissingPolicy defaultValue) {
        Entry e = m.entries().get("onMissing");
        // "onMissing: null" reaches us as a YAML null
        if (e != null && e.value() instanceof Scalar s && s.value() == null) {
            return MissingPolicy.NULL;
        }
        return choice(m, at, "onMissing", orderedMap("null", MissingPolicy.NULL, "reject", MissingPolicy.REJECT), defaultValue);
    }

    private <E> E choice(MapNode m, String at, String key, Map<String, E> choices, E defaultValue) {
        Entry e = m.entries().get(key);
        if (e == null) {
            return defaultValue;
        }
        String found = e.value() instanceof Scalar s && s.value() != null ? s.text().trim() : null;
        E value = found == null ? null : choices.get(found);
        if (value == null && found != null) {
            value = choices.get(found.toLowerCase(Locale.ROOT));
        }
        if (value == null && found != null) {
            value = choices.get(found.toUpperCase(Locale.ROOT));
        }
        if (value == null) {
            problem(e.value(), key(at, key), "expected one of " + String.join(", ", choices.keySet()) + ", found "
                    + e.value().describe());
            return defaultValue;
        }
        return value;
    }

    private String text(MapNode m, String at, String key, boolean required) {
        Entry e = m.entries().get(key);
        if (e == null) {
            if (required) {
                problem(m, key(at, key), "missing: this key is required");
            }
            return null;
        }
        if (!(e.value() instanceof Scalar s) || !(s.value() instanceof String text)) {
            problem(e.value(), key(at, key), "expected a text, found " + e.value().describe());
            return null;
        }
        return text;
    }

    private MapNode mapping(MapNode parent, String at, String key, boolean required) {
        Entry e = parent.entries().get(key);
        if (e == null) {
            if (required) {
                problem(parent, key(at, key), "missing: this key is required");
            }
            return null;
        }
        if (e.value() instanceof MapNode m) {
            return m;
        }
        problem(e.value(), key(at, key), "expected a mapping, found " + e.value().describe());
        return null;
    }

    private ListNode list(MapNode parent, String at, String key, boolean required) {
        Entry e = parent.entries().get(key);
        if (e == null) {
            if (required) {
                problem(parent, key(at, key), "missing: this key is required");
            }
            return null;
        }
        if (e.value() instanceof ListNode l) {
            return l;
        }
        problem(e.value(), key(at, key), "expected a list, found " + e.value().describe());
        return null;
    }

    private void keys(MapNode m, String at, Set<String> allowed) {
        for (Entry e : m.entries().values()) {
            if (!allowed.contains(e.key())) {
                problems.add(new ConfigProblem(file, e.line(), e.column(), key(at, e.key()),
                        "unknown key (expected " + String.join(", ", allowed.stream().sorted().toList()) + ")"));
            }
        }
        for (Entry e : m.duplicates()) {
            problems.add(new ConfigProblem(file, e.line(), e.column(), key(at, e.key()), "written twice"));
        }
    }

    private void problem(Node where, String keyPath, String message) {
        problems.add(new ConfigProblem(file, where == null ? 0 : where.line(), where == null ? 0 : where.column(), keyPath, message));
    }

    private static String key(String at, String key) {
        return at.isEmpty() ? key : at + "." + key;
    }

    private static <E extends Enum<E>> Map<String, E> enumMap(E[] values) {
        Map<String, E> map = new LinkedHashMap<>();
        for (E v : values) {
            map.put(v instanceof ChunkGranularity ? v.name() : v.name().toLowerCase(Locale.ROOT), v);
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    private static <E> Map<String, E> orderedMap(Object... kv) {
        Map<String, E> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put((String) kv[i], (E) kv[i + 1]);
        }
        return map;
    }
}

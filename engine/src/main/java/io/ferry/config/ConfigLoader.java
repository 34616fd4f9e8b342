package io.ferry.config;

import io.ferry.config.YamlNode.Entry;
import io.ferry.config.YamlNode.Location;
import io.ferry.config.YamlNode.Mapping;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Loads ferry.yaml into a {@link FerryConfig}, or throws a {@link ConfigException} listing every problem
 * with its file, line, column and key. Secret references are checked for form only; resolving them is
 * {@link SecretResolver}'s job, when connecting.
 */
public final class ConfigLoader {
    private static final Pattern CONNECTION_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    private ConfigLoader() {
    }

    /** The configuration in {@code file}, or a {@link ConfigException} with every problem found in it. */
    public static FerryConfig load(Path file) {
        return read(file).orThrow();
    }

    /** Parses YAML text; {@code file} names it in problems, and its folder anchors relative paths. */
    public static FerryConfig parse(String yaml, Path file) {
        return readText(yaml, file).orThrow();
    }

    /**
     * Reads {@code file} without throwing: every problem, and the parts that are valid (the connections that
     * have no problem), so that {@code ferry check} can report the problems and still try those connections.
     */
    public static LoadedConfig read(Path file) {
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return single(file, "no such file; write one (see resources/ferry.example.yaml) or pass --config");
        } catch (IOException e) {
            return single(file, "cannot be read: " + e.getMessage());
        }
        return readText(yaml, file);
    }

    /** {@link #read(Path)} for YAML text. */
    public static LoadedConfig readText(String yaml, Path file) {
        try (Reader reader = new StringReader(yaml)) {
            return bind(reader, file);
        } catch (IOException e) {
            return single(file, "cannot be read: " + e.getMessage());
        }
    }

    private static LoadedConfig bind(Reader reader, Path file) throws IOException {
        Path baseDir = Optional.ofNullable(file.toAbsolutePath().getParent()).orElse(Path.of("/"));
        Problems problems = new Problems(file);
        YamlTreeReader treeReader = new YamlTreeReader();
        Optional<YamlNode> root;
        try {
            root = treeReader.read(reader);
        } catch (YamlTreeReader.SyntaxError e) {
            problems.add(e.location, "", e.getMessage());
            return new LoadedConfig(empty(file, baseDir), problems.sorted());
        }
        treeReader.duplicateKeys().forEach(d -> problems.add(d.location(), d.keyPath(), d.message()));
        if (root.isEmpty() || !(root.get() instanceof Mapping top)) {
            problems.add(root.map(YamlNode::location).orElse(new Location(1, 1)), "",
                    "expected a mapping with the keys dataDir, connections, jobs; found "
                            + root.map(YamlNode::describe).orElse("an empty file"));
            return new LoadedConfig(empty(file, baseDir), problems.sorted());
        }

        MappingReader r = new MappingReader(top, "", "ferry.yaml", problems, baseDir);
        Path dataDir = r.path("dataDir").orElse(Paths.expand(FerryConfig.DEFAULT_DATA_DIR, baseDir));
        Map<String, ConnectionConfig> connections = connections(r, problems, baseDir);
        Map<String, JobConfig> jobs = jobs(r, problems, baseDir, connections);
        r.rejectUnknownKeys();

        return new LoadedConfig(new FerryConfig(file, dataDir, connections, jobs), problems.sorted());
    }

    private static FerryConfig empty(Path file, Path baseDir) {
        return new FerryConfig(file, Paths.expand(FerryConfig.DEFAULT_DATA_DIR, baseDir), Map.of());
    }

    private static Map<String, ConnectionConfig> connections(MappingReader r, Problems problems, Path baseDir) {
        Map<String, ConnectionConfig> out = new LinkedHashMap<>();
        Optional<Mapping> mapping = r.mapping("connections", true, "a mapping of connection name to connection");
        if (mapping.isEmpty()) {
            return out;
        }
        ConnectionBinder binder = new ConnectionBinder(problems, baseDir);
        for (Entry entry : mapping.get().entries().values()) {
            String path = "connections." + entry.key();
            if (!CONNECTION_NAME.matcher(entry.key()).matches()) {
                problems.add(entry.keyLocation(), path, "a connection name is lower-case letters, digits, '_' and '-',"
                        + " starting with a letter or digit (e.g. shop, dw_main)");
                continue;
            }
            if (!(entry.value() instanceof Mapping connection)) {
                problems.add(entry.value().location(), path, "expected a connection (a mapping with type, host, ...),"
                        + " found " + entry.value().describe());
                continue;
            }
            binder.bind(entry.key(), connection).ifPresent(c -> out.put(entry.key(), c));
        }
        return out;
    }

    private static Map<String, JobConfig> jobs(MappingReader r, Problems problems, Path baseDir,
                                              Map<String, ConnectionConfig> connections) {
        Map<String, JobConfig> out = new LinkedHashMap<>();
        Optional<Mapping> jobs = r.mapping("jobs", false, "a mapping of job name to job");
        if (jobs.isEmpty()) {
            return out;
        }
        JobBinder binder = new JobBinder(problems, baseDir, new JobContext(connections));
        for (Entry entry : jobs.get().entries().values()) {
            String path = "jobs." + entry.key();
            if (!CONNECTION_NAME.matcher(entry.key()).matches()) {
                problems.add(entry.keyLocation(), path, "a job name is lower-case letters, digits, '_' and '-',"
                        + " starting with a letter or digit (e.g. shop-to-dw)");
                continue;
            }
            if (!(entry.value() instanceof Mapping job)) {
                problems.add(entry.value().location(), path, "expected a job (a mapping with type, ...), found "
                        + entry.value().describe());
                continue;
            }
            binder.bind(entry.key(), job).ifPresent(j -> out.put(entry.key(), j));
        }
        return out;
    }

    private static LoadedConfig single(Path file, String message) {
        Path baseDir = Optional.ofNullable(file.toAbsolutePath().getParent()).orElse(Path.of("/"));
        return new LoadedConfig(empty(file, baseDir), List.of(new ConfigProblem(file, 0, 0, "", message)));
    }
}

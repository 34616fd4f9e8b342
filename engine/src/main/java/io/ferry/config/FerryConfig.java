package io.ferry.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded ferry.yaml.
 *
 * @param source      the file it was read from
 * @param dataDir     Ferry's data directory (state store, secrets typed in the console)
 * @param connections by name, in file order
 * @param jobs        by name, in file order
 */
public record FerryConfig(Path source, Path dataDir, Map<String, ConnectionConfig> connections,
                          Map<String, JobConfig> jobs) {
    public static final String DEFAULT_DATA_DIR = "~/.ferry";

    public FerryConfig {
        connections = Collections.unmodifiableMap(new LinkedHashMap<>(connections));
        jobs = Collections.unmodifiableMap(new LinkedHashMap<>(jobs));
    }

    public FerryConfig(Path source, Path dataDir, Map<String, ConnectionConfig> connections) {
        this(source, dataDir, connections, Map.of());
    }

    public Optional<ConnectionConfig> connection(String name) {
        return Optional.ofNullable(connections.get(name));
    }

    /** The connections of one kind, in file order. */
    public <T extends ConnectionConfig> List<T> connections(Class<T> kind) {
        List<T> out = new ArrayList<>();
        for (ConnectionConfig c : connections.values()) {
            if (kind.isInstance(c)) {
                out.add(kind.cast(c));
            }
        }
        return out;
    }

    public Optional<JobConfig> job(String name) {
        return Optional.ofNullable(jobs.get(name));
    }

    /** The jobs of one type, in file order. */
    public <T extends JobConfig> List<T> jobs(Class<T> kind) {
        List<T> out = new ArrayList<>();
        for (JobConfig j : jobs.values()) {
            if (kind.isInstance(j)) {
                out.add(kind.cast(j));
            }
        }
        return out;
    }
}

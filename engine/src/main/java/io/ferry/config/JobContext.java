package io.ferry.config;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a job binder may look at besides its own mapping: the connections bound before it. */
final class JobContext {
    private final Map<String, ConnectionConfig> connections;

    JobContext(Map<String, ConnectionConfig> connections) {
        this.connections = connections;
    }

    /**
     * The connection a job key names, which must exist and be of one of the given types; otherwise a problem
     * at that key that lists the connections that would do.
     */
    <T extends ConnectionConfig> Optional<T> connection(MappingReader r, String key, boolean required, Class<T> kind,
                                                         ConnectionType... types) {
        Optional<String> name = r.text(key, required, "the name of a connection");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        ConnectionConfig found = connections.get(name.get());
        String wanted = String.join(" or ", Arrays.stream(types).map(ConnectionType::yamlName).toList());
        if (found == null || !kind.isInstance(found) || !Arrays.asList(types).contains(found.type())) {
            String candidates = String.join(", ", connections.values().stream()
                    .filter(c -> kind.isInstance(c) && Arrays.asList(types).contains(c.type()))
                    .map(ConnectionConfig::name).toList());
            String why = found == null ? "no connection is named '" + name.get() + "'"
                    : "'" + name.get() + "' is a " + found.type().yamlName() + " connection";
            YamlNode at = r.node(key).orElseThrow();
            String article = wanted.matches("(?i)[aeiou].*|s3.*") ? "an " : "a ";
            return r.fail(at, key, why + "; expected " + article + wanted + " connection"
                    + (candidates.isEmpty() ? " (none is configured under connections:)" : " (" + candidates + ")"));
        }
        return Optional.of(kind.cast(found));
    }

    Map<String, ConnectionConfig> connections() {
        return connections;
    }
}

package io.ferry.config;

import io.ferry.config.YamlNode.Mapping;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Turns one {@code connections.<name>} mapping into its {@link ConnectionConfig}, reporting every problem. */
final class ConnectionBinder {
    private static final Map<String, TlsMode> TLS_MODES = new LinkedHashMap<>();
    private static final Map<String, ConnectionType> TYPES = new LinkedHashMap<>();

    static {
        for (TlsMode mode : TlsMode.values()) {
            TLS_MODES.put(mode.yamlName(), mode);
        }
        for (ConnectionType type : ConnectionType.values()) {
            TYPES.put(type.yamlName(), type);
        }
    }

    private final Problems problems;
    private final Path baseDir;

    ConnectionBinder(Problems problems, Path baseDir) {
        this.problems = problems;
        this.baseDir = baseDir;
    }

    /** Empty when the mapping has problems (they are reported). */
    Optional<ConnectionConfig> bind(String name, Mapping mapping) {
        String path = "connections." + name;
        MappingReader typeReader = new MappingReader(mapping, path, "a connection", problems, baseDir);
        ConnectionType type = typeReader.choice("type", TYPES, null);
        if (type == null) {
            if (typeReader.valid()) {
                problems.add(mapping.location(), path + ".type", "missing required key (one of "
                        + String.join(", ", TYPES.keySet()) + ")");
            }
            rejectKeysOfNoType(mapping, path);
            return Optional.empty();
        }
        MappingReader r = new MappingReader(mapping, path, article(type) + " " + type.yamlName() + " connection", problems, baseDir);
        r.node("type");
        Optional<ConnectionConfig> config = switch (type) {
            case MYSQL -> mysql(name, r);
            case POSTGRESQL, REDSHIFT -> warehouse(name, type, r);
            case S3 -> s3(name, r);
            case DRUID -> druid(name, r);
            case KAFKA -> kafka(name, r);
            case AWS -> aws(name, r);
        };
        r.rejectUnknownKeys();
        return r.valid() ? config : Optional.empty();
    }

    /**
     * Without a known type the allowed keys are unknown, but a key that no type allows is wrong whatever the
     * type will be: report those now rather than after the type is fixed.
     */
    private void rejectKeysOfNoType(Mapping mapping, String path) {
        Set<String> anyType = new LinkedHashSet<>();
        for (ConnectionType type : ConnectionType.values()) {
            anyType.addAll(keysOf(type));
        }
        for (YamlNode.Entry entry : mapping.entries().values()) {
            if (!anyType.contains(entry.key())) {
                String hint = Suggestions.closest(entry.key(), anyType).map(c -> "did you mean '" + c + "'? ").orElse("");
                problems.add(entry.keyLocation(), path + "." + entry.key(), "unknown key; " + hint
                        + "no type of connection has it");
            }
        }
    }

    /** The keys a type allows, learnt by binding an empty mapping (so the list cannot drift from the binder). */
    private Set<String> keysOf(ConnectionType type) {
        Mapping empty = new Mapping(YamlNode.Location.UNKNOWN, Map.of());
        MappingReader r = new MappingReader(empty, "", "", new Problems(null), baseDir);
        r.node("type");
        switch (type) {
            case MYSQL -> mysql("x", r);
            case POSTGRESQL, REDSHIFT -> warehouse("x", type, r);
            case S3 -> s3("x", r);
            case DRUID -> druid("x", r);
            case KAFKA -> kafka("x", r);
            case AWS -> aws("x", r);
        }
        return r.allowedKeys();
    }

    /** "an s3 connection", "a mysql connection": as the names are spoken. */
    private static String article(ConnectionType type) {
        return type == ConnectionType.S3 || type == ConnectionType.AWS ? "an" : "a";
    }

    private Optional<ConnectionConfig> mysql(String name, MappingReader r) {
        Optional<String> host = r.text("host", true, "the server's host name or IP address");
        int port = r.port("port", MySqlConnectionConfig.DEFAULT_PORT);
        Optional<String> user = r.text("user", true, "the user name to log in as");
        Optional<SecretRef> password = r.secret("password", false);
        Optional<String> database = r.text("database", false, "a database (schema) name");
        TlsMode tls = r.choice("tls", TLS_MODES, TlsMode.PREFER);
        boolean rds = r.bool("rds", false);
        if (host.isEmpty() || user.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MySqlConnectionConfig(name, host.get(), port, user.get(), password, database, tls, rds));
    }

    private Optional<ConnectionConfig> warehouse(String name, ConnectionType type, MappingReader r) {
        Optional<String> host = r.text("host", true, "the server's host name or IP address");
        int port = r.port("port", WarehouseConnectionConfig.defaultPort(type));
        Optional<String> database = r.text("database", true, "the database name");
        Optional<String> user = r.text("user", true, "the user name to log in as");
        Optional<SecretRef> password = r.secret("password", false);
        TlsMode tls = r.choice("tls", TLS_MODES, TlsMode.PREFER);
        if (host.isEmpty() || database.isEmpty() || user.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new WarehouseConnectionConfig(name, type, host.get(), port, database.get(), user.get(),
                password, tls));
    }

    private Optional<ConnectionConfig> s3(String name, MappingReader r) {
        Optional<URI> endpoint = r.url("endpoint", false);
        Optional<String> region = r.text("region", true, "an AWS region such as us-east-1");
        Optional<String> bucket = r.text("bucket", true, "a bucket name");
        boolean pathStyle = r.bool("pathStyle", false);
        Optional<AwsKeys> keys = keys(r);
        if (region.isEmpty() || bucket.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new S3ConnectionConfig(name, endpoint, region.get(), bucket.get(), pathStyle, keys));
    }

    private Optional<ConnectionConfig> druid(String name, MappingReader r) {
        Optional<URI> coordinator = r.url("coordinatorUrl", true);
        Optional<URI> broker = r.url("brokerUrl", true);
        Optional<URI> overlord = r.url("overlordUrl", false);
        if (coordinator.isEmpty() || broker.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DruidConnectionConfig(name, coordinator.get(), broker.get(),
                overlord.orElse(coordinator.get())));
    }

    private Optional<ConnectionConfig> kafka(String name, MappingReader r) {
        return r.hostPorts("bootstrapServers", true).map(servers -> new KafkaConnectionConfig(name, servers));
    }

    private Optional<ConnectionConfig> aws(String name, MappingReader r) {
        Optional<String> region = r.text("region", true, "an AWS region such as us-east-1");
        Optional<AwsKeys> keys = keys(r);
        Optional<URI> endpoint = r.url("endpoint", false);
        return region.map(reg -> new AwsConnectionConfig(name, reg, keys, endpoint));
    }

    /** accessKey and secretKey go together; neither means the default AWS credential chain. */
    private static Optional<AwsKeys> keys(MappingReader r) {
        Optional<SecretRef> accessKey = r.secret("accessKey", false);
        Optional<SecretRef> secretKey = r.secret("secretKey", false);
        boolean accessWritten = r.node("accessKey").isPresent();
        boolean secretWritten = r.node("secretKey").isPresent();
        if (accessWritten != secretWritten) {
            r.failMapping("accessKey and secretKey go together: write both, or neither to use the default AWS"
                    + " credential chain (environment, ~/.aws, instance role)");
            return Optional.empty();
        }
        if (accessKey.isPresent() && secretKey.isPresent()) {
            return Optional.of(new AwsKeys(accessKey.get(), secretKey.get()));
        }
        return Optional.empty();
    }
}

package io.ferry.cli;

import io.ferry.config.ConfigLoader;
import io.ferry.config.ConnectionConfig;
import io.ferry.config.FerryConfig;
import io.ferry.config.MySqlConnectionConfig;
import io.ferry.config.SecretResolver;
import io.ferry.genlog.LogKind;
import io.ferry.genlog.MySqlConnections;
import io.ferry.genlog.ServerConnections;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** The options every {@code ferry genlog} subcommand shares: which file, which connection, which log. */
final class GenlogTarget {
    private static final Set<String> LOCAL_HOSTS = Set.of("127.0.0.1", "localhost", "::1");

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "ferry.yaml",
            description = "The configuration file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--connection", paramLabel = "NAME", description = "A mysql connection of the file (default: each one).")
    String connection;

    @Option(names = "--log", paramLabel = "general|slow", defaultValue = "general",
            description = "Which log table: general (mysql.general_log) or slow (mysql.slow_log). Default: ${DEFAULT-VALUE}.")
    String log;

    private FerryConfig loaded;

    FerryConfig ferryConfig() {
        if (loaded == null) {
            loaded = ConfigLoader.load(config);
        }
        return loaded;
    }

    LogKind kind() {
        return LogKind.fromWord(log);
    }

    /** The connections to act on: the one named, or every mysql connection. */
    List<MySqlConnectionConfig> connections() {
        FerryConfig cfg = ferryConfig();
        if (connection == null) {
            List<MySqlConnectionConfig> all = cfg.connections(MySqlConnectionConfig.class);
            if (all.isEmpty()) {
                throw new IllegalArgumentException(config + " has no mysql connection; add one (see docs/configuration.md)");
            }
            return all;
        }
        return List.of(one());
    }

    /** The one connection named by --connection (required when acting, e.g. rotating). */
    MySqlConnectionConfig one() {
        FerryConfig cfg = ferryConfig();
        if (connection == null) {
            List<MySqlConnectionConfig> all = cfg.connections(MySqlConnectionConfig.class);
            if (all.size() == 1) {
                return all.get(0);
            }
            throw new IllegalArgumentException("give --connection NAME: " + config + " has " + all.size()
                    + " mysql connections " + all.stream().map(MySqlConnectionConfig::name).toList());
        }
        ConnectionConfig c = cfg.connection(connection).orElseThrow(() -> new IllegalArgumentException(
                "no connection '" + connection + "' in " + config + "; it has " + cfg.connections().keySet()));
        if (!(c instanceof MySqlConnectionConfig mysql)) {
            throw new IllegalArgumentException("connection '" + connection + "' is of type " + c.type().yamlName()
                    + "; the general log needs a mysql connection");
        }
        return mysql;
    }

    ServerConnections server(MySqlConnectionConfig c) {
        return MySqlConnections.of(c, SecretResolver.forConfig(ferryConfig()));
    }

    static boolean onThisMachine(MySqlConnectionConfig c) {
        return LOCAL_HOSTS.contains(c.host());
    }

    Path dataDir() {
        return ferryConfig().dataDir();
    }
}

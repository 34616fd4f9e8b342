package io.ferry.cli;

import io.ferry.config.ConfigLoader;
import io.ferry.config.ConnectionConfig;
import io.ferry.config.DruidConnectionConfig;
import io.ferry.config.FerryConfig;
import io.ferry.druid.DruidClient;
import io.ferry.druid.reindex.ReindexRuns;
import io.ferry.state.StateStore;
import io.ferry.state.StateStoreLockedException;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** The options every {@code ferry druid} subcommand shares: which file and which druid connection of it. */
final class DruidTarget {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "ferry.yaml",
            description = "The configuration file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--connection", paramLabel = "NAME",
            description = "A druid connection of the file (default: the only one).")
    String connection;

    private FerryConfig loaded;

    FerryConfig ferryConfig() {
        if (loaded == null) {
            loaded = ConfigLoader.load(config);
        }
        return loaded;
    }

    DruidConnectionConfig druidConnection() {
        FerryConfig cfg = ferryConfig();
        if (connection == null) {
            List<DruidConnectionConfig> all = cfg.connections(DruidConnectionConfig.class);
            if (all.size() == 1) {
                return all.get(0);
            }
            throw new IllegalArgumentException(all.isEmpty()
                    ? config + " has no druid connection; add one (type: druid, coordinatorUrl, brokerUrl; see docs/configuration.md)"
                    : "give --connection NAME: " + config + " has " + all.size() + " druid connections "
                    + all.stream().map(DruidConnectionConfig::name).toList());
        }
        ConnectionConfig c = cfg.connection(connection).orElseThrow(() -> new IllegalArgumentException(
                "no connection '" + connection + "' in " + config + "; it has " + cfg.connections().keySet()));
        if (!(c instanceof DruidConnectionConfig druid)) {
            throw new IllegalArgumentException("connection '" + connection + "' is of type " + c.type().yamlName()
                    + "; this command needs a druid connection");
        }
        return druid;
    }

    DruidClient client() {
        DruidConnectionConfig c = druidConnection();
        return new DruidClient(c.coordinatorUrl(), c.overlordUrl(), c.brokerUrl());
    }

    /**
     * The versions Ferry's re-index runs produced for a datasource, from the run records in the state store. While
     * another Ferry holds the store (the engine), or before any state store exists, nothing is known as batch (a
     * status command does not create one).
     */
    Predicate<String> batchVersions(String dataSource) {
        if (!java.nio.file.Files.isDirectory(ferryConfig().dataDir().resolve("state"))) {
            return Set.<String>of()::contains;
        }
        try (StateStore state = StateStore.open(ferryConfig().dataDir())) {
            return Set.copyOf(new ReindexRuns(state).batchVersions(dataSource))::contains;
        } catch (StateStoreLockedException e) {
            return Set.<String>of()::contains;
        }
    }
}

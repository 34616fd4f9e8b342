package io.ferry.cli;

import io.ferry.config.ConfigLoader;
import io.ferry.config.DruidReindexJobConfig;
import io.ferry.config.FerryConfig;
import io.ferry.config.JobConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/** The options of {@code ferry druid reindex|runs}: the configuration file and a druid-reindex job of it. */
final class ReindexTarget {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "ferry.yaml",
            description = "The configuration file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--job", paramLabel = "NAME", description = "A druid-reindex job of the file (default: the only one).")
    String job;

    private FerryConfig loaded;

    FerryConfig ferryConfig() {
        if (loaded == null) {
            loaded = ConfigLoader.load(config);
        }
        return loaded;
    }

    DruidReindexJobConfig jobConfig() {
        FerryConfig cfg = ferryConfig();
        if (job == null) {
            List<DruidReindexJobConfig> all = cfg.jobs(DruidReindexJobConfig.class);
            if (all.size() == 1) {
                return all.get(0);
            }
            throw new IllegalArgumentException(all.isEmpty()
                    ? config + " has no druid-reindex job; add one under jobs: (type: druid-reindex; see docs/configuration.md)"
                    : "give --job NAME: " + config + " has " + all.size() + " druid-reindex jobs "
                    + all.stream().map(DruidReindexJobConfig::name).toList());
        }
        JobConfig j = cfg.job(job).orElseThrow(() -> new IllegalArgumentException(
                "no job '" + job + "' in " + config + "; it has " + cfg.jobs().keySet()));
        if (!(j instanceof DruidReindexJobConfig reindex)) {
            throw new IllegalArgumentException("job '" + job + "' is of type " + j.type() + "; this command needs a druid-reindex job");
        }
        return reindex;
    }

    Path dataDir() {
        return ferryConfig().dataDir();
    }
}

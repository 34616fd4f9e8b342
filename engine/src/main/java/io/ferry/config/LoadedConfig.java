package io.ferry.config;

import java.util.List;

/**
 * What reading a ferry.yaml gave: the problems, and a configuration of the parts that are valid (every
 * connection without a problem). Use {@link #orThrow()} unless you mean to go on despite problems.
 *
 * @param config   the valid parts; the whole configuration when {@code problems} is empty
 * @param problems every problem, in file order
 */
public record LoadedConfig(FerryConfig config, List<ConfigProblem> problems) {
    public LoadedConfig {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    public FerryConfig orThrow() {
        if (!problems.isEmpty()) {
            throw new ConfigException(config.source(), problems);
        }
        return config;
    }
}

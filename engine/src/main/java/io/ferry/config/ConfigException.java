package io.ferry.config;

import java.nio.file.Path;
import java.util.List;

/** A configuration file that cannot be used, with every problem found in it (not only the first). */
public final class ConfigException extends RuntimeException {
    private final Path file;
    private final List<ConfigProblem> problems;

    public ConfigException(Path file, List<ConfigProblem> problems) {
        super(describe(file, problems));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public Path file() {
        return file;
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String describe(Path file, List<ConfigProblem> problems) {
        StringBuilder out = new StringBuilder();
        out.append(file).append(problems.size() == 1 ? " has 1 problem:" : " has " + problems.size() + " problems:");
        for (ConfigProblem problem : problems) {
            out.append(System.lineSeparator()).append("  ").append(problem);
        }
        return out.toString();
    }
}

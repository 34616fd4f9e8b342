package io.ferry.config;

import io.ferry.config.YamlNode.Location;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems of one file, so the user sees all of them at once. */
final class Problems {
    private final Path file;
    private final List<ConfigProblem> problems = new ArrayList<>();

    Problems(Path file) {
        this.file = file;
    }

    void add(Location at, String keyPath, String message) {
        problems.add(new ConfigProblem(file, at.line(), at.column(), keyPath, message));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** In file order. */
    List<ConfigProblem> sorted() {
        List<ConfigProblem> out = new ArrayList<>(problems);
        out.sort(Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column));
        return out;
    }
}

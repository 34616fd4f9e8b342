package io.ferry.replication;

import java.util.List;

/** The source is not ready for replication; {@link #problems()} says why, each with what to do. */
public final class PreflightException extends IllegalStateException {
    private final List<String> problems;

    public PreflightException(List<String> problems) {
        super("The source is not ready for replication:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

package io.ferry.cost;

import java.util.List;

/** A scenario that cannot be computed; each problem names the field ("cloud.nodeGroups[2].count: ..."). */
public final class ScenarioException extends RuntimeException {
    private final List<String> problems;

    public ScenarioException(String source, List<String> problems) {
        super(source + ": " + (problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems:\n  " + String.join("\n  ", problems)));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

package io.ferry.druid.reindex;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;

/**
 * What a run of one interval would do, changing nothing: whether the interval is closed, its input files and their
 * completeness, and the task Ferry would submit (its input source shows where the files would be staged).
 */
public record ReindexPlan(TimeInterval interval, boolean closed, Instant closesAt, SupervisorTiming timing,
                          InputCheck input, List<String> problems, String staging, ObjectNode task) {
    public ReindexPlan {
        problems = List.copyOf(problems);
    }

    /** True when a run would go ahead. */
    public boolean runnable() {
        return problems.isEmpty();
    }
}

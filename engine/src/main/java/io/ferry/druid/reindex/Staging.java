package io.ferry.druid.reindex;

import io.ferry.druid.IndexParallelSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Puts a run's flat files where the Druid indexer can read them, and says how ({@code local} or {@code http}). */
public interface Staging {

    /** What Druid reads and where it is, for the plan and the record. */
    record Staged(IndexParallelSpec.InputSource source, List<String> locations) {
        public Staged {
            locations = List.copyOf(locations);
        }
    }

    /** Stages the files under {@code runKey} (e.g. {@code job/2026-11-28T00/run-12}). */
    Staged stage(String runKey, List<Path> files) throws IOException;

    /** Removes what {@link #stage} put under {@code runKey}; missing files are fine. */
    void remove(String runKey) throws IOException;

    /** The location for messages and the plan. */
    String describe();
}

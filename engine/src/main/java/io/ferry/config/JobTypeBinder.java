package io.ferry.config;

import java.util.Optional;

/**
 * Binds the mapping of one job type. The reader already knows the job's key path, asks for {@code type} itself
 * and rejects unknown keys after {@link #bind}; a binder reports problems through the reader.
 */
interface JobTypeBinder {

    /** The word written as {@code type:}. */
    String type();

    /** Empty when the mapping has problems (they are reported through {@code r}). */
    Optional<JobConfig> bind(String name, MappingReader r, JobContext context);
}

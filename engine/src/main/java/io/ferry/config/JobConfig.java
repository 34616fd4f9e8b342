package io.ferry.config;

/**
 * One entry of {@code jobs:} in ferry.yaml. Each job type is a record implementing this, bound from YAML by
 * its {@link JobTypeBinder} (registered in {@link JobTypes}). Like connections, jobs hold references, never secrets.
 */
public interface JobConfig {

    /** The key under {@code jobs:}. */
    String name();

    /** The job type as written in ferry.yaml ({@code type: replication}). */
    String type();
}

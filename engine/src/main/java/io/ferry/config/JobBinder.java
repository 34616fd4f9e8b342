package io.ferry.config;

import io.ferry.config.YamlNode.Mapping;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Turns one {@code jobs.<name>} mapping into its {@link JobConfig}, through the binder of its type. */
final class JobBinder {
    private final Problems problems;
    private final Path baseDir;
    private final JobContext context;
    private final Map<String, JobTypeBinder> types = JobTypes.byType();

    JobBinder(Problems problems, Path baseDir, JobContext context) {
        this.problems = problems;
        this.baseDir = baseDir;
        this.context = context;
    }

    /** Empty when the mapping has problems (they are reported). */
    Optional<JobConfig> bind(String name, Mapping mapping) {
        String path = "jobs." + name;
        if (types.isEmpty()) {
            problems.add(mapping.location(), path, "this version of Ferry has no job types yet; remove the job"
                    + " or leave jobs: {}");
            return Optional.empty();
        }
        MappingReader typeReader = new MappingReader(mapping, path, "a job", problems, baseDir);
        JobTypeBinder binder = typeReader.choice("type", types, null);
        if (binder == null) {
            if (typeReader.valid()) {
                problems.add(mapping.location(), path + ".type", "missing required key (one of "
                        + String.join(", ", types.keySet()) + ")");
            }
            return Optional.empty();
        }
        MappingReader r = new MappingReader(mapping, path, "a " + binder.type() + " job", problems, baseDir);
        r.node("type");
        Optional<JobConfig> job = binder.bind(name, r, context);
        r.rejectUnknownKeys();
        return r.valid() ? job : Optional.empty();
    }
}

package io.ferry.sandbox.druid;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the jars of the sandbox's Druid and Kafka are: {@code druid/} (Druid's services), {@code druid-kafka/}
 * (Druid's Kafka indexing extension) and {@code kafka/} (a KRaft broker), as the {@code druid-runtime} Maven module
 * resolves them into {@code druid-runtime/target/lib}. They run in child JVMs; none is on Ferry's own classpath.
 */
public record DruidRuntime(Path druidLib, Path druidKafkaLib, Path kafkaLib) {
    /** System property naming the lib directory (the one holding druid/, druid-kafka/, kafka/). */
    public static final String LIB_PROPERTY = "ferry.druid.lib";
    static final String BUILD_HINT = "build it with: ./mvnw -B package -pl druid-runtime,druid-runtime/druid,druid-runtime/kafka "
            + "(the first build downloads about 230 MB from Maven Central)";

    public static DruidRuntime in(Path lib) {
        Path dir = lib.toAbsolutePath().normalize();
        return new DruidRuntime(dir.resolve("druid"), dir.resolve("druid-kafka"), dir.resolve("kafka"));
    }

    /**
     * The runtime named by {@value #LIB_PROPERTY}, else {@code druid-runtime/target/lib} in the working directory
     * or one of its parents (a checkout, or a module of it). Throws with the build command if the jars are missing.
     */
    public static DruidRuntime locate() {
        String configured = System.getProperty(LIB_PROPERTY);
        if (configured != null) {
            return in(Path.of(configured)).requireComplete("the directory named by -D" + LIB_PROPERTY);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path lib = dir.resolve("druid-runtime").resolve("target").resolve("lib");
            if (Files.isDirectory(lib)) {
                return in(lib).requireComplete(lib.toString());
            }
        }
        throw new IllegalStateException("The Druid and Kafka jars were not found: no druid-runtime/target/lib in "
                + Path.of("").toAbsolutePath() + " or above it, and -D" + LIB_PROPERTY + " is not set; " + BUILD_HINT);
    }

    DruidRuntime requireComplete(String where) {
        for (Path dir : new Path[] {druidLib, druidKafkaLib, kafkaLib}) {
            if (!hasJars(dir)) {
                throw new IllegalStateException("The Druid and Kafka jars are incomplete: " + dir + " (from " + where
                        + ") holds no jar; " + BUILD_HINT);
            }
        }
        return this;
    }

    private static boolean hasJars(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".jar"));
        } catch (java.io.IOException e) {
            return false;
        }
    }
}

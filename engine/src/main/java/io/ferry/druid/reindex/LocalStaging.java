package io.ferry.druid.reindex;

import io.ferry.druid.IndexParallelSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Stages flat files in a folder that the Druid indexer reads at the same path (a shared mount in production, the
 * same machine in the sandbox), for Druid's {@code local} input source.
 */
public final class LocalStaging implements Staging {
    private final Path root;

    public LocalStaging(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Staged stage(String runKey, List<Path> files) throws IOException {
        Path dir = root.resolve(runKey).normalize();
        if (!dir.startsWith(root)) {
            throw new IllegalArgumentException("run key " + runKey + " leaves the staging folder");
        }
        Files.createDirectories(dir);
        List<String> locations = new ArrayList<>();
        for (Path f : files) {
            Path target = dir.resolve(f.getFileName().toString());
            Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
            locations.add(target.toString());
        }
        return new Staged(IndexParallelSpec.InputSource.local(dir, "*.json.gz"), locations);
    }

    @Override
    public void remove(String runKey) throws IOException {
        Path dir = root.resolve(runKey).normalize();
        if (!dir.startsWith(root) || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public String describe() {
        return root.toString();
    }
}

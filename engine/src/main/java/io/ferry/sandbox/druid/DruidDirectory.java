package io.ferry.sandbox.druid;

import io.ferry.sandbox.ServerProcesses;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Druid cluster's root directory, emptied at every start: only when empty or marked by a previous start (so a
 * mistyped path never deletes someone's files), and never while a JVM of a cluster there is still running.
 */
final class DruidDirectory {
    static final String MARKER = ".ferry-druid";

    private DruidDirectory() {
    }

    static void prepareClean(Path root) throws IOException {
        if (Files.exists(root)) {
            if (!Files.isDirectory(root)) {
                throw new IOException(root + " is a file, not a directory; choose another directory for Druid");
            }
            List<ProcessHandle> running = ServerProcesses.runningWith(root);
            if (!running.isEmpty()) {
                throw new IOException("A Druid of a sandbox is still running in " + root + " (pid " + running.get(0).pid()
                        + "); stop it or choose another directory");
            }
            boolean empty;
            try (Stream<Path> entries = Files.list(root)) {
                empty = entries.findAny().isEmpty();
            }
            if (!empty && !Files.exists(root.resolve(MARKER))) {
                throw new IOException(root + " is not empty and is not a Ferry Druid directory; choose an empty or new directory");
            }
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(root)).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(root);
        Files.writeString(root.resolve(MARKER), "This directory belongs to Ferry's sandbox Druid; it is wiped at every start.\n");
    }
}

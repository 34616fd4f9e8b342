package io.ferry.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sandbox's root directory, emptied at every start. It is only ever wiped when it carries the marker
 * file a previous sandbox left there, so a mistyped {@code --dir} can never delete someone's files.
 */
final class SandboxDirectory {
    static final String MARKER = ".ferry-sandbox";

    private SandboxDirectory() {
    }

    static void prepareClean(Path root) throws IOException {
        if (Files.exists(root)) {
            if (!Files.isDirectory(root)) {
                throw new IOException(root + " is a file, not a directory; choose another sandbox directory");
            }
            List<ProcessHandle> running = ServerProcesses.runningWith(root);
            if (!running.isEmpty()) {
                throw new IOException("A sandbox is already running in " + root + " (pid "
                        + running.get(0).pid() + "); stop it (Ctrl-C) or choose another directory");
            }
            boolean empty;
            try (Stream<Path> entries = Files.list(root)) {
                empty = entries.findAny().isEmpty();
            }
            if (!empty && !Files.exists(root.resolve(MARKER))) {
                throw new IOException(root + " is not empty and is not a Ferry sandbox; choose an empty or new directory");
            }
            deleteContents(root);
        }
        Files.createDirectories(root);
        Files.writeString(root.resolve(MARKER), "This directory belongs to `ferry sandbox`; it is wiped at every start.\n");
    }

    private static void deleteContents(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(root)).toList()) {
                Files.delete(p);
            }
        }
    }
}

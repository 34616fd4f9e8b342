package io.ferry.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds server processes by a directory that appears on their command line (their data directory). A server
 * started through pg_ctl is not a child of this JVM, so "no child process remains" is checked this way.
 */
public final class ServerProcesses {
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private ServerProcesses() {
    }

    /** Live processes whose command line mentions {@code dir}. */
    public static List<ProcessHandle> runningWith(Path dir) {
        String needle = dir.toAbsolutePath().normalize().toString();
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> p.info().commandLine().map(cmd -> cmd.contains(needle)).orElse(false))
                .toList();
    }

    /**
     * Waits until no process mentioning {@code dir} is left; one still alive after 30 s is killed, and
     * reported, because a sandbox must never leave orphans behind.
     */
    static void awaitGone(Path dir, String what) throws InterruptedException {
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        for (ProcessHandle process : runningWith(dir)) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                process.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                org.slf4j.LoggerFactory.getLogger(ServerProcesses.class)
                        .warn("{} (pid {}) did not stop within {} s; killing it", what, process.pid(), STOP_WAIT.toSeconds());
                process.destroyForcibly();
            }
        }
    }
}

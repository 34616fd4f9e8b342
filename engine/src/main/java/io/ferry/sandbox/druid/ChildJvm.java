package io.ferry.sandbox.druid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One server running in its own JVM, started from this one: its working directory, its log file (stdout and
 * stderr) and the process. {@link #stop} asks it to exit (SIGTERM, so its shutdown hooks run) and kills it, with
 * any process it started, if it has not exited in time.
 */
final class ChildJvm {
    private static final Logger LOG = LoggerFactory.getLogger(ChildJvm.class);
    private static final int TAIL_LINES = 15;
    private static final java.util.regex.Pattern STACK_FRAME =
            java.util.regex.Pattern.compile("\\s+(at [\\w$./<>-]+\\(.*\\).*|\\.\\.\\. \\d+ more|\\.\\.\\. \\d+ common frames omitted)");

    private final String name;
    private final Path dir;
    private final Path log;
    private final Process process;

    private ChildJvm(String name, Path dir, Path log, Process process) {
        this.name = name;
        this.dir = dir;
        this.log = log;
        this.process = process;
    }

    /** Starts {@code java <jvmArgs> -cp <classpath> <mainClass> <args>} in {@code dir}, logging to {@code dir/<name>.log}. */
    static ChildJvm start(String name, Path dir, List<String> jvmArgs, String classpath, String mainClass, List<String> args)
            throws IOException {
        Files.createDirectories(dir);
        Path log = dir.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        Files.writeString(dir.resolve(name + ".command"), String.join(" \\\n  ", command) + "\n", StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return new ChildJvm(name, dir, log, builder.start());
    }

    String name() {
        return name;
    }

    Path dir() {
        return dir;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    /** Waits for a short-lived child (a tool, not a server) and returns its exit code; kills it after {@code timeout}. */
    int awaitExit(Duration timeout) throws InterruptedException, IOException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            throw new IOException(name + " did not finish within " + timeout.toSeconds() + " s; last lines of " + log + ":\n"
                    + tail());
        }
        return process.exitValue();
    }

    /** Resident memory of the process in MiB (from /proc), or -1 where that cannot be read. */
    long residentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }

    /** Sends SIGTERM without waiting. */
    void requestStop() {
        process.destroy();
    }

    /** Waits up to {@code grace} for the process to exit after {@link #requestStop}, then kills its whole tree. */
    void awaitStop(Duration grace) {
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("{} (pid {}) did not stop within {} s; killing it", name, process.pid(), grace.toSeconds());
            kill();
        } catch (ExecutionException e) {
            kill();
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
    }

    void stop(Duration grace) {
        requestStop();
        awaitStop(grace);
    }

    /** Kills the process and every process it started, and waits (briefly) for it to be gone. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The last lines of the log, indented, to put the real reason into an error message. Stack frames are left out:
     * a Java server's log usually ends in one, and the reason is in the exception lines ("Caused by: ...").
     */
    String tail() {
        return tailOf(log);
    }

    static String tailOf(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank() && !STACK_FRAME.matcher(line).matches())
                    .toList();
            return "  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "  (no log at " + log + ")";
        }
    }
}

package io.ferry.replication;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The spill directory of one run of a job's stream ({@code <spillDirectory>/<job>/run-<pid>-<n>}) and its disk
 * budget. Opening it deletes what earlier runs of the job left (this process's, or those of processes that are
 * gone); closing it deletes the run's directory. {@link #reserve} blocks the binlog reader at the disk limit until
 * applied transactions free their files; a transaction that alone needs more than the limit stops the job.
 */
public final class SpillSpace implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpillSpace.class);
    private static final java.util.concurrent.atomic.AtomicLong RUNS = new java.util.concurrent.atomic.AtomicLong();

    private final Path dir;
    private final long limit;
    private final BufferUsage usage;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition freed = lock.newCondition();
    private long used;
    private long files;
    private volatile boolean closed;

    private SpillSpace(Path dir, long limit, BufferUsage usage) {
        this.dir = dir;
        this.limit = limit;
        this.usage = usage;
    }

    /** Cleans the job's leftover spill files and makes this run's directory. */
    public static SpillSpace open(Path root, String job, long limitBytes, BufferUsage usage) throws IOException {
        Path jobDir = root.resolve(job);
        Files.createDirectories(jobDir);
        long me = ProcessHandle.current().pid();
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(jobDir, "run-*")) {
            for (Path run : runs) {
                long pid = pidOf(run);
                if (pid == me || pid < 0 || ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
                    deleteTree(run);
                }
            }
        }
        Path dir = jobDir.resolve("run-" + me + "-" + RUNS.incrementAndGet());
        Files.createDirectories(dir);
        usage.disk(0);
        return new SpillSpace(dir, limitBytes, usage);
    }

    private static long pidOf(Path run) {
        String[] parts = run.getFileName().toString().split("-");
        try {
            return parts.length == 3 ? Long.parseLong(parts[1]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public Path directory() {
        return dir;
    }

    /** A new, not yet existing file in this run's directory. */
    Path newFile() {
        lock.lock();
        try {
            usage.spilled();
            return dir.resolve("txn-" + (++files) + ".spill");
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes {@code bytes} more of the disk budget for a file that holds {@code own} bytes of it already; waits while
     * other (applied soon) files hold the rest.
     */
    void reserve(long bytes, long own) {
        lock.lock();
        try {
            while (used + bytes > limit) {
                if (used - own <= 0) {
                    throw new SpillLimitException("A source transaction needs more than spillDisk (" + limit
                            + " bytes) of spill files: raise spillDisk in the job's configuration (spilled so far: "
                            + own + " bytes in " + dir + ")");
                }
                if (closed) {
                    throw new UncheckedIOException(new InterruptedIOException("The job is stopping"));
                }
                usage.waitingForDisk(true);
                freed.await(100, TimeUnit.MILLISECONDS);
            }
            usage.waitingForDisk(false);
            used += bytes;
            usage.disk(used);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("Interrupted while waiting for spill disk"));
        } finally {
            lock.unlock();
        }
    }

    void release(long bytes) {
        lock.lock();
        try {
            used = Math.max(0, used - bytes);
            usage.disk(used);
            freed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Stops any wait and deletes this run's files. */
    @Override
    public void close() {
        closed = true;
        lock.lock();
        try {
            freed.signalAll();
            used = 0;
            usage.disk(0);
            usage.waitingForDisk(false);
        } finally {
            lock.unlock();
        }
        try {
            deleteTree(dir);
            Files.deleteIfExists(dir.getParent()); // the job's directory, unless another run of it is in there
        } catch (java.nio.file.DirectoryNotEmptyException anotherRun) {
            // kept
        } catch (IOException e) {
            LOG.warn("Could not delete the spill directory {}: {}", dir, e.getMessage());
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

package io.ferry.replication;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How much a replication job may hold between the binlog reader and the warehouse. Transactions read and not yet
 * applied take at most {@code memoryBytes} of (estimated) heap; a source transaction whose changes pass
 * {@code spillThresholdBytes} goes to a file under {@code spillDirectory} instead, and spill files take at most
 * {@code diskBytes}. At either limit the reader waits (nothing is dropped; the binlog stays on the source).
 */
public record BufferLimits(long memoryBytes, long spillThresholdBytes, long diskBytes, Path spillDirectory) {
    public static final long DEFAULT_MEMORY_BYTES = 64L << 20;
    public static final long DEFAULT_SPILL_THRESHOLD_BYTES = 16L << 20;
    public static final long DEFAULT_DISK_BYTES = 10L << 30;
    public static final BufferLimits DEFAULTS = new BufferLimits(DEFAULT_MEMORY_BYTES, DEFAULT_SPILL_THRESHOLD_BYTES,
            DEFAULT_DISK_BYTES, defaultDirectory());

    public BufferLimits {
        Objects.requireNonNull(spillDirectory, "spillDirectory");
        if (memoryBytes < 1 || spillThresholdBytes < 1 || diskBytes < 1) {
            throw new IllegalArgumentException("Buffer and spill limits must be positive");
        }
        if (spillThresholdBytes > memoryBytes) {
            throw new IllegalArgumentException("The spill threshold (" + spillThresholdBytes
                    + " bytes) must not be above the memory buffer (" + memoryBytes + " bytes)");
        }
    }

    /** {@code <java.io.tmpdir>/ferry-spill}. */
    public static Path defaultDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"), "ferry-spill");
    }
}

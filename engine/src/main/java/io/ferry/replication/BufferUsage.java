package io.ferry.replication;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What a job holds between the binlog reader and the warehouse, now and at its peak: estimated heap of the
 * transactions read and not applied, disk of spill files, and whether the reader is waiting at a limit.
 */
public final class BufferUsage {
    private final AtomicLong memoryBytes = new AtomicLong();
    private final AtomicLong peakMemoryBytes = new AtomicLong();
    private final AtomicLong diskBytes = new AtomicLong();
    private final AtomicLong peakDiskBytes = new AtomicLong();
    private final AtomicLong spilledTransactions = new AtomicLong();
    private final AtomicLong memoryWaits = new AtomicLong();
    private final AtomicLong diskWaits = new AtomicLong();
    private volatile boolean waitingForMemory;
    private volatile boolean waitingForDisk;

    void memory(long bytes) {
        memoryBytes.set(bytes);
        peakMemoryBytes.accumulateAndGet(bytes, Math::max);
    }

    void disk(long bytes) {
        diskBytes.set(bytes);
        peakDiskBytes.accumulateAndGet(bytes, Math::max);
    }

    void spilled() {
        spilledTransactions.incrementAndGet();
    }

    void waitingForMemory(boolean waiting) {
        if (waiting && !waitingForMemory) {
            memoryWaits.incrementAndGet();
        }
        waitingForMemory = waiting;
    }

    void waitingForDisk(boolean waiting) {
        if (waiting && !waitingForDisk) {
            diskWaits.incrementAndGet();
        }
        waitingForDisk = waiting;
    }

    /** Estimated heap of the transactions read and not yet applied. */
    public long memoryBytes() {
        return memoryBytes.get();
    }

    public long peakMemoryBytes() {
        return peakMemoryBytes.get();
    }

    /** Disk taken by spill files not yet applied. */
    public long diskBytes() {
        return diskBytes.get();
    }

    public long peakDiskBytes() {
        return peakDiskBytes.get();
    }

    /** Source transactions that went to disk since the engine started. */
    public long spilledTransactions() {
        return spilledTransactions.get();
    }

    /** How many times the reader paused at the memory limit (or the transaction count). */
    public long memoryWaits() {
        return memoryWaits.get();
    }

    /** How many times the reader paused at the disk limit. */
    public long diskWaits() {
        return diskWaits.get();
    }

    public boolean waitingForMemory() {
        return waitingForMemory;
    }

    public boolean waitingForDisk() {
        return waitingForDisk;
    }
}

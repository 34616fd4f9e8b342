package io.ferry.replication;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The transactions between the binlog reader and the warehouse, bounded by count and by estimated bytes. The bytes
 * of a transaction count from {@link #offer} until {@link #release} after its batch committed (not merely until it
 * is taken), so the limit covers the batch being applied too. {@link #release} also deletes spill files. At the
 * limit {@link #offer} waits: the reader pauses, nothing is dropped.
 */
public final class TransactionBuffer {
    private final int maxTransactions;
    private final long maxBytes;
    private final BufferUsage usage;
    private final ArrayDeque<Transaction> queue = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long bytes;

    public TransactionBuffer(int maxTransactions, long maxBytes, BufferUsage usage) {
        this.maxTransactions = maxTransactions;
        this.maxBytes = maxBytes;
        this.usage = usage;
        usage.memory(0);
    }

    /**
     * Adds the transaction, waiting up to {@code timeout} for room; false if there was none. A transaction larger
     * than the whole limit goes in when nothing else is held.
     */
    public boolean offer(Transaction txn, long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (queue.size() >= maxTransactions || (bytes > 0 && bytes + txn.estimatedBytes() > maxBytes)) {
                usage.waitingForMemory(true);
                if (nanos <= 0) {
                    return false;
                }
                nanos = changed.awaitNanos(nanos);
            }
            usage.waitingForMemory(false);
            queue.addLast(txn);
            bytes += txn.estimatedBytes();
            usage.memory(bytes);
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    public Transaction poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (queue.isEmpty()) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = changed.awaitNanos(nanos);
            }
            Transaction txn = queue.pollFirst();
            changed.signalAll();
            return txn;
        } finally {
            lock.unlock();
        }
    }

    public Transaction poll() {
        lock.lock();
        try {
            Transaction txn = queue.pollFirst();
            if (txn != null) {
                changed.signalAll();
            }
            return txn;
        } finally {
            lock.unlock();
        }
    }

    /** Transactions waiting to be taken. */
    public int size() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Whether the reader waits for room (the batch may as well close now). */
    public boolean full() {
        return usage.waitingForMemory();
    }

    /** The transactions of a committed batch: their bytes are free again and their spill files deleted. */
    public void release(List<Transaction> applied) throws IOException {
        long freed = 0;
        for (Transaction txn : applied) {
            freed += txn.estimatedBytes();
            if (txn.spilled() != null) {
                txn.spilled().delete();
            }
        }
        lock.lock();
        try {
            bytes = Math.max(0, bytes - freed);
            usage.memory(bytes);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}

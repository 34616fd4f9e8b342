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
 * limit {@link #offer} waits: the reader pauses, nothing is dropped. While the taker holds its batch open
 * ({@link #holdOpen}: a full-load chunk waits for its high watermark further on in the stream), the bytes already taken
 * do not count: the reader must reach that watermark, or neither side would ever move.
 */
public final class TransactionBuffer {
    private final int maxTransactions;
    private final long maxBytes;
    private final BufferUsage usage;
    private final ArrayDeque<Transaction> queue = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long queuedBytes;
    private long takenBytes;
    private boolean holding;

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
            while (queue.size() >= maxTransactions || (counted() > 0 && counted() + txn.estimatedBytes() > maxBytes)) {
                usage.waitingForMemory(true);
                if (nanos <= 0) {
                    return false;
                }
                nanos = changed.awaitNanos(nanos);
            }
            usage.waitingForMemory(false);
            queue.addLast(txn);
            queuedBytes += txn.estimatedBytes();
            usage.memory(queuedBytes + takenBytes);
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
            return taken(queue.pollFirst());
        } finally {
            lock.unlock();
        }
    }

    public Transaction poll() {
        lock.lock();
        try {
            return taken(queue.pollFirst());
        } finally {
            lock.unlock();
        }
    }

    private Transaction taken(Transaction txn) {
        if (txn != null) {
            queuedBytes -= txn.estimatedBytes();
            takenBytes += txn.estimatedBytes();
            changed.signalAll();
        }
        return txn;
    }

    /** The bytes the limit counts now. */
    private long counted() {
        return queuedBytes + (holding ? 0 : takenBytes);
    }

    /** Whether the taker's batch is held open: then the bytes it took do not block {@link #offer}. */
    public void holdOpen(boolean open) {
        lock.lock();
        try {
            if (holding != open) {
                holding = open;
                changed.signalAll();
            }
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

    /**
     * The transactions of a committed batch: their spill files are deleted, and the bytes of everything taken are free
     * again (the batch holds every transaction taken so far; counted as taken, since the taker may strip rows off a
     * transaction, which changes its own estimate).
     */
    public void release(List<Transaction> applied) throws IOException {
        for (Transaction txn : applied) {
            if (txn.spilled() != null) {
                txn.spilled().delete();
            }
        }
        lock.lock();
        try {
            takenBytes = 0;
            usage.memory(queuedBytes);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}

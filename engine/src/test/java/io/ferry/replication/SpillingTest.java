package io.ferry.replication;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A transaction past the threshold goes to disk; the disk and memory limits make the reader wait, never drop. */
class SpillingTest {
    private static final TableId T = new TableId("s", "t");
    private static final BinlogPosition END = BinlogPosition.of("bin.000001", 1000);
    private static final Instant AT = Instant.parse("2024-01-01T00:00:00Z");

    private final BufferUsage usage = new BufferUsage();
    private final List<SpillSpace> spaces = new ArrayList<>();

    @AfterEach
    void close() {
        spaces.forEach(SpillSpace::close);
    }

    private SpillSpace space(Path dir, long limit) throws Exception {
        SpillSpace space = SpillSpace.open(dir, "job", limit, usage);
        spaces.add(space);
        return space;
    }

    private static Object[] row(long id) {
        return new Object[]{id, "value " + id + " ".repeat(40)};
    }

    @Test
    void belowTheThresholdATransactionStaysInMemory(@TempDir Path dir) throws Exception {
        PendingChanges pending = new PendingChanges(space(dir, 1L << 30), 1L << 20);
        for (long i = 0; i < 100; i++) {
            pending.add(T, Operation.INSERT, null, row(i));
        }
        Transaction txn = pending.finish(END, AT, null);
        assertThat(txn.isSpilled()).isFalse();
        assertThat(txn.changes()).hasSize(100);
        assertThat(txn.estimatedBytes()).isEqualTo(ByteEstimate.changes(txn.changes()));
        assertThat(usage.spilledTransactions()).isZero();
    }

    @Test
    void pastTheThresholdItSpillsInOrderAndReplaysWithItsPosition(@TempDir Path dir) throws Exception {
        SpillSpace space = space(dir, 1L << 30);
        PendingChanges pending = new PendingChanges(space, 10_000);
        for (long i = 0; i < 5000; i++) {
            pending.add(T, Operation.INSERT, null, row(i));
        }
        pending.add(T, Operation.UPDATE, row(1), row(100_000));
        pending.add(T, Operation.DELETE, row(2), null);
        Transaction txn = pending.finish(END, AT, null);

        assertThat(txn.isSpilled()).isTrue();
        assertThat(txn.changes()).isEmpty();
        assertThat(txn.rowCount()).isEqualTo(5002);
        assertThat(txn.rowsPerTable()).containsEntry(T, 5002L);
        assertThat(txn.estimatedBytes()).isEqualTo(ByteEstimate.SPILLED);
        assertThat(usage.diskBytes()).isGreaterThanOrEqualTo(Files.size(txn.spilled().file()));
        List<RowChange> back = new ArrayList<>();
        txn.spilled().replay(txn.end(), txn.commitTime(), back::add);
        assertThat(back).hasSize(5002);
        assertThat(back.get(0).after()).containsExactly(row(0));
        assertThat(back.get(4999).after()).containsExactly(row(4999));
        assertThat(back.get(5000).operation()).isEqualTo(Operation.UPDATE);
        assertThat(back.get(5000).before()).containsExactly(row(1));
        assertThat(back.get(5001).operation()).isEqualTo(Operation.DELETE);
        assertThat(back).allMatch(c -> c.position().equals(END) && c.commitTime().equals(AT));

        txn.spilled().delete();
        assertThat(Files.exists(txn.spilled().file())).isFalse();
        assertThat(usage.diskBytes()).isZero();
    }

    @Test
    void aTransactionThatNeverCommitsLeavesNoFile(@TempDir Path dir) throws Exception {
        SpillSpace space = space(dir, 1L << 30);
        PendingChanges pending = new PendingChanges(space, 1000);
        for (long i = 0; i < 100; i++) {
            pending.add(T, Operation.INSERT, null, row(i));
        }
        pending.clear();
        try (var files = Files.list(space.directory())) {
            assertThat(files.toList()).isEmpty();
        }
        assertThat(usage.diskBytes()).isZero();
        pending.add(T, Operation.INSERT, null, row(1));
        assertThat(pending.finish(END, AT, null).changes()).hasSize(1);
    }

    @Test
    void atTheDiskLimitTheWriterWaitsUntilAnAppliedTransactionIsDeleted(@TempDir Path dir) throws Exception {
        SpillSpace space = space(dir, 2L << 20);
        PendingChanges pending = new PendingChanges(space, 1000);
        for (long i = 0; i < 100; i++) {
            pending.add(T, Operation.INSERT, null, row(i));
        }
        Transaction first = pending.finish(END, AT, null); // holds 1 MB of the 2
        for (long i = 0; i < 100; i++) {
            pending.add(T, Operation.INSERT, null, row(i));
        }
        Transaction second = pending.finish(END, AT, null); // the other MB

        CompletableFuture<Transaction> third = CompletableFuture.supplyAsync(() -> {
            for (long i = 0; i < 100; i++) {
                pending.add(T, Operation.INSERT, null, row(i));
            }
            return pending.finish(END, AT, null);
        });
        await().atMost(Duration.ofSeconds(10)).until(usage::waitingForDisk);
        assertThat(third).isNotDone();
        assertThat(usage.peakDiskBytes()).isEqualTo(2L << 20);

        first.spilled().delete();
        Transaction done = third.get(10, TimeUnit.SECONDS);
        assertThat(done.rowCount()).isEqualTo(100);
        assertThat(usage.waitingForDisk()).isFalse();
        assertThat(usage.diskWaits()).isEqualTo(1);
        assertThat(usage.peakDiskBytes()).isEqualTo(2L << 20);
        second.spilled().delete();
        done.spilled().delete();
    }

    @Test
    void aTransactionLargerThanTheWholeDiskLimitStopsTheJobNamingTheKey(@TempDir Path dir) throws Exception {
        PendingChanges pending = new PendingChanges(space(dir, 1L << 20), 1000);
        assertThatThrownBy(() -> {
            for (long i = 0; i < 100_000; i++) {
                pending.add(T, Operation.INSERT, null, row(i));
            }
        }).isInstanceOf(SpillLimitException.class).hasMessageContaining("spillDisk (1048576 bytes)");
        assertThat(TransientFailures.isTransient(new SpillLimitException("x"))).isFalse();
    }

    @Test
    void openingTheSpaceDeletesWhatAnEarlierRunLeft(@TempDir Path dir) throws Exception {
        Path stale = dir.resolve("job").resolve("run-" + ProcessHandle.current().pid() + "-0");
        Files.createDirectories(stale);
        Files.writeString(stale.resolve("txn-1.spill"), "left by a crash");
        Path otherJob = dir.resolve("other").resolve("run-1-1");
        Files.createDirectories(otherJob);

        SpillSpace space = space(dir, 1L << 20);
        assertThat(Files.exists(stale)).isFalse();
        assertThat(Files.exists(otherJob)).as("another job's files are not ours").isTrue();
        space.close();
        assertThat(Files.exists(space.directory())).isFalse();
        assertThat(Files.exists(dir.resolve("job"))).as("an empty job directory goes too").isFalse();
    }

    @Test
    void theBufferHoldsBytesUntilTheBatchIsReleased() throws Exception {
        TransactionBuffer buffer = new TransactionBuffer(1000, 10_000, usage);
        Transaction small = txnOf(4_000);
        assertThat(buffer.offer(small, 0, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(buffer.offer(txnOf(4_000), 0, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(buffer.offer(txnOf(4_000), 10, TimeUnit.MILLISECONDS)).as("over 10,000 bytes").isFalse();
        assertThat(usage.waitingForMemory()).isTrue();
        assertThat(buffer.full()).isTrue();

        Transaction taken = buffer.poll(0, TimeUnit.MILLISECONDS);
        assertThat(buffer.offer(txnOf(4_000), 10, TimeUnit.MILLISECONDS)).as("taken is not applied yet").isFalse();
        buffer.release(List.of(taken));
        assertThat(buffer.offer(txnOf(4_000), 10, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(usage.peakMemoryBytes()).isEqualTo(8_000);
        assertThat(usage.memoryBytes()).isEqualTo(8_000);
    }

    @Test
    void aBatchHeldOpenForAChunkDoesNotBlockTheReaderWithWhatItTook() throws Exception {
        TransactionBuffer buffer = new TransactionBuffer(1000, 10_000, usage);
        assertThat(buffer.offer(txnOf(6_000), 0, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(buffer.offer(txnOf(3_000), 0, TimeUnit.MILLISECONDS)).isTrue();
        buffer.poll();
        buffer.poll();
        // the reader waits for room the held batch would only free at its commit, which waits for the reader
        java.util.concurrent.CompletableFuture<Boolean> reader = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return buffer.offer(txnOf(4_000), 30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(buffer::full);
        assertThat(reader).isNotDone();

        buffer.holdOpen(true);
        assertThat(reader.get(30, TimeUnit.SECONDS)).as("the reader goes on to the high watermark").isTrue();
        assertThat(buffer.offer(txnOf(7_000), 0, TimeUnit.MILLISECONDS))
                .as("queued bytes still count while the batch is held").isFalse();

        buffer.holdOpen(false);
        buffer.poll();
        assertThat(buffer.offer(txnOf(100), 0, TimeUnit.MILLISECONDS)).as("taken bytes count again").isFalse();
        buffer.release(List.of());
        assertThat(buffer.offer(txnOf(100), 0, TimeUnit.MILLISECONDS)).isTrue();
    }

    @Test
    void aTransactionLargerThanTheBufferGoesInAlone() throws Exception {
        TransactionBuffer buffer = new TransactionBuffer(1000, 10_000, usage);
        Transaction huge = txnOf(50_000);
        assertThat(buffer.offer(huge, 0, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(buffer.offer(txnOf(100), 0, TimeUnit.MILLISECONDS)).isFalse();
        buffer.release(List.of(buffer.poll()));
        assertThat(buffer.offer(txnOf(100), 0, TimeUnit.MILLISECONDS)).isTrue();
    }

    @Test
    void theBufferAlsoBoundsTheNumberOfTransactions() throws Exception {
        TransactionBuffer buffer = new TransactionBuffer(2, 1L << 30, usage);
        assertThat(buffer.offer(txnOf(10), 0, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(buffer.offer(txnOf(10), 0, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(buffer.offer(txnOf(10), 0, TimeUnit.MILLISECONDS)).isFalse();
        buffer.poll();
        assertThat(buffer.offer(txnOf(10), 0, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(buffer.size()).isEqualTo(2);
    }

    private static Transaction txnOf(long bytes) {
        return new Transaction(List.of(), END, AT, null, null, bytes);
    }
}

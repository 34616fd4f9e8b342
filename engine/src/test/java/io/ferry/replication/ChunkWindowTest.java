package io.ferry.replication;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The window logic of one chunk (DBLog): which of the chunk's rows the high watermark emits. */
class ChunkWindowTest {
    private static final TableId T = new TableId("shop", "orders");
    private static final TableId OTHER = new TableId("shop", "customers");
    private static final BinlogPosition AT = BinlogPosition.of("bin.000001", 4);

    private static Object[] row(long id, String v) {
        return new Object[]{id, v};
    }

    private static ChunkWindow chunk(long... ids) {
        List<Object[]> rows = new java.util.ArrayList<>();
        for (long id : ids) {
            rows.add(row(id, "read " + id));
        }
        return new ChunkWindow(T, new int[]{0}, rows);
    }

    private static RowChange insert(TableId t, long id) {
        return new RowChange(t, Operation.INSERT, null, row(id, "new"), AT, Instant.EPOCH);
    }

    private static RowChange update(long from, long to) {
        return new RowChange(T, Operation.UPDATE, row(from, "old"), row(to, "new"), AT, Instant.EPOCH);
    }

    private static RowChange delete(long id) {
        return new RowChange(T, Operation.DELETE, row(id, "old"), null, AT, Instant.EPOCH);
    }

    private static List<Long> ids(List<Object[]> rows) {
        return rows.stream().map(r -> (Long) r[0]).toList();
    }

    @Test
    void withoutChangesInTheWindowEveryRowReadIsEmitted() {
        ChunkWindow w = chunk(1, 2, 3);
        w.open();
        assertThat(ids(w.close())).containsExactly(1L, 2L, 3L);
        assertThat(w.state()).isEqualTo(ChunkWindow.State.CLOSED);
    }

    @Test
    void keysChangedInTheWindowAreLeftToTheStream() {
        ChunkWindow w = chunk(1, 2, 3, 4, 5, 6);
        w.open();
        w.onChange(update(2, 2));
        w.onChange(delete(3));
        w.onChange(update(4, 40)); // a key change: both the old and the new key are the stream's
        w.onChange(insert(T, 7)); // not in the chunk: nothing to take out
        w.onChange(insert(OTHER, 5)); // another table's key 5 is not this table's
        assertThat(ids(w.close())).containsExactly(1L, 5L, 6L);
    }

    @Test
    void changesBeforeTheLowWatermarkDoNotCount() {
        ChunkWindow w = chunk(1, 2);
        w.onChange(update(1, 1)); // before low: the SELECT saw its result
        w.onChange(delete(2));
        w.open();
        assertThat(ids(w.close())).containsExactly(1L, 2L);
    }

    @Test
    void theEmittedRowsAreTheValuesTheSelectRead() {
        ChunkWindow w = chunk(8);
        w.open();
        assertThat(w.close().get(0)[1]).isEqualTo("read 8");
        assertThat(w.rowsRead()).isEqualTo(1);
    }

    @Test
    void binaryKeysCompareByContent() {
        ChunkWindow w = new ChunkWindow(T, new int[]{0}, new java.util.ArrayList<>(List.of(
                new Object[]{new byte[]{1, 2}, "a"}, new Object[]{new byte[]{3}, "b"})));
        w.open();
        w.onChange(new RowChange(T, Operation.DELETE, new Object[]{new byte[]{1, 2}, "a"}, null, AT, Instant.EPOCH));
        assertThat(w.close()).hasSize(1).allSatisfy(r -> assertThat((byte[]) r[0]).containsExactly(3));
    }

    @Test
    void aWindowClosesOnlyAfterItOpened() {
        assertThatThrownBy(() -> chunk(1).close()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shop.orders");
    }

    @Test
    void readOnlyWatermarksArePassedByGtidPerDomainOrByFileAndOffset() {
        BinlogPosition mark = BinlogPosition.parse("bin.000002:500 gtid=0-1-10,1-1-3");
        assertThat(PositionWatermarks.reached(BinlogPosition.parse("bin.000002:400 gtid=0-1-10,1-1-3"), mark)).isTrue();
        assertThat(PositionWatermarks.reached(BinlogPosition.parse("bin.000002:600 gtid=0-1-11,1-1-2"), mark)).isFalse();
        assertThat(PositionWatermarks.reached(BinlogPosition.parse("bin.000002:600 gtid=0-1-11"), mark)).isFalse();
        assertThat(PositionWatermarks.reached(BinlogPosition.parse("bin.000001:900"), BinlogPosition.parse("bin.000002:4"))).isFalse();
        assertThat(PositionWatermarks.reached(BinlogPosition.parse("bin.000002:4"), BinlogPosition.parse("bin.000002:4"))).isTrue();
    }

    @Test
    void theProgressKeepsItsCopyTablesAndCountsAcrossTheCheckpoint() {
        TableId a = new TableId("s", "a");
        TableId b = new TableId("s", "b");
        List<TableId> order = List.of(a, b);
        SnapshotProgress p = new SnapshotProgress(a, null, null, Set.of(a, b), 0, 0).after(new Object[]{42L}, 1000);
        String text = p.serialize(new ValueKind[]{ValueKind.INTEGER});
        SnapshotProgress back = SnapshotProgress.parse(text, t -> new ValueKind[]{ValueKind.INTEGER});
        assertThat(back.afterKey()).containsExactly(42L);
        assertThat(back.copy()).containsExactlyInAnyOrder(a, b);
        assertThat(back.rows()).isEqualTo(1000);
        assertThat(back.chunks()).isEqualTo(1);
        assertThat(back.touched(List.of(b)).copy()).containsExactly(a);
        assertThat(back.touched(List.of(new TableId("s", "x")))).isSameAs(back);
        SnapshotProgress next = back.next(order);
        assertThat(next.table()).isEqualTo(b);
        assertThat(next.copy()).containsExactly(b);
        assertThat(next.rows()).isZero();
        assertThat(next.next(order).done()).isTrue();
        // an old checkpoint's progress (before watermarks) still reads, merging its chunks
        SnapshotProgress old = SnapshotProgress.parse("{\"table\":\"s.b\",\"after\":[\"7\"]}", t -> new ValueKind[]{ValueKind.INTEGER});
        assertThat(old.afterKey()).containsExactly(7L);
        assertThat(old.copy()).isEmpty();
    }

    @Test
    void aReloadQueuesTheTableAfterThoseStillToLoad() {
        TableId a = new TableId("s", "a");
        TableId b = new TableId("s", "b");
        TableId c = new TableId("s", "c");
        List<TableId> order = List.of(a, b, c);
        SnapshotProgress streaming = new SnapshotProgress(null, null);
        SnapshotProgress reload = streaming.andThen(b, order);
        assertThat(reload.table()).isEqualTo(b);
        assertThat(reload.copy()).containsExactly(b);
        assertThat(reload.next(order).done()).isTrue();
        SnapshotProgress loadingB = new SnapshotProgress(b, new Object[]{5L});
        SnapshotProgress thenA = loadingB.andThen(a, order);
        assertThat(thenA.pending(c, order)).isTrue();
        assertThat(thenA.next(order).table()).isEqualTo(c);
        assertThat(thenA.next(order).next(order).table()).isEqualTo(a);
        assertThat(thenA.next(order).next(order).next(order).done()).isTrue();
    }
}

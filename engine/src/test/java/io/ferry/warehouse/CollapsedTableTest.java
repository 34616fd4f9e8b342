package io.ferry.warehouse;

import io.ferry.replication.BinlogPosition;
import io.ferry.replication.ColumnSchema;
import io.ferry.replication.Operation;
import io.ferry.replication.RowChange;
import io.ferry.replication.TableId;
import io.ferry.replication.TableSchema;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CollapsedTableTest {
    private static final TableId T = TableId.parse("shop.t");
    private static final TableSchema SCHEMA = new TableSchema(T, List.of(
            new ColumnSchema("id", "int", "int(11)", false, null, null, null, null, null, false),
            new ColumnSchema("v", "varchar", "varchar(10)", true, 10L, null, null, null, "utf8mb4", false)), List.of("id"));

    private long seq;

    private static RowChange change(Operation op, Object[] before, Object[] after) {
        return new RowChange(T, op, before, after, BinlogPosition.of("b.000001", 4), Instant.EPOCH);
    }

    private static Object[] row(long id, String v) {
        return new Object[]{id, v};
    }

    @Test
    void keepsTheLastStatePerKey() {
        CollapsedTable t = new CollapsedTable(SCHEMA);
        t.add(change(Operation.INSERT, null, row(1, "a")), ++seq);
        t.add(change(Operation.UPDATE, row(1, "a"), row(1, "b")), ++seq);
        t.add(change(Operation.INSERT, null, row(2, "x")), ++seq);
        t.add(change(Operation.DELETE, row(2, "x"), null), ++seq);
        t.add(change(Operation.DELETE, row(3, "old"), null), ++seq);
        t.add(change(Operation.INSERT, null, row(3, "again")), ++seq);
        assertThat(t.changeCount()).isEqualTo(6);
        assertThat(t.rows()).extracting(r -> r.values()[0] + "=" + r.values()[1] + (r.deleted() ? " deleted" : ""))
                .containsExactlyInAnyOrder("1=b", "2=x deleted", "3=again");
    }

    @Test
    void aKeyChangeDeletesTheOldKey() {
        CollapsedTable t = new CollapsedTable(SCHEMA);
        t.add(change(Operation.UPDATE, row(1, "a"), row(100, "a")), ++seq);
        t.add(change(Operation.UPDATE, row(2, "b"), row(1, "b")), ++seq); // another row takes the freed key
        assertThat(t.rows()).extracting(r -> r.values()[0] + "=" + r.values()[1] + (r.deleted() ? " deleted" : ""))
                .containsExactlyInAnyOrder("1=b", "100=a", "2=b deleted");
    }

    @Test
    void remembersWhenAKeyWasLastDeletedEvenIfItCameBack() {
        CollapsedTable t = new CollapsedTable(SCHEMA);
        t.add(change(Operation.DELETE, row(1, "a"), null), ++seq);
        t.add(change(Operation.INSERT, null, row(1, "again")), ++seq);
        t.add(change(Operation.UPDATE, row(2, "b"), row(3, "b")), ++seq); // a key change is not a delete
        assertThat(t.deleteCount()).isEqualTo(1);
        assertThat(t.rows()).extracting(r -> r.values()[0] + ":" + r.seq() + ":" + r.deleteSeq())
                .containsExactlyInAnyOrder("1:2:1", "2:3:0", "3:3:0");
    }

    @Test
    void binaryKeysCompareByContent() {
        TableSchema bin = new TableSchema(T, List.of(new ColumnSchema("id", "varbinary", "varbinary(4)", false, null, null, null, null, null, false)),
                List.of("id"));
        CollapsedTable t = new CollapsedTable(bin);
        t.add(change(Operation.INSERT, null, new Object[]{new byte[]{1, 2}}), ++seq);
        t.add(change(Operation.DELETE, new Object[]{new byte[]{1, 2}}, null), ++seq);
        assertThat(t.size()).isEqualTo(1);
        assertThat(t.rows().iterator().next().deleted()).isTrue();
    }

    @Test
    void aReferencedTableKeepsEveryDeletionAndKeyChangeInOrderForTheCascades() {
        CollapsedTable t = new CollapsedTable(SCHEMA, List.of(List.of("id"), List.of("v")));
        t.add(change(Operation.INSERT, null, row(1, "a")), 1);
        t.add(change(Operation.UPDATE, row(1, "a"), row(1, "b")), 2);   // the unique key v changes
        t.add(change(Operation.UPDATE, row(1, "b"), row(2, "b")), 3);   // the primary key changes
        t.add(change(Operation.UPDATE, row(2, "b"), row(2, "b")), 4);   // nothing referenced changes
        t.add(change(Operation.DELETE, row(2, "b"), null), 5);
        t.add(change(Operation.DELETE, row(3, null), null), 6);         // no child can reference a NULL v
        assertThat(t.keyEvents().of(new int[]{0})).extracting(e -> e.seq() + (e.isDelete() ? " deleted" : " → " + e.after()[0]))
                .containsExactly("3 → 2", "5 deleted", "6 deleted");
        assertThat(t.keyEvents().of(new int[]{1})).extracting(e -> e.seq() + (e.isDelete() ? " deleted" : " → " + e.after()[1]))
                .containsExactly("2 → b", "5 deleted");
        assertThat(new CollapsedTable(SCHEMA).keyEvents()).as("not referenced: nothing kept").isNull();
    }
}

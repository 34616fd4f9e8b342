package io.ferry.replication;

import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.MariadbGtidEventData;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventMetadata;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.event.XidEventData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The assembler on event sequences as MariaDB writes them (GTID, TABLE_MAP, rows, XID; DDL on its own). */
class TransactionAssemblerTest {
    private static final TableId ORDERS = TableId.parse("shop.orders");
    private static final TableSchema SCHEMA = new TableSchema(ORDERS, List.of(
            Columns.notNull("id", "int", "int(11)"),
            Columns.text("note", "varchar", "varchar(20)", 20, "utf8mb4")), List.of("id"));

    private final List<Transaction> out = new ArrayList<>();
    private TransactionAssembler assembler;
    private long offset = 4;
    private long serverId;

    @BeforeEach
    void setUp() throws InterruptedException {
        assembler = new TransactionAssembler(BinlogPosition.of("bin.000001", 4),
                t -> t.equals(ORDERS) ? SCHEMA : null, out::add);
        RotateEventData rotate = new RotateEventData();
        rotate.setBinlogFilename("bin.000002");
        rotate.setBinlogPosition(4);
        feed(EventType.ROTATE, rotate);
    }

    @Test
    void aTransactionIsHandedOverWholeAtItsXidWithThePositionAfterIt() throws InterruptedException {
        gtid(0, 1, 41, 0);
        tableMap(7, "shop", "orders", List.of("id", "note"));
        write(7, row(1, "a"), row(2, "b"));
        assertThat(out).as("nothing before the commit").isEmpty();
        update(7, row(1, "a"), row(1, "a2"));
        delete(7, row(2, "b"));
        long xidEnd = xid();

        assertThat(out).hasSize(1);
        Transaction txn = out.get(0);
        assertThat(txn.end()).isEqualTo(new BinlogPosition("bin.000002", xidEnd, List.of(new MariaDbGtid(0, 1, 41))));
        assertThat(txn.changes()).extracting(RowChange::operation)
                .containsExactly(Operation.INSERT, Operation.INSERT, Operation.UPDATE, Operation.DELETE);
        assertThat(txn.changes().get(2).after()).containsExactly(1L, "a2");
        assertThat(txn.changes()).allMatch(c -> c.position().equals(txn.end()));
        assertThat(assembler.position()).isEqualTo(txn.end());
    }

    @Test
    void otherTablesAreLeftOutButTheirTransactionsStillMoveThePosition() throws InterruptedException {
        gtid(0, 1, 42, 0);
        tableMap(8, "shop", "audit", List.of("x"));
        write(8, new Serializable[]{5});
        long end = xid();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).isEmpty()).isTrue();
        assertThat(out.get(0).end().offset()).isEqualTo(end);
    }

    @Test
    void aDdlIsATransactionWithoutChanges() throws InterruptedException {
        gtid(0, 1, 43, MariadbGtidEventData.FL_STANDALONE | MariadbGtidEventData.FL_DDL);
        QueryEventData ddl = new QueryEventData();
        ddl.setSql("CREATE TABLE shop.x (id INT PRIMARY KEY)");
        long end = feed(EventType.QUERY, ddl);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).end().offset()).isEqualTo(end);
        assertThat(out.get(0).end().gtidList()).isEqualTo("0-1-43");
    }

    @Test
    void aMySqlStyleBeginCommitTransactionIsWholeToo() throws InterruptedException {
        QueryEventData begin = new QueryEventData();
        begin.setSql("BEGIN");
        feed(EventType.QUERY, begin);
        tableMap(7, "shop", "orders", List.of("id", "note"));
        write(7, row(3, "c"));
        QueryEventData commit = new QueryEventData();
        commit.setSql("COMMIT");
        feed(EventType.QUERY, commit);
        assertThat(out).singleElement().satisfies(t -> assertThat(t.changes()).hasSize(1));
    }

    @Test
    void anEventTheClientCouldNotDecodeInsideATransactionStopsTheStream() throws InterruptedException {
        gtid(0, 1, 44, 0);
        assertThatThrownBy(() -> feed(EventType.UNKNOWN, null))
                .isInstanceOf(UnsupportedBinlogException.class).hasMessageContaining("log_bin_compress");
        assertThatThrownBy(() -> feed(EventType.PARTIAL_UPDATE_ROWS_EVENT, null))
                .isInstanceOf(UnsupportedBinlogException.class).hasMessageContaining("PARTIAL_JSON");
    }

    @Test
    void aTableMapThatDoesNotMatchTheKnownSchemaStopsTheStream() {
        assertThatThrownBy(() -> tableMap(7, "shop", "orders", List.of("id", "note", "added")))
                .isInstanceOf(SchemaChangedException.class).hasMessageContaining("shop.orders").hasMessageContaining("3 columns");
        assertThatThrownBy(() -> tableMap(7, "shop", "orders", List.of("id", "renamed")))
                .isInstanceOf(SchemaChangedException.class).hasMessageContaining("renamed");
    }

    @Test
    void aDdlOnAReplicatedTableCarriesItsSchemaChangeAndTheRowsAfterItDecodeWithTheNewSchema() throws InterruptedException {
        io.ferry.replication.schema.SchemaHistory history = new io.ferry.replication.schema.SchemaHistory();
        history.record(ORDERS, BinlogPosition.of("bin.000001", 4), SCHEMA, null);
        io.ferry.replication.schema.SchemaTracker tracker = new io.ferry.replication.schema.SchemaTracker(history,
                TableFilter.parse("shop.*"), true, t -> "utf8mb4");
        assembler = new TransactionAssembler(BinlogPosition.of("bin.000002", 4), tracker::schemaOf, tracker::onStatement, out::add);

        gtid(0, 1, 50, 0);
        tableMap(7, "shop", "orders", List.of("id", "note"));
        write(7, row(1, "a"));
        xid();
        gtid(0, 1, 51, MariadbGtidEventData.FL_STANDALONE | MariadbGtidEventData.FL_DDL);
        QueryEventData ddl = new QueryEventData();
        ddl.setDatabase("shop");
        ddl.setSql("ALTER TABLE orders ADD COLUMN qty INT UNSIGNED");
        long ddlEnd = feed(EventType.QUERY, ddl);
        gtid(0, 1, 52, 0);
        tableMap(9, "shop", "orders", List.of("id", "note", "qty"));
        write(9, new Serializable[]{2, "b".getBytes(StandardCharsets.UTF_8), -1});
        xid();

        assertThat(out).hasSize(3);
        assertThat(out.get(0).changes().get(0).after()).containsExactly(1L, "a");
        assertThat(out.get(0).schemaChange()).isNull();
        assertThat(out.get(1).schemaChange().at()).isEqualTo(out.get(1).end());
        assertThat(out.get(1).end().offset()).isEqualTo(ddlEnd);
        assertThat(out.get(1).schemaChange().versions()).singleElement()
                .satisfies(v -> assertThat(v.schema().columnNames()).containsExactly("id", "note", "qty"));
        assertThat(out.get(2).changes().get(0).after()).as("unsigned, decoded with the new schema").containsExactly(2L, "b", 4294967295L);
        assertThat(history.inForceAt(ORDERS, out.get(0).end()).columnNames()).containsExactly("id", "note");
    }

    private static Serializable[] row(int id, String note) {
        return new Serializable[]{id, note.getBytes(StandardCharsets.UTF_8)};
    }

    private static BitSet all(int n) {
        BitSet b = new BitSet();
        b.set(0, n);
        return b;
    }

    private void gtid(long domain, long server, long seq, int flags) throws InterruptedException {
        MariadbGtidEventData g = new MariadbGtidEventData();
        g.setDomainId(domain);
        g.setSequence(seq);
        g.setFlags(flags);
        serverId = server; // as MariaDB sends it: in the event header, not in the GTID event's data
        feed(EventType.MARIADB_GTID, g);
        serverId = 0;
    }

    private void tableMap(long number, String db, String table, List<String> columns) throws InterruptedException {
        TableMapEventData map = new TableMapEventData();
        map.setTableId(number);
        map.setDatabase(db);
        map.setTable(table);
        map.setColumnTypes(new byte[columns.size()]);
        TableMapEventMetadata meta = new TableMapEventMetadata();
        meta.setColumnNames(columns);
        map.setEventMetadata(meta);
        feed(EventType.TABLE_MAP, map);
    }

    private void write(long table, Serializable[]... rows) throws InterruptedException {
        WriteRowsEventData data = new WriteRowsEventData();
        data.setTableId(table);
        data.setIncludedColumns(all(rows[0].length));
        data.setRows(List.of(rows));
        feed(EventType.EXT_WRITE_ROWS, data);
    }

    private void update(long table, Serializable[] before, Serializable[] after) throws InterruptedException {
        UpdateRowsEventData data = new UpdateRowsEventData();
        data.setTableId(table);
        data.setIncludedColumnsBeforeUpdate(all(before.length));
        data.setIncludedColumns(all(after.length));
        data.setRows(List.<Map.Entry<Serializable[], Serializable[]>>of(new AbstractMap.SimpleEntry<>(before, after)));
        feed(EventType.EXT_UPDATE_ROWS, data);
    }

    private void delete(long table, Serializable[] before) throws InterruptedException {
        DeleteRowsEventData data = new DeleteRowsEventData();
        data.setTableId(table);
        data.setIncludedColumns(all(before.length));
        data.setRows(List.<Serializable[]>of(before));
        feed(EventType.EXT_DELETE_ROWS, data);
    }

    private long xid() throws InterruptedException {
        XidEventData xid = new XidEventData();
        xid.setXid(1);
        return feed(EventType.XID, xid);
    }

    /** Feeds one event as the next in the file; returns its end offset. */
    private long feed(EventType type, EventData data) throws InterruptedException {
        EventHeaderV4 header = new EventHeaderV4();
        header.setEventType(type);
        header.setTimestamp(1_700_000_000_000L);
        header.setServerId(serverId);
        offset += 100;
        header.setNextPosition(offset);
        assembler.accept(new Event(header, data));
        return offset;
    }
}

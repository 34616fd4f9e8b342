package io.ferry.replication;

import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.MariadbGtidEventData;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;

import io.ferry.replication.schema.SchemaChange;

import java.io.Serializable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the binlog's event stream into whole {@link Transaction}s: a transaction starts with a MariaDB GTID
 * event or a {@code BEGIN} query, collects the row events of the selected tables (decoded with the schema Ferry
 * holds), and ends at its XID (or {@code COMMIT} query, for non-transactional tables); a DDL is a transaction
 * without changes. Every transaction carries the position just after its end, so that a restart from it neither
 * repeats nor skips anything. Events the client could not decode inside a transaction, and MySQL partial JSON
 * updates, stop the stream instead of being skipped. Not thread-safe: fed by the binlog client's one thread.
 */
public final class TransactionAssembler {
    /** Where assembled transactions go; may block (that is the backpressure on the binlog reader). */
    @FunctionalInterface
    public interface Sink {
        void accept(Transaction transaction) throws InterruptedException;
    }

    /** The schemas of the selected tables; a table not in it is not replicated. */
    @FunctionalInterface
    public interface Schemas {
        TableSchema schemaOf(TableId table);
    }

    /** Follows the statements logged on their own (DDL); returns what they changed in the replicated tables, or null. */
    @FunctionalInterface
    public interface Statements {
        SchemaChange onStatement(String database, String sql, BinlogPosition end);
    }

    private record MappedTable(TableId id, RowDecoder decoder) {
    }

    private final Schemas schemas;
    private final Sink sink;
    private final Statements statements;
    private SchemaChange schemaChange;
    private final ZeroDatePolicy zeroDates;
    private final Map<Long, MappedTable> tableMaps = new HashMap<>();
    private final PendingChanges pending;
    private BinlogPosition position;
    private boolean inTransaction;
    private boolean standalone;

    public TransactionAssembler(BinlogPosition start, Schemas schemas, Sink sink) {
        this(start, schemas, sink, ZeroDatePolicy.FAIL);
    }

    public TransactionAssembler(BinlogPosition start, Schemas schemas, Sink sink, ZeroDatePolicy zeroDates) {
        this(start, schemas, (database, sql, end) -> null, sink, zeroDates);
    }

    /** An assembler that hands every statement logged on its own to {@code statements} (the schema history). */
    public TransactionAssembler(BinlogPosition start, Schemas schemas, Statements statements, Sink sink) {
        this(start, schemas, statements, sink, ZeroDatePolicy.FAIL);
    }

    public TransactionAssembler(BinlogPosition start, Schemas schemas, Statements statements, Sink sink, ZeroDatePolicy zeroDates) {
        this(start, schemas, statements, sink, zeroDates, null, 0);
    }

    /** Spills a transaction to {@code spill} once its changes pass {@code spillThresholdBytes} (null: never). */
    public TransactionAssembler(BinlogPosition start, Schemas schemas, Statements statements, Sink sink, ZeroDatePolicy zeroDates,
                                SpillSpace spill, long spillThresholdBytes) {
        this.position = Objects.requireNonNull(start, "start");
        this.schemas = schemas;
        this.statements = statements;
        this.sink = sink;
        this.zeroDates = zeroDates;
        this.pending = new PendingChanges(spill, spillThresholdBytes);
    }

    /** The position after the last transaction handed to the sink. */
    public BinlogPosition position() {
        return position;
    }

    public void accept(Event event) throws InterruptedException {
        EventHeaderV4 header = event.getHeader();
        EventType type = header.getEventType();
        switch (type) {
            case ROTATE -> {
                RotateEventData rotate = event.getData();
                position = position.at(rotate.getBinlogFilename(), Math.max(4, rotate.getBinlogPosition()));
            }
            case MARIADB_GTID -> {
                MariadbGtidEventData gtid = event.getData();
                begin();
                standalone = (gtid.getFlags() & MariadbGtidEventData.FL_STANDALONE) != 0;
                // The GTID's server id is the event header's: the client leaves the event data's at 0.
                position = position.withGtid(new MariaDbGtid(gtid.getDomainId(), header.getServerId(), gtid.getSequence()));
            }
            case GTID -> {
                // MySQL: the GTID precedes BEGIN; the transaction's end position carries it in the executed set
                com.github.shyiko.mysql.binlog.event.MySqlGtid gtid = ((com.github.shyiko.mysql.binlog.event.GtidEventData) event.getData()).getMySqlGtid();
                position = position.withMySqlGtid(gtid.getTag() == null || gtid.getTag().isEmpty() ? gtid.getServerId().toString()
                        : gtid.getServerId() + ":" + gtid.getTag(), gtid.getTransactionId());
            }
            case QUERY -> query(event.getData(), header);
            case TABLE_MAP -> tableMap(event.getData());
            case WRITE_ROWS, EXT_WRITE_ROWS -> write(event.getData());
            case UPDATE_ROWS, EXT_UPDATE_ROWS -> update(event.getData());
            case DELETE_ROWS, EXT_DELETE_ROWS -> delete(event.getData());
            case XID -> commit(header);
            case PARTIAL_UPDATE_ROWS_EVENT -> throw new UnsupportedBinlogException("The source writes partial JSON updates "
                    + "(binlog_row_value_options=PARTIAL_JSON), which the binlog client cannot decode. Set "
                    + "binlog_row_value_options='' on the source.");
            case TRANSACTION_PAYLOAD -> throw new UnsupportedBinlogException("The source compresses its binlog transactions "
                    + "(binlog_transaction_compression=ON), which Ferry does not decode yet. Turn it off on the source.");
            case UNKNOWN, PRE_GA_WRITE_ROWS, PRE_GA_UPDATE_ROWS, PRE_GA_DELETE_ROWS -> {
                if (inTransaction) {
                    throw new UnsupportedBinlogException("The binlog has an event the client cannot decode inside the "
                            + "transaction ending after " + position + " (MariaDB compressed binlog, log_bin_compress=ON?). "
                            + "Ferry will not skip it: turn log_bin_compress off on the source.");
                }
            }
            default -> {
                // FORMAT_DESCRIPTION, ANNOTATE_ROWS, BINLOG_CHECKPOINT, GTID lists, heartbeats: nothing to replicate.
            }
        }
    }

    private void begin() {
        inTransaction = true;
        standalone = false;
        pending.clear();
    }

    private void query(QueryEventData query, EventHeaderV4 header) throws InterruptedException {
        String sql = query.getSql().trim();
        if (sql.equalsIgnoreCase("BEGIN")) {
            if (!inTransaction) {
                begin();
            }
        } else if (sql.equalsIgnoreCase("COMMIT")) {
            commit(header);
        } else if (!inTransaction || standalone) {
            // DDL and other statements logged on their own: a transaction with no row changes (and maybe a schema change).
            schemaChange = statements.onStatement(query.getDatabase(), sql, position.at(position.file(), header.getNextPosition()));
            commit(header);
        }
    }

    private void tableMap(TableMapEventData map) {
        TableId id = new TableId(map.getDatabase(), map.getTable());
        TableSchema schema = schemas.schemaOf(id);
        if (schema == null) {
            tableMaps.put(map.getTableId(), new MappedTable(id, null));
            return;
        }
        List<String> names = map.getEventMetadata() != null ? map.getEventMetadata().getColumnNames() : null;
        tableMaps.put(map.getTableId(), new MappedTable(id,
                RowDecoder.forTableMap(schema, map.getColumnTypes().length, names, position, zeroDates)));
    }

    private MappedTable mapped(long tableNumber) {
        MappedTable table = tableMaps.get(tableNumber);
        if (table == null) {
            throw new IllegalStateException("A row event refers to table number " + tableNumber
                    + " without a TABLE_MAP event before it (after " + position + ")");
        }
        if (!inTransaction) {
            begin();
        }
        return table;
    }

    private void write(WriteRowsEventData data) {
        MappedTable t = mapped(data.getTableId());
        if (t.decoder() != null) {
            for (Serializable[] row : data.getRows()) {
                pending.add(t.id(), Operation.INSERT, null, t.decoder().decode(row, data.getIncludedColumns()));
            }
        }
    }

    private void update(UpdateRowsEventData data) {
        MappedTable t = mapped(data.getTableId());
        if (t.decoder() != null) {
            for (Map.Entry<Serializable[], Serializable[]> row : data.getRows()) {
                pending.add(t.id(), Operation.UPDATE,
                        t.decoder().decodeBefore(row.getKey(), data.getIncludedColumnsBeforeUpdate()),
                        t.decoder().decode(row.getValue(), data.getIncludedColumns()));
            }
        }
    }

    private void delete(DeleteRowsEventData data) {
        MappedTable t = mapped(data.getTableId());
        if (t.decoder() != null) {
            for (Serializable[] row : data.getRows()) {
                pending.add(t.id(), Operation.DELETE, t.decoder().decodeBefore(row, data.getIncludedColumns()), null);
            }
        }
    }

    private void commit(EventHeaderV4 header) throws InterruptedException {
        position = position.at(position.file(), header.getNextPosition());
        Instant commitTime = Instant.ofEpochMilli(header.getTimestamp());
        SchemaChange change = schemaChange;
        schemaChange = null;
        Transaction transaction = pending.finish(position, commitTime, change);
        inTransaction = false;
        standalone = false;
        sink.accept(transaction);
    }
}

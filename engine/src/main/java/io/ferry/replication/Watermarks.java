package io.ferry.replication;

import java.sql.SQLException;

/**
 * How the bounds of a chunk's window are marked in the binlog stream: the low mark is set before the chunk's SELECT,
 * the high mark after it, and the stream tells when it has passed each. Two kinds: rows written to a watermark table
 * on the source ({@link TableWatermarks}), or, on a read-only source, the executed GTID position read before and
 * after ({@link PositionWatermarks}).
 */
interface Watermarks {
    /** Sets the low (before the SELECT) or high (after it) mark of the chunk {@code chunkId}; returns the mark. */
    Object mark(String chunkId, boolean low) throws SQLException;

    /** Whether the stream, having read {@code txn}, has passed {@code mark}. */
    boolean passed(Object mark, Transaction txn);

    /** Whether the stream was already past {@code mark} at {@code consumed} (before reading on). */
    boolean passed(Object mark, BinlogPosition consumed);

    /** The transaction without the watermark rows, which are no data (the same object when it has none). */
    Transaction strip(Transaction txn);

    /** The schema of a watermark table the stream must decode, or null for any other table. */
    TableSchema schemaOf(TableId table);

    /** For the log: what serves as the watermark. */
    String describe();
}

package io.ferry.replication;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Watermarks for a read-only source (a replica; Debezium's read-only incremental snapshot): nothing is written; the
 * source's binlog position is read before the SELECT (low) and after it (high). On MariaDB the stream has passed a
 * mark once, in every GTID domain of the mark ({@code @@gtid_binlog_pos}), it has read a transaction with that
 * sequence number or a later one; without GTIDs (MySQL, whose GTID sets Ferry does not track yet) by binlog file and
 * offset, which are exact for the binlog being read.
 *
 * <p>Why this is enough: a transaction the SELECT did not see committed after the low mark was read, so it is in the
 * window; a transaction it saw was in the binlog before the high mark was read (InnoDB commits after the binlog write).
 */
final class PositionWatermarks implements Watermarks {
    private final Connection source;

    PositionWatermarks(Connection source) {
        this.source = source;
    }

    @Override
    public Object mark(String chunkId, boolean low) throws SQLException {
        return SourcePositions.head(source);
    }

    @Override
    public boolean passed(Object mark, Transaction txn) {
        return passed(mark, txn.end());
    }

    @Override
    public boolean passed(Object mark, BinlogPosition consumed) {
        return reached(consumed, (BinlogPosition) mark);
    }

    static boolean reached(BinlogPosition stream, BinlogPosition mark) {
        if (mark.gtids().isEmpty() || stream.gtids().isEmpty()) {
            return stream.compareTo(mark) >= 0;
        }
        Map<Long, Long> seen = new HashMap<>();
        stream.gtids().forEach(g -> seen.put(g.domain(), g.sequence()));
        for (MariaDbGtid g : mark.gtids()) {
            Long s = seen.get(g.domain());
            if (s == null || s < g.sequence()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Transaction strip(Transaction txn) {
        return txn;
    }

    @Override
    public TableSchema schemaOf(TableId table) {
        return null;
    }

    @Override
    public String describe() {
        return "the source's executed GTID position (read-only watermarks)";
    }
}

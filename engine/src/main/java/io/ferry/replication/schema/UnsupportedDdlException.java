package io.ferry.replication.schema;

import io.ferry.replication.BinlogPosition;
import io.ferry.replication.TableId;

/** A DDL on a replicated table that Ferry cannot repeat in the warehouse: the job stops and says what to do. */
public final class UnsupportedDdlException extends IllegalStateException {
    public UnsupportedDdlException(TableId table, String ddl, BinlogPosition at, String reason) {
        super("Ferry cannot follow the statement on the replicated table " + table + " at binlog position " + at + ": "
                + oneLine(ddl) + " (" + reason + "). To go on, exclude " + table + " from the job's tables, or replicate it "
                + "anew: delete the job's row in ferry_replication.checkpoint (and ferry_replication.schema_history) in the "
                + "warehouse and start the job again with target preparation drop-and-create.");
    }

    static String oneLine(String sql) {
        String s = sql.replaceAll("\\s+", " ").trim();
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}

package io.ferry.replication;

/**
 * The binlog describes a table differently from the schema Ferry's schema history holds for that position (a DDL
 * Ferry did not see or could not follow): the job stops rather than decode rows with the wrong schema.
 */
public final class SchemaChangedException extends IllegalStateException {
    public SchemaChangedException(TableId table, String detail, BinlogPosition at) {
        super("The schema of " + table + " changed at binlog position " + at + " (" + detail + ") and Ferry's "
                + "schema history does not explain it: exclude the table, or replicate it anew (delete the job's rows in "
                + "ferry_replication.checkpoint and ferry_replication.schema_history, then start with drop-and-create).");
    }
}

package io.ferry.replication;

/**
 * The binlog describes a table differently from the schema Ferry read at start (a DDL happened mid-stream).
 * Schema changes are not handled yet: the job stops rather than decode rows with the wrong schema.
 */
public final class SchemaChangedException extends IllegalStateException {
    public SchemaChangedException(TableId table, String detail, BinlogPosition at) {
        super("The schema of " + table + " changed at binlog position " + at + " (" + detail + "). Ferry does not "
                + "follow schema changes yet: stop the job, re-create the target table and load it again.");
    }
}

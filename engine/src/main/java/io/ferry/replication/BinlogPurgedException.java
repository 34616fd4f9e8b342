package io.ferry.replication;

/**
 * The binlog a job must read from is no longer on the source: the changes in it are lost to Ferry, and streaming
 * from a later file would skip them silently. The message names the file and the way out.
 */
public final class BinlogPurgedException extends IllegalStateException {
    public BinlogPurgedException(String job, BinlogPosition checkpoint, String detail) {
        super("Job " + job + " must read the binlog from " + checkpoint.file() + " (its checkpoint is " + checkpoint
                + "), but the source no longer has it: " + detail + ". The changes in the purged files cannot be "
                + "replicated. Load the tables again (start the job under a new --job name, or delete its row from "
                + "ferry_replication.checkpoint in the warehouse), and keep binlogs longer on the source "
                + "(binlog_expire_logs_seconds; on RDS, call mysql.rds_set_configuration('binlog retention hours', 24)).");
    }
}

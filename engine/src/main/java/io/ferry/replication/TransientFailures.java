package io.ferry.replication;

import java.io.IOException;
import java.sql.SQLException;

/**
 * Which failures a restart from the checkpoint can cure: lost or refused connections to the source or the warehouse
 * (SQLSTATE class 08, PostgreSQL's 57P admin shutdowns, a database not accepting connections, serialization failures
 * and deadlocks, I/O errors of the binlog stream). Anything else (pre-flight problems, schema changes, undecodable
 * binlog, another engine owning the job, bad data, a transaction larger than the spill disk) needs a person and stops
 * the job.
 */
public final class TransientFailures {
    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PreflightException || t instanceof SchemaChangedException || t instanceof UnsupportedBinlogException
                    || t instanceof BinlogPurgedException
                    || t instanceof io.ferry.warehouse.CheckpointConflictException) {
                return false;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P") || state.equals("40001") || state.equals("40P01")
                        || state.equals("53300")) {
                    return true;
                }
                // ALTER DATABASE ... ALLOW_CONNECTIONS false (maintenance) refuses new sessions with this state,
                // which PostgreSQL also uses for errors a retry cannot cure: only this one is transient.
                if (state.equals("55000") && String.valueOf(sql.getMessage()).contains("not currently accepting connections")) {
                    return true;
                }
            }
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}

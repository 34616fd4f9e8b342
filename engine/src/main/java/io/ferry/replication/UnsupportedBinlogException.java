package io.ferry.replication;

/** The source writes binlog events Ferry cannot decode completely; replicating would lose changes silently. */
public final class UnsupportedBinlogException extends IllegalStateException {
    public UnsupportedBinlogException(String message) {
        super(message);
    }
}

package io.ferry.warehouse;

import io.ferry.replication.TableId;

import java.sql.SQLException;

/**
 * Applying one table's changes failed inside a batch (the batch's transaction was rolled back): names the table, so
 * that an error policy can set it aside and apply the batch again without it. Keeps the cause's SQLSTATE, so a lost
 * connection is still recognised as transient.
 */
public final class TableApplyException extends SQLException {
    private final transient TableId table;

    public TableApplyException(TableId table, Exception cause) {
        super("Applying the changes of " + table + " failed: " + cause.getMessage(),
                cause instanceof SQLException sql ? sql.getSQLState() : null, cause);
        this.table = table;
    }

    public TableId table() {
        return table;
    }
}

package io.ferry.warehouse.redshift;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** How rendered rows reach a Redshift table inside the open transaction: S3 files and COPY, or multi-row INSERTs. */
public interface StagingLoader {
    /**
     * Loads {@code rows} (text per column, null for NULL) into {@code into}.
     *
     * @param columns    the quoted column names, in row order
     * @param parameters per column, the expression a bound text becomes in an INSERT (e.g. {@code CAST(? AS DATE)})
     */
    void load(Connection connection, String into, List<String> columns, List<String> parameters, List<String[]> rows)
            throws SQLException;

    /** Called after the transaction that used the loaded rows committed or rolled back (files can go). */
    default void finished() {
    }
}

package io.ferry.warehouse.redshift;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * Staging without S3: multi-row INSERTs of bound parameters (never literals, so no escaping rules to get wrong),
 * as many rows per statement as keep it under {@value #MAX_PARAMETERS} parameters.
 */
public final class InsertStagingLoader implements StagingLoader {
    static final int MAX_PARAMETERS = 30_000;
    static final int MAX_ROWS = 2_000;

    @Override
    public void load(Connection connection, String into, List<String> columns, List<String> parameters, List<String[]> rows)
            throws SQLException {
        int perStatement = Math.max(1, Math.min(MAX_ROWS, MAX_PARAMETERS / columns.size()));
        int done = 0;
        PreparedStatement full = null;
        try {
            while (done < rows.size()) {
                int n = Math.min(perStatement, rows.size() - done);
                boolean isFull = n == perStatement;
                PreparedStatement st = isFull && full != null ? full
                        : connection.prepareStatement(RedshiftStatements.insertValues(into, columns, parameters, n));
                try {
                    int p = 1;
                    for (int r = done; r < done + n; r++) {
                        for (String value : rows.get(r)) {
                            if (value == null) {
                                st.setNull(p++, Types.VARCHAR);
                            } else {
                                st.setString(p++, value);
                            }
                        }
                    }
                    st.executeUpdate();
                } finally {
                    if (isFull) {
                        full = st;
                    } else {
                        st.close();
                    }
                }
                done += n;
            }
        } finally {
            if (full != null) {
                full.close();
            }
        }
    }
}

package io.ferry.warehouse.redshift;

import io.ferry.replication.TableSchema;
import io.ferry.warehouse.Cascades;
import io.ferry.warehouse.KeyEvents;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Redshift side of {@link Cascades}: session-temporary tables (Redshift has no ON COMMIT DROP, so they are dropped
 * at the end of the apply), events loaded like the staging rows, with values rendered as for the parent's columns.
 */
final class RedshiftCascades implements Cascades.Flavour {
    private final RedshiftDialect dialect;
    private final StagingLoader staging;

    RedshiftCascades(RedshiftDialect dialect, StagingLoader staging) {
        this.dialect = dialect;
        this.staging = staging;
    }

    static String createTemp(String name, String select) {
        return "CREATE TEMPORARY TABLE " + name + " AS " + select;
    }

    @Override
    public String createTempAs(String name, String select) {
        return createTemp(name, select);
    }

    @Override
    public boolean dropsTemps() {
        return true;
    }

    @Override
    public void loadEvents(Connection connection, String table, List<String> columns, TableSchema parent, int[] key,
                           List<KeyEvents.Event> events) throws SQLException {
        RedshiftValues values = new RedshiftValues(dialect, parent);
        List<RedshiftColumn> parentColumns = dialect.columns(parent);
        List<String> parameters = new ArrayList<>();
        for (int i : key) {
            parameters.add(parentColumns.get(i).parameter());
        }
        parameters.add("CAST(? AS BIGINT)");
        parameters.add("CAST(? AS CHAR(1))");
        for (int i : key) {
            parameters.add(parentColumns.get(i).parameter());
        }
        List<String[]> rows = new ArrayList<>(events.size());
        for (KeyEvents.Event e : events) {
            String[] before = values.render(e.before());
            String[] after = e.isDelete() ? null : values.render(e.after());
            String[] row = new String[key.length * 2 + 2];
            for (int j = 0; j < key.length; j++) {
                row[j] = before[key[j]];
                row[key.length + 2 + j] = after == null ? null : after[key[j]];
            }
            row[key.length] = Long.toString(e.seq());
            row[key.length + 1] = e.isDelete() ? "D" : "U";
            rows.add(row);
        }
        staging.load(connection, table, columns, parameters, rows);
    }
}

package io.ferry.replication;

import io.ferry.warehouse.TargetTable;
import io.ferry.warehouse.redshift.InsertStagingLoader;
import io.ferry.warehouse.redshift.RedshiftDialect;
import io.ferry.warehouse.redshift.RedshiftStatements;
import io.ferry.warehouse.redshift.RedshiftValues;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a Redshift-dialect warehouse table with its source table row by row, as {@link WarehouseComparison} does
 * for PostgreSQL: the source read now through the snapshot path, written into a scratch table of the same Redshift
 * types, and EXCEPT ALL both ways. The job under test wrote the target through the binlog path.
 */
final class RedshiftComparison {
    private RedshiftComparison() {
    }

    /** Rows in one table but not the other (0 = equal), or -1 if the target table does not exist yet. */
    static long differences(Connection source, Connection warehouse, RedshiftDialect dialect, TableId table) throws Exception {
        TableSchema schema = SchemaReader.read(source, table);
        List<Object[]> rows = new SnapshotReader(schema, Integer.MAX_VALUE).readChunk(source, null);
        warehouse.setAutoCommit(true);
        String target = dialect.qualified(table.schema(), table.table());
        TargetTable scratch = new TargetTable("ferry_expected", "rs_" + table.table(), schema);
        String copy = dialect.qualified(scratch.schema(), scratch.table());
        try (Statement st = warehouse.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
                    + RedshiftDialect.fold(table.schema()) + "' AND table_name = '" + RedshiftDialect.fold(table.table()) + "'")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return -1;
                }
            }
            st.execute("DROP TABLE IF EXISTS " + copy);
            for (String ddl : dialect.createTable(scratch)) {
                st.execute(ddl);
            }
        }
        RedshiftValues values = new RedshiftValues(dialect, schema);
        List<String[]> rendered = new ArrayList<>();
        rows.forEach(r -> rendered.add(values.render(r)));
        if (!rendered.isEmpty()) {
            new InsertStagingLoader().load(warehouse, copy, dialect.targetColumns(schema),
                    new RedshiftStatements(dialect).targetParameters(schema), rendered);
        }
        try (Statement st = warehouse.createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM (SELECT * FROM " + target + " EXCEPT ALL SELECT * FROM "
                     + copy + ") a) + (SELECT count(*) FROM (SELECT * FROM " + copy + " EXCEPT ALL SELECT * FROM " + target + ") b)")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

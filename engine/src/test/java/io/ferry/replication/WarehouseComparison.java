package io.ferry.replication;

import io.ferry.warehouse.CopyText;
import io.ferry.warehouse.PostgresDialect;
import io.ferry.warehouse.TargetTable;
import org.postgresql.PGConnection;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * Compares a warehouse table with its source table row by row: reads the source table as it is now (through the
 * snapshot path), loads it into a scratch table in the warehouse and counts the rows that differ either way with
 * EXCEPT. The stream under test wrote the target through the binlog path, so the two decoders check each other.
 */
final class WarehouseComparison {
    private static final PostgresDialect PG = new PostgresDialect();

    private WarehouseComparison() {
    }

    /** Rows in one table but not the other (0 = equal), or -1 if the target table does not exist yet. */
    static long differences(Connection source, Connection warehouse, TableId table) throws Exception {
        TableSchema schema = SchemaReader.read(source, table);
        List<Object[]> rows = new SnapshotReader(schema, Integer.MAX_VALUE).readChunk(source, null);
        String expected = "expected_" + table.table();
        warehouse.setAutoCommit(true);
        try (Statement st = warehouse.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT to_regclass('" + PG.qualified(table.schema(), table.table()).replace("'", "''") + "')")) {
                rs.next();
                if (rs.getString(1) == null) {
                    return -1;
                }
            }
            st.execute("DROP TABLE IF EXISTS " + PG.qualified("ferry_expected", expected));
            for (String ddl : PG.createTable(new TargetTable("ferry_expected", expected, schema))) {
                st.execute(ddl);
            }
        }
        StringBuilder text = new StringBuilder();
        rows.forEach(r -> CopyText.appendRow(text, r, table.toString()));
        warehouse.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + PG.qualified("ferry_expected", expected) + " FROM STDIN", new StringReader(text.toString()));
        String target = PG.qualified(table.schema(), table.table());
        String copy = PG.qualified("ferry_expected", expected);
        try (Statement st = warehouse.createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM (SELECT * FROM " + target + " EXCEPT ALL SELECT * FROM "
                     + copy + ") a) + (SELECT count(*) FROM (SELECT * FROM " + copy + " EXCEPT ALL SELECT * FROM " + target + ") b)")) {
            rs.next();
            long count = rs.getLong(1);
            if (count > 0) {
                System.out.println("Differences in " + table + ":\n" + sample(warehouse, target, copy) + sample(warehouse, copy, target));
            }
            return count;
        }
    }

    private static String sample(Connection warehouse, String a, String b) throws Exception {
        StringBuilder out = new StringBuilder("  only in " + a + ":\n");
        try (Statement st = warehouse.createStatement();
             ResultSet rs = st.executeQuery("SELECT x::text FROM (SELECT * FROM " + a + " EXCEPT ALL SELECT * FROM " + b + ") x LIMIT 2")) {
            while (rs.next()) {
                out.append("    ").append(rs.getString(1)).append('\n');
            }
        }
        return out.toString();
    }
}

package io.ferry.warehouse;

import java.sql.SQLException;
import java.time.Clock;

/** Which warehouse a job writes to: its dialect, and how to open a session on an endpoint. */
public interface WarehouseOpener {
    WarehouseDialect dialect();

    Warehouse open(WarehouseEndpoint endpoint, Clock clock) throws SQLException;

    /** The same warehouse, writing every target table into {@code targetSchema} (null: the source table's schema). */
    WarehouseOpener inSchema(String targetSchema);

    /** PostgreSQL through pgjdbc, staging by COPY FROM STDIN, target tables in their source schema's name. */
    WarehouseOpener POSTGRES = postgres(null);

    /** PostgreSQL, every target table in {@code targetSchema} (null: the source table's schema). */
    static WarehouseOpener postgres(String targetSchema) {
        PostgresDialect dialect = new PostgresDialect(targetSchema);
        return new WarehouseOpener() {
            @Override
            public WarehouseDialect dialect() {
                return dialect;
            }

            @Override
            public Warehouse open(WarehouseEndpoint endpoint, Clock clock) throws SQLException {
                return new PostgresWarehouse(endpoint, dialect, clock);
            }

            @Override
            public WarehouseOpener inSchema(String schema) {
                return postgres(schema);
            }

            @Override
            public String toString() {
                return "PostgreSQL";
            }
        };
    }
}

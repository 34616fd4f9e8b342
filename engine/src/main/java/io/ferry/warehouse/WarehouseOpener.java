package io.ferry.warehouse;

import java.sql.SQLException;
import java.time.Clock;

/** Which warehouse a job writes to: its dialect, and how to open a session on an endpoint. */
public interface WarehouseOpener {
    WarehouseDialect dialect();

    Warehouse open(WarehouseEndpoint endpoint, Clock clock) throws SQLException;

    /** PostgreSQL through pgjdbc, staging by COPY FROM STDIN. */
    WarehouseOpener POSTGRES = new WarehouseOpener() {
        private final PostgresDialect dialect = new PostgresDialect();

        @Override
        public WarehouseDialect dialect() {
            return dialect;
        }

        @Override
        public Warehouse open(WarehouseEndpoint endpoint, Clock clock) throws SQLException {
            return new PostgresWarehouse(endpoint, dialect, clock);
        }

        @Override
        public String toString() {
            return "PostgreSQL";
        }
    };
}

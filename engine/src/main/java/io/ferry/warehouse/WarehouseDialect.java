package io.ferry.warehouse;

import io.ferry.replication.ColumnSchema;
import io.ferry.replication.TableId;
import io.ferry.replication.TableSchema;

import java.util.List;

/**
 * What differs between warehouses: identifier quoting, the MySQL → warehouse type mapping and the DDL/DML
 * Ferry emits. Every identifier in emitted SQL goes through {@link #quote(String)}.
 */
public interface WarehouseDialect {
    /** The identifier quoted for this warehouse; throws if the warehouse cannot hold it. */
    String quote(String identifier);

    default String qualified(String schema, String table) {
        return quote(schema) + "." + quote(table);
    }

    /** The warehouse type for a source column; {@link io.ferry.replication.UnsupportedTypeException} if none loses nothing. */
    String columnType(TableId table, ColumnSchema column);

    /** The warehouse table a source table is replicated into (today: same schema and name). */
    default TargetTable target(TableSchema source) {
        return new TargetTable(source.id().schema(), source.id().table(), source);
    }

    /** How the checkpoint table is written in this warehouse's SQL. */
    default CheckpointSql checkpointSql() {
        return CheckpointSql.POSTGRES;
    }

    /** The statements that create the target table (schema included), each to be executed on its own. */
    List<String> createTable(TargetTable table);
}

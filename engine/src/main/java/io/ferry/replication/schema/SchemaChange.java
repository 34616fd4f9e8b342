package io.ferry.replication.schema;

import io.ferry.replication.BinlogPosition;
import io.ferry.replication.ColumnSchema;
import io.ferry.replication.TableSchema;

import java.util.List;

/**
 * What one DDL statement did to the replicated tables, worked out by the {@link SchemaTracker} where the statement
 * sits in the binlog: per table, its schema before and after and the column operations in order. The warehouse
 * repeats it ({@code TargetAlter}) in the transaction of the batch that ends at {@link #at()}.
 *
 * @param at the position just after the statement: the new schemas hold from there on
 */
public record SchemaChange(String ddl, BinlogPosition at, List<TableChange> tables, List<SchemaHistory.Version> versions) {
    public SchemaChange {
        tables = List.copyOf(tables);
        versions = List.copyOf(versions);
    }

    public enum Kind {
        /** A new table (before is null): created in the warehouse, empty, and streamed. */
        CREATE,
        /** The table is gone (after is null): dropped in the warehouse. */
        DROP,
        /** Renamed to another replicated name: renamed in the warehouse. */
        RENAME,
        /** Renamed to a name the job does not replicate (after is null): the warehouse table stays as it is. */
        LEAVE,
        /** All rows deleted. */
        TRUNCATE,
        /** Columns added, dropped, renamed or changed. */
        ALTER
    }

    public record TableChange(Kind kind, TableSchema before, TableSchema after, List<ColumnOp> columns) {
        public TableChange {
            columns = List.copyOf(columns);
        }
    }

    public sealed interface ColumnOp {
    }

    /** A new column; {@code defaultValue}: the constant MySQL gave the rows already there (null: NULL or unknown). */
    public record Add(ColumnSchema column, String defaultValue) implements ColumnOp {
    }

    public record Drop(String name) implements ColumnOp {
    }

    public record Rename(String from, String to) implements ColumnOp {
    }

    /** A column's type or nullability changed ({@code before} already carries the new name after a rename). */
    public record Modify(ColumnSchema before, ColumnSchema after) implements ColumnOp {
    }
}

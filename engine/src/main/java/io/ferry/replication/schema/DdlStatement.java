package io.ferry.replication.schema;

import io.ferry.replication.TableId;

import java.util.List;

/**
 * What a statement logged in a binlog QUERY event does to tables, as far as replication cares. Statements that change
 * no table's columns (indexes, comments, engines, grants, views...) are {@link NoTableChange}; table changes Ferry
 * cannot follow are {@link Unsupported} with the reason. Parsed by {@link DdlParser}.
 */
public sealed interface DdlStatement {
    /** The statement as the binlog carries it. */
    String sql();

    /** Not a change to any table's columns or existence. */
    record NoTableChange(String sql) implements DdlStatement {
    }

    /**
     * {@code CREATE TABLE}: with its column definitions and default charset (null: the database's), or {@code LIKE}
     * another table.
     */
    record CreateTable(String sql, TableId table, List<ColumnDefinition> columns, List<String> primaryKey, String charset,
                       boolean ifNotExists, boolean orReplace, TableId like) implements DdlStatement {
    }

    /** {@code DROP TABLE a, b}. */
    record DropTables(String sql, List<TableId> tables) implements DdlStatement {
    }

    /** {@code DROP DATABASE s}: every table of the schema goes. */
    record DropSchema(String sql, String schema) implements DdlStatement {
    }

    /** {@code RENAME TABLE a TO b, c TO d} (and {@code ALTER TABLE a RENAME TO b}). */
    record RenameTables(String sql, List<TableId> from, List<TableId> to) implements DdlStatement {
    }

    /** {@code TRUNCATE TABLE t}. */
    record Truncate(String sql, TableId table) implements DdlStatement {
    }

    /** {@code ALTER TABLE t} with its column changes, in order (index and option changes are left out). */
    record AlterTable(String sql, TableId table, List<ColumnChange> changes, TableId renameTo) implements DdlStatement {
    }

    /** A change to a table Ferry does not follow: the job stops if the table is replicated. */
    record Unsupported(String sql, List<TableId> tables, String reason) implements DdlStatement {
    }

    /** One column change of an ALTER TABLE. */
    sealed interface ColumnChange {
    }

    record AddColumn(ColumnDefinition column, boolean ifNotExists) implements ColumnChange {
    }

    record DropColumn(String name, boolean ifExists) implements ColumnChange {
    }

    /** {@code MODIFY c def} (same name) or {@code CHANGE old new def}. */
    record ModifyColumn(String oldName, ColumnDefinition column, boolean ifExists) implements ColumnChange {
    }

    record RenameColumn(String oldName, String newName) implements ColumnChange {
    }

    /** A change that affects replication and that Ferry does not follow, e.g. a new primary key. */
    record UnsupportedChange(String what) implements ColumnChange {
    }
}

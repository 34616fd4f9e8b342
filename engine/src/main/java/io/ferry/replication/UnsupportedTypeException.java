package io.ferry.replication;

/** A source column whose type Ferry cannot replicate without losing data; the message names it and the way out. */
public final class UnsupportedTypeException extends IllegalArgumentException {
    public UnsupportedTypeException(TableId table, ColumnSchema column) {
        super("Column " + table + "." + column.name() + " has type " + column.columnType()
                + ", which Ferry cannot replicate yet without losing data. Exclude the table (--tables / exclude rule) "
                + "or change the column's type.");
    }
}

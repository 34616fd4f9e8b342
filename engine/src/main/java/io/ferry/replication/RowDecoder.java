package io.ferry.replication;

import java.io.Serializable;
import java.util.BitSet;
import java.util.List;

/**
 * Decodes the rows of one table as a TABLE_MAP event describes them into canonical values in the column order of
 * the {@link TableSchema} Ferry holds. With {@code binlog_row_metadata=FULL} the table map carries column names
 * and they are matched by name; otherwise by position. A mismatch (a DDL happened) is a
 * {@link SchemaChangedException}, never a silent misdecode.
 */
public final class RowDecoder {
    private final TableSchema schema;
    private final int[] schemaIndexOfBinlogColumn;
    private final BinlogValueDecoder[] decoders;

    private RowDecoder(TableSchema schema, int[] schemaIndexOfBinlogColumn, ZeroDatePolicy zeroDates) {
        this.schema = schema;
        this.schemaIndexOfBinlogColumn = schemaIndexOfBinlogColumn;
        this.decoders = new BinlogValueDecoder[schema.columns().size()];
        for (int i = 0; i < decoders.length; i++) {
            decoders[i] = new BinlogValueDecoder(schema, schema.columns().get(i), zeroDates);
        }
    }

    /**
     * @param binlogColumnCount the number of columns in the TABLE_MAP event
     * @param binlogColumnNames the names from the table map's optional metadata, or null/empty when absent
     */
    public static RowDecoder forTableMap(TableSchema schema, int binlogColumnCount, List<String> binlogColumnNames,
                                         BinlogPosition at) {
        return forTableMap(schema, binlogColumnCount, binlogColumnNames, at, ZeroDatePolicy.FAIL);
    }

    public static RowDecoder forTableMap(TableSchema schema, int binlogColumnCount, List<String> binlogColumnNames,
                                         BinlogPosition at, ZeroDatePolicy zeroDates) {
        int size = schema.columns().size();
        if (binlogColumnCount != size) {
            throw new SchemaChangedException(schema.id(), "the binlog has " + binlogColumnCount + " columns, Ferry knows "
                    + size + ": " + schema.columnNames(), at);
        }
        int[] map = new int[binlogColumnCount];
        boolean named = binlogColumnNames != null && binlogColumnNames.size() == binlogColumnCount;
        for (int i = 0; i < binlogColumnCount; i++) {
            if (named) {
                String name = binlogColumnNames.get(i);
                int index = indexIgnoringCase(schema, name);
                if (index < 0) {
                    throw new SchemaChangedException(schema.id(), "the binlog has a column " + name
                            + " that Ferry does not know", at);
                }
                map[i] = index;
            } else {
                map[i] = i;
            }
        }
        return new RowDecoder(schema, map, zeroDates);
    }

    private static int indexIgnoringCase(TableSchema schema, String name) {
        for (int i = 0; i < schema.columns().size(); i++) {
            if (schema.columns().get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    public TableSchema schema() {
        return schema;
    }

    /** One row image; {@code included} says which binlog columns the image carries (all of them with FULL images). */
    public Object[] decode(Serializable[] row, BitSet included) {
        return decode(row, included, true);
    }

    /** An update's or delete's before image: it is not written, so its zero dates are not counted. */
    public Object[] decodeBefore(Serializable[] row, BitSet included) {
        return decode(row, included, false);
    }

    private Object[] decode(Serializable[] row, BitSet included, boolean written) {
        if (included.cardinality() != schemaIndexOfBinlogColumn.length) {
            throw new IllegalStateException("A row image of " + schema.id() + " carries " + included.cardinality() + " of "
                    + schemaIndexOfBinlogColumn.length + " columns: the server must use binlog_row_image=FULL");
        }
        Object[] values = new Object[schemaIndexOfBinlogColumn.length];
        for (int i = 0; i < row.length; i++) {
            int target = schemaIndexOfBinlogColumn[i];
            values[target] = decoders[target].decode(row[i], written);
        }
        return values;
    }
}

package io.ferry.warehouse.redshift;

import io.ferry.replication.ColumnSchema;
import io.ferry.replication.TableId;
import io.ferry.replication.TableSchema;
import io.ferry.replication.UnsupportedTypeException;
import io.ferry.replication.ValueKind;
import io.ferry.warehouse.CheckpointSql;
import io.ferry.warehouse.TargetTable;
import io.ferry.warehouse.WarehouseDialect;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Amazon Redshift as the warehouse. Redshift folds identifiers to lower case (quoted or not) and keeps at most 127
 * bytes of them; counts VARCHAR lengths in bytes (at most 65535); holds DECIMAL up to 38 digits; has SUPER for JSON
 * and no unsigned, TIME-beyond-24h, BIT or interval-of-hours type. Every mapping is in docs/type-mapping.md; every
 * statement shape in docs/redshift-sql.md (checked by RedshiftSqlRulesTest).
 */
public final class RedshiftDialect implements WarehouseDialect {
    public static final int MAX_IDENTIFIER_BYTES = 127;
    public static final int MAX_VARCHAR_BYTES = 65535;
    public static final int MAX_DECIMAL_PRECISION = 38;
    /** Set on a row whose values were cut by the TRUNCATE oversize policy (only in tables that can overflow). */
    public static final String TRUNCATED = "_ferry_truncated";

    private final RedshiftOptions options;
    /** Where every target table goes; null: the source table's own schema name. */
    private final String targetSchema;

    public RedshiftDialect(RedshiftOptions options) {
        this(options, null);
    }

    /** @param targetSchema the warehouse schema of every target table; null keeps the source schema's name */
    public RedshiftDialect(RedshiftOptions options, String targetSchema) {
        this.options = options;
        this.targetSchema = targetSchema;
    }

    /** The same dialect, every target table in {@code schema} (null: the source table's schema). */
    public RedshiftDialect inSchema(String schema) {
        return new RedshiftDialect(options, schema);
    }

    @Override
    public TargetTable target(TableSchema source) {
        return new TargetTable(targetSchema == null ? source.id().schema() : targetSchema, source.id().table(), source);
    }

    public RedshiftDialect() {
        this(RedshiftOptions.defaults());
    }

    public RedshiftOptions options() {
        return options;
    }

    /** The name as Redshift stores it: lower case, at most 127 bytes (longer is refused, not truncated). */
    public static String fold(String identifier) {
        if (identifier.isEmpty() || identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("Not a valid Redshift identifier: '" + identifier + "'");
        }
        String folded = identifier.toLowerCase(Locale.ROOT);
        int bytes = folded.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_IDENTIFIER_BYTES) {
            throw new IllegalArgumentException("The name " + identifier + " is " + bytes + " bytes long; Redshift keeps "
                    + MAX_IDENTIFIER_BYTES + " bytes of a name and would truncate it: rename it in the table rules");
        }
        return folded;
    }

    @Override
    public String quote(String identifier) {
        return '"' + fold(identifier).replace("\"", "\"\"") + '"';
    }

    @Override
    public CheckpointSql checkpointSql() {
        return CheckpointSql.REDSHIFT;
    }

    @Override
    public String columnType(TableId table, ColumnSchema column) {
        return column(table, column).type();
    }

    /** How the column is held in Redshift; throws if the options refuse it. */
    public RedshiftColumn column(TableId table, ColumnSchema c) {
        ValueKind kind = ValueKind.of(table, c);
        String t = c.dataType();
        return switch (kind) {
            case INTEGER -> number(c, kind, switch (t) {
                case "tinyint", "year" -> "SMALLINT";
                case "smallint" -> c.unsigned() ? "INTEGER" : "SMALLINT";
                case "mediumint" -> "INTEGER";
                case "int", "integer" -> c.unsigned() ? "BIGINT" : "INTEGER";
                case "bigint" -> "BIGINT";
                default -> throw new UnsupportedTypeException(table, c);
            });
            case UNSIGNED_BIGINT -> number(c, kind, "DECIMAL(20,0)");
            case DECIMAL -> decimal(table, c);
            case FLOAT -> number(c, kind, "REAL");
            case DOUBLE -> number(c, kind, "DOUBLE PRECISION");
            case TEXT -> varchar(c, kind, RedshiftColumn.Form.TEXT, sourceTextBytes(c));
            case JSON -> new RedshiftColumn(c, kind, "SUPER", RedshiftColumn.Form.JSON, -1, false);
            case BYTES -> varchar(c, kind, RedshiftColumn.Form.HEX, 2 * sourceBinaryBytes(c));
            case DATE -> new RedshiftColumn(c, kind, "DATE", RedshiftColumn.Form.DATE, -1, false);
            case DATETIME -> new RedshiftColumn(c, kind, "TIMESTAMP", RedshiftColumn.Form.TIMESTAMP, -1, false);
            case TIMESTAMP -> new RedshiftColumn(c, kind, "TIMESTAMPTZ", RedshiftColumn.Form.TIMESTAMPTZ, -1, false);
            case TIME -> new RedshiftColumn(c, kind, "VARCHAR(17)", RedshiftColumn.Form.TIME_TEXT, 17, false);
            case BOOLEAN -> new RedshiftColumn(c, kind, "BOOLEAN", RedshiftColumn.Form.BOOLEAN, -1, false);
            case BITS -> {
                int bits = Math.max(1, c.declaredLength());
                yield new RedshiftColumn(c, kind, "VARCHAR(" + bits + ")", RedshiftColumn.Form.BITS, bits, false);
            }
        };
    }

    private static RedshiftColumn number(ColumnSchema c, ValueKind kind, String type) {
        return new RedshiftColumn(c, kind, type, RedshiftColumn.Form.NUMBER, -1, false);
    }

    private RedshiftColumn decimal(TableId table, ColumnSchema c) {
        int p = c.numericPrecision();
        int s = c.numericScale() == null ? 0 : c.numericScale();
        if (p <= MAX_DECIMAL_PRECISION) {
            return number(c, ValueKind.DECIMAL, "DECIMAL(" + p + "," + s + ")");
        }
        if (options.wideDecimal() == RedshiftOptions.WideDecimal.VARCHAR) {
            return new RedshiftColumn(c, ValueKind.DECIMAL, "VARCHAR(" + (p + 2) + ")", RedshiftColumn.Form.DECIMAL_TEXT, p + 2, false);
        }
        throw new IllegalArgumentException("Column " + table + "." + c.name() + " is " + c.columnType()
                + ": Redshift's DECIMAL holds at most " + MAX_DECIMAL_PRECISION + " digits. Choose the wide-decimal policy "
                + "varchar (the exact value as text) or change the column's type.");
    }

    private RedshiftColumn varchar(ColumnSchema c, ValueKind kind, RedshiftColumn.Form form, long sourceBytes) {
        long length = Math.max(1, Math.min(sourceBytes, MAX_VARCHAR_BYTES));
        return new RedshiftColumn(c, kind, "VARCHAR(" + length + ")", form, length, sourceBytes > MAX_VARCHAR_BYTES);
    }

    /** The most UTF-8 bytes a source text value can take: characters × bytes per character, or the TEXT limits. */
    static long sourceTextBytes(ColumnSchema c) {
        return switch (c.dataType()) {
            case "char", "varchar" -> c.charMaxLength() * bytesPerChar(c.charset());
            case "tinytext" -> 255;
            case "text" -> 65_535;
            case "mediumtext" -> 16_777_215;
            case "longtext" -> 4_294_967_295L;
            case "enum" -> c.enumValues().stream().mapToLong(v -> v.getBytes(StandardCharsets.UTF_8).length).max().orElse(1);
            case "set" -> c.enumValues().stream().mapToLong(v -> v.getBytes(StandardCharsets.UTF_8).length + 1).sum();
            default -> throw new IllegalStateException("Not a text type: " + c.columnType());
        };
    }

    /**
     * Bytes of UTF-8 per source character: utf8mb4 4, utf8mb3 3, latin1 3 (MySQL's latin1 is cp1252, whose € is three
     * bytes in UTF-8), ascii 1, anything else 4.
     */
    static int bytesPerChar(String charset) {
        String cs = charset == null ? "utf8mb4" : charset.toLowerCase(Locale.ROOT);
        return switch (cs) {
            case "ascii" -> 1;
            case "utf8", "utf8mb3", "latin1", "ucs2" -> 3;
            default -> 4;
        };
    }

    private static long sourceBinaryBytes(ColumnSchema c) {
        return switch (c.dataType()) {
            case "binary", "varbinary" -> c.charMaxLength();
            case "tinyblob" -> 255;
            case "blob" -> 65_535;
            case "mediumblob" -> 16_777_215;
            default -> 4_294_967_295L;
        };
    }

    /** The Redshift columns of a table, in source order; refuses two source names that fold to the same one. */
    public List<RedshiftColumn> columns(TableSchema table) {
        Map<String, String> folded = new HashMap<>();
        List<RedshiftColumn> columns = new ArrayList<>();
        for (ColumnSchema c : table.columns()) {
            String previous = folded.put(fold(c.name()), c.name());
            if (previous != null) {
                throw new IllegalArgumentException("Columns " + previous + " and " + c.name() + " of " + table.id()
                        + " are one name in Redshift, which folds names to lower case: rename one in the table rules");
            }
            columns.add(column(table.id(), c));
        }
        return columns;
    }

    /** Whether the table gets the _ferry_truncated flag: the TRUNCATE policy, and a column that can overflow. */
    public boolean flagsTruncation(TableSchema table) {
        return options.oversize() == RedshiftOptions.Oversize.TRUNCATE
                && columns(table).stream().anyMatch(RedshiftColumn::mayOverflow);
    }

    /** The quoted target column names: the source columns, then _ferry_truncated where {@link #flagsTruncation}. */
    public List<String> targetColumns(TableSchema table) {
        List<String> names = new ArrayList<>();
        table.columns().forEach(c -> names.add(quote(c.name())));
        if (flagsTruncation(table)) {
            names.add(quote(TRUNCATED));
        }
        return names;
    }

    @Override
    public List<String> createTable(TargetTable table) {
        TableSchema source = table.source();
        List<String> sql = new ArrayList<>();
        sql.add("CREATE SCHEMA IF NOT EXISTS " + quote(table.schema()));
        StringJoiner body = new StringJoiner(",\n  ", "CREATE TABLE " + qualified(table.schema(), table.table()) + " (\n  ", "\n)");
        for (RedshiftColumn c : columns(source)) {
            body.add(quote(c.source().name()) + " " + c.type() + (c.source().nullable() ? "" : " NOT NULL"));
        }
        if (flagsTruncation(source)) {
            body.add(quote(TRUNCATED) + " BOOLEAN NOT NULL DEFAULT FALSE");
        }
        if (source.hasPrimaryKey()) {
            body.add("PRIMARY KEY (" + quotedList(source.primaryKey()) + ")");
        }
        sql.add(body + tableAttributes(source));
        return sql;
    }

    /**
     * DISTSTYLE/DISTKEY/SORTKEY after the column list: the configured layout, else KEY on the first primary-key column
     * (changes join the staging table on the key) and a COMPOUND SORTKEY on the primary key.
     */
    public String tableAttributes(TableSchema source) {
        if (!options.tableAttributes()) {
            return "";
        }
        RedshiftOptions.Layout layout = options.layouts().get(source.id());
        if (layout == null) {
            if (!source.hasPrimaryKey()) {
                return "\nDISTSTYLE AUTO";
            }
            return "\nDISTSTYLE KEY DISTKEY (" + quote(source.primaryKey().get(0)) + ")\nCOMPOUND SORTKEY ("
                    + quotedList(source.primaryKey()) + ")";
        }
        for (String column : layout.sortKey()) {
            source.indexOf(column); // throws if the configured column does not exist
        }
        StringBuilder out = new StringBuilder("\nDISTSTYLE ").append(layout.distStyle());
        if (layout.distKey() != null) {
            source.indexOf(layout.distKey());
            out.append(" DISTKEY (").append(quote(layout.distKey())).append(')');
        }
        if (!layout.sortKey().isEmpty()) {
            out.append("\nCOMPOUND SORTKEY (").append(quotedList(layout.sortKey())).append(')');
        }
        return out.toString();
    }

    String quotedList(List<String> names) {
        StringJoiner j = new StringJoiner(", ");
        names.forEach(n -> j.add(quote(n)));
        return j.toString();
    }
}

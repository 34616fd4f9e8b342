package io.ferry.replication.schema;

import io.ferry.replication.ColumnSchema;

import java.util.List;
import java.util.Locale;

/**
 * One column definition of a DDL statement ({@code name VARCHAR(40) CHARACTER SET latin1 NOT NULL ...}), turned into
 * the {@link ColumnSchema} {@code information_schema.COLUMNS} would show for it. Type aliases are resolved as the
 * server does (BOOLEAN is TINYINT(1), INTEGER is INT, NUMERIC is DECIMAL(10,0), REAL is DOUBLE, JSON is MariaDB's
 * LONGTEXT with a json_valid check).
 *
 * @param type     the bare type as written, lower case ({@code varchar}, {@code integer}, {@code double precision})
 * @param args     what was inside the type's parentheses, as written ({@code 40}, {@code 10,2}, {@code 'a','b'}), or null
 * @param charset  the CHARACTER SET (or the one of the COLLATE), or null when the table's default applies
 * @param defaultValue the DEFAULT when it is a constant: a number as written, a string unquoted, TRUE/FALSE as 1/0;
 *                 null for none, NULL or an expression (CURRENT_TIMESTAMP...)
 * @param hasDefault   whether the definition has a DEFAULT clause (or AUTO_INCREMENT) at all
 */
public record ColumnDefinition(String name, String type, String args, boolean unsigned, String charset, boolean nullable,
                               boolean primaryKey, String defaultValue, boolean hasDefault, String text) {

    /**
     * The value MySQL gives the rows that exist when this column is added: the constant DEFAULT, else for a NOT NULL
     * column without DEFAULT the type's implicit default (0, the empty string, an ENUM's first value); null when it
     * is NULL or not a constant.
     */
    public String valueForExistingRows(ColumnSchema column) {
        if (defaultValue != null || hasDefault || column.nullable()) {
            return defaultValue;
        }
        return switch (column.dataType()) {
            case "tinyint", "smallint", "mediumint", "int", "bigint", "decimal", "float", "double", "year" -> "0";
            case "char", "varchar", "tinytext", "text", "mediumtext", "longtext", "set" -> "";
            case "enum" -> column.enumValues().isEmpty() ? null : column.enumValues().get(0);
            default -> null;
        };
    }

    /** The column as {@code information_schema} describes it, given the table's default charset and the server flavour. */
    public ColumnSchema toSchema(String tableCharset, boolean mariaDb) {
        String t = type;
        String a = args;
        String cs = charset;
        boolean json = false;
        switch (t) {
            case "bool", "boolean" -> {
                t = "tinyint";
                a = "1";
            }
            case "integer", "int4" -> t = "int";
            case "int1" -> t = "tinyint";
            case "int2" -> t = "smallint";
            case "int3", "middleint" -> t = "mediumint";
            case "int8" -> t = "bigint";
            case "dec", "numeric", "fixed" -> t = "decimal";
            case "real", "double precision", "float8" -> t = "double";
            case "float4" -> t = "float";
            case "character", "nchar", "national char", "national character" -> t = "char";
            case "character varying", "char varying", "nvarchar", "national varchar", "nchar varying" -> t = "varchar";
            case "long", "long varchar" -> t = "mediumtext";
            case "long varbinary" -> t = "mediumblob";
            case "json" -> {
                json = true;
                t = mariaDb ? "longtext" : "json";
                cs = mariaDb ? "utf8mb4" : null;
            }
            default -> {
                // the type name is the data type
            }
        }
        if (t.startsWith("n") && (type.startsWith("national") || type.startsWith("nchar") || type.equals("nvarchar"))) {
            cs = "utf8mb3";
        }
        if (t.equals("float") && a != null && !a.contains(",") && Integer.parseInt(a.trim()) > 24) {
            t = "double";
            a = null;
        }
        boolean isText = switch (t) {
            case "char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set" -> true;
            default -> false;
        };
        if (isText && cs == null) {
            cs = tableCharset;
        }
        if (!isText && !t.equals("json")) {
            cs = null;
        }
        Long charMax = null;
        Integer precision = null;
        Integer scale = null;
        Integer fsp = null;
        switch (t) {
            case "char", "binary", "bit" -> {
                a = a == null ? "1" : a;
                charMax = Long.parseLong(a.trim());
            }
            case "varchar", "varbinary" -> {
                if (a == null) {
                    throw new IllegalArgumentException(t.toUpperCase(Locale.ROOT) + " needs a length: " + text());
                }
                charMax = Long.parseLong(a.trim());
            }
            case "tinytext", "tinyblob" -> charMax = 255L;
            case "text", "blob" -> charMax = 65_535L;
            case "mediumtext", "mediumblob" -> charMax = 16_777_215L;
            case "longtext", "longblob" -> charMax = 4_294_967_295L;
            case "enum", "set" -> charMax = (long) ColumnSchemaLists.longest(a == null ? "" : a, t.equals("set"));
            case "decimal" -> {
                String[] ps = a == null ? new String[]{"10"} : a.split(",");
                precision = Integer.parseInt(ps[0].trim());
                scale = ps.length > 1 ? Integer.parseInt(ps[1].trim()) : 0;
                a = precision + "," + scale;
            }
            case "datetime", "timestamp", "time" -> {
                fsp = a == null ? 0 : Integer.parseInt(a.trim());
            }
            case "tinyint" -> precision = 3;
            case "smallint" -> precision = 5;
            case "mediumint" -> precision = 7;
            case "int" -> precision = 10;
            case "bigint" -> precision = unsigned ? 20 : 19;
            default -> {
                // no lengths to record
            }
        }
        if (t.equals("bit")) {
            charMax = null;
            precision = Integer.parseInt(a.trim());
        }
        String columnType = t + (a == null ? "" : "(" + a.trim() + ")") + (unsigned ? " unsigned" : "");
        return new ColumnSchema(name, t, columnType, nullable && !primaryKey, charMax, precision, scale, fsp, cs, json);
    }

    /** Helpers for ENUM/SET value lists. */
    static final class ColumnSchemaLists {
        private ColumnSchemaLists() {
        }

        static int longest(String quotedList, boolean set) {
            List<String> values = parse(quotedList);
            if (set) {
                return Math.max(1, values.stream().mapToInt(String::length).sum() + Math.max(0, values.size() - 1));
            }
            return values.stream().mapToInt(String::length).max().orElse(1);
        }

        static List<String> parse(String quotedList) {
            return SqlTokens.tokenize(quotedList).stream().filter(t -> t.kind() == SqlTokens.Kind.STRING)
                    .map(SqlTokens.Token::text).toList();
        }
    }
}

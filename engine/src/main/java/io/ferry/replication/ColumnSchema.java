package io.ferry.replication;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One source column as {@code information_schema.COLUMNS} describes it. {@code dataType} is the bare type in
 * lower case ({@code bigint}, {@code varchar}); {@code columnType} the full one, case kept for enum values ({@code bigint(20) unsigned},
 * {@code enum('a','b')}). {@code json} is true for MySQL JSON and for MariaDB's JSON alias (a LONGTEXT with a
 * {@code json_valid} check).
 */
public record ColumnSchema(String name, String dataType, String columnType, boolean nullable, Long charMaxLength,
                           Integer numericPrecision, Integer numericScale, Integer datetimePrecision, String charset,
                           boolean json) {
    public ColumnSchema {
        Objects.requireNonNull(name, "name");
        dataType = dataType.toLowerCase(Locale.ROOT);
    }

    public boolean unsigned() {
        return columnType.toLowerCase(Locale.ROOT).contains("unsigned");
    }

    /** The length in parentheses of the column type, e.g. 1 for {@code tinyint(1)} or 8 for {@code bit(8)}; -1 if none. */
    public int declaredLength() {
        int open = columnType.indexOf('(');
        int close = columnType.indexOf(')', open + 1);
        if (open < 0 || close < 0 || dataType.equals("enum") || dataType.equals("set")) {
            return -1;
        }
        String inside = columnType.substring(open + 1, close);
        int comma = inside.indexOf(',');
        try {
            return Integer.parseInt((comma >= 0 ? inside.substring(0, comma) : inside).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The values of an {@code enum(...)} or {@code set(...)} column, in declaration order (index 0 = value 1). */
    public List<String> enumValues() {
        if (!dataType.equals("enum") && !dataType.equals("set")) {
            throw new IllegalStateException(name + " is " + columnType + ", not an enum or set");
        }
        return parseQuotedList(columnType);
    }

    /** Parses {@code enum('a','it''s')} into [a, it's]. */
    static List<String> parseQuotedList(String type) {
        List<String> values = new ArrayList<>();
        int i = type.indexOf('(') + 1;
        StringBuilder current = null;
        while (i < type.length()) {
            char c = type.charAt(i);
            if (current == null) {
                if (c == '\'') {
                    current = new StringBuilder();
                }
            } else if (c == '\'') {
                if (i + 1 < type.length() && type.charAt(i + 1) == '\'') {
                    current.append('\'');
                    i++;
                } else {
                    values.add(current.toString());
                    current = null;
                }
            } else if (c == '\\' && i + 1 < type.length()) {
                current.append(type.charAt(++i));
            } else {
                current.append(c);
            }
            i++;
        }
        return values;
    }
}

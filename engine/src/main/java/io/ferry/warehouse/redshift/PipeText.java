package io.ferry.warehouse.redshift;

/**
 * The line format of Ferry's S3 staging files, read by {@code COPY ... DELIMITER '|' ESCAPE NULL AS '\\N'}: fields
 * separated by '|', NULL written {@code \N}, an empty string as an empty field, and a backslash before every '|',
 * '\' and line break inside a value (so a text "\N" is written {@code \\N} and stays text).
 */
public final class PipeText {
    private PipeText() {
    }

    public static void appendRow(StringBuilder out, String[] values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('|');
            }
            String v = values[i];
            if (v == null) {
                out.append("\\N");
                continue;
            }
            for (int j = 0; j < v.length(); j++) {
                char c = v.charAt(j);
                if (c == '|' || c == '\\' || c == '\n' || c == '\r') {
                    out.append('\\');
                }
                out.append(c);
            }
        }
        out.append('\n');
    }
}

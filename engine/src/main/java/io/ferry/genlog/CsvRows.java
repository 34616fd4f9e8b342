package io.ferry.genlog;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** RFC 4180 records for {@link ArchiveWriter}: the header is the field names of the first row. */
final class CsvRows {
    private final Writer out;
    private final List<String> names = new ArrayList<>();
    private final List<String> values = new ArrayList<>();
    private boolean headerWritten;

    CsvRows(OutputStream out) {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    /** @param encoded the field as it is written (already quoted when needed), or null for NULL */
    void field(String name, String encoded) {
        if (!headerWritten) {
            names.add(name);
        }
        values.add(encoded == null ? "" : encoded);
    }

    void endRow() throws IOException {
        if (!headerWritten) {
            write(names.stream().map(CsvRows::quote).toList());
            headerWritten = true;
        }
        write(values);
        values.clear();
    }

    private void write(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(fields.get(i));
        }
        out.write("\r\n");
    }

    /** A text always quoted, so that an empty text differs from NULL (an empty unquoted field). */
    static String quote(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    void close() throws IOException {
        out.close();
    }
}

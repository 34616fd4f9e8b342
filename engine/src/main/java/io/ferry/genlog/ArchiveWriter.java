package io.ferry.genlog;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes log rows gzip-compressed, as NDJSON (one JSON object per line, the table's column names as keys, numbers
 * as numbers) or as CSV (RFC 4180: a header of the column names, then one record per row, CRLF, fields with a comma,
 * quote or line break quoted with quotes doubled; NULL is an empty unquoted field, an empty text {@code ""}). The file is written under a temporary name and only renamed to its final name by {@link #commit()},
 * after it was flushed to disk, so a file with the final name is always complete.
 */
public final class ArchiveWriter implements AutoCloseable {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final Path target;
    private final Path partial;
    private final OutputStream file;
    private final JsonGenerator json;
    private final CsvRows csv;
    private long rows;
    private boolean committed;

    public ArchiveWriter(Path target) throws IOException {
        this(target, ArchiveFormat.NDJSON);
    }

    public ArchiveWriter(Path target, ArchiveFormat format) throws IOException {
        this.target = target;
        this.partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.createDirectories(target.toAbsolutePath().getParent());
        this.file = Files.newOutputStream(partial);
        OutputStream gzip = new GZIPOutputStream(new BufferedOutputStream(file, 1 << 16), 1 << 16);
        if (format == ArchiveFormat.CSV) {
            this.json = null;
            this.csv = new CsvRows(gzip);
        } else {
            this.csv = null;
            this.json = JSON.createGenerator(gzip, JsonEncoding.UTF8);
            json.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
        }
    }

    public void startRow() throws IOException {
        if (csv == null) {
            json.writeStartObject();
        }
    }

    public void field(String name, String value) throws IOException {
        if (csv != null) {
            csv.field(name, value == null ? null : CsvRows.quote(value));
        } else if (value == null) {
            json.writeNullField(name);
        } else {
            json.writeStringField(name, value);
        }
    }

    public void field(String name, long value) throws IOException {
        if (csv != null) {
            csv.field(name, Long.toString(value));
        } else {
            json.writeNumberField(name, value);
        }
    }

    public void endRow() throws IOException {
        if (csv != null) {
            csv.endRow();
        } else {
            json.writeEndObject();
        }
        rows++;
    }

    /** Writes one general-log row. */
    public void write(LogRow row) throws IOException {
        startRow();
        field("event_time", row.eventTime());
        field("user_host", row.userHost());
        field("thread_id", row.threadId());
        field("server_id", row.serverId());
        field("command_type", row.commandType());
        field("argument", row.argument());
        endRow();
    }

    public long rows() {
        return rows;
    }

    /** Finishes the file, forces it to disk and gives it its final name. */
    public Path commit() throws IOException {
        if (csv != null) {
            csv.close();
        } else {
            json.writeRaw('\n');
            json.close();
        }
        try (var channel = java.nio.channels.FileChannel.open(partial, java.nio.file.StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(partial, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        committed = true;
        return target;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            try {
                if (csv != null) {
                    csv.close();
                } else {
                    json.close();
                }
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }
}

package io.ferry.genlog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads an archive written by {@link ArchiveWriter} (general or slow log) as {@link LogRow}s, streaming: memory
 * does not grow with the file.
 */
public final class ArchiveReader {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private ArchiveReader() {
    }

    /** Reads every row into {@code sink} until it returns false; returns the number of rows read. */
    public static long read(Path archive, LogRowSink sink) throws IOException {
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive), 1 << 16), 1 << 16);
             JsonParser p = JSON.createParser(in)) {
            long n = 0;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.START_OBJECT) {
                    throw new IOException(archive + ": not a Ferry log archive (expected one JSON object per line, found "
                            + t + " at " + p.currentLocation().getLineNr() + ")");
                }
                n++;
                if (!sink.accept(row(p))) {
                    break;
                }
            }
            return n;
        }
    }

    private static LogRow row(JsonParser p) throws IOException {
        String time = "";
        String userHost = "";
        long threadId = 0;
        long serverId = 0;
        String command = "Query";
        String argument = "";
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken value = p.nextToken();
            switch (name) {
                case "event_time", "start_time" -> time = p.getText();
                case "user_host" -> userHost = p.getText();
                case "thread_id" -> threadId = value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : 0;
                case "server_id" -> serverId = value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : 0;
                case "command_type" -> command = p.getText();
                case "argument", "sql_text" -> argument = value == JsonToken.VALUE_NULL ? "" : p.getText();
                default -> p.skipChildren();
            }
        }
        return new LogRow(time, userHost, threadId, serverId, command, argument);
    }

    /** Counts the rows of an archive (verification after writing). */
    public static long count(Path archive) throws IOException {
        return read(archive, r -> true);
    }
}

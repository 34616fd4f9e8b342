package io.ferry.genlog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV archive (RFC 4180, header first) as {@link LogRow}s, streaming. Columns are found by their header
 * names, so general and slow log archives read the same way; other columns are skipped. An empty unquoted field is
 * NULL.
 */
final class CsvArchiveReader {
    private final String name;
    private final java.io.Reader in;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int limit;
    private long line = 1;
    private long recordStart = 1;
    private final StringBuilder field = new StringBuilder();

    CsvArchiveReader(String name, InputStream in) {
        this.name = name;
        this.in = new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    long read(LogRowSink sink) throws IOException {
        List<String> header = record();
        if (header == null) {
            return 0;
        }
        int[] slot = new int[header.size()];
        for (int i = 0; i < slot.length; i++) {
            slot[i] = switch (header.get(i) == null ? "" : header.get(i)) {
                case "event_time", "start_time" -> 1;
                case "user_host" -> 2;
                case "thread_id" -> 3;
                case "server_id" -> 4;
                case "command_type" -> 5;
                case "argument", "sql_text" -> 6;
                default -> 0;
            };
        }
        long n = 0;
        List<String> r;
        while ((r = record()) != null) {
            if (r.size() != slot.length) {
                throw malformed("a record of " + r.size() + " fields under a header of " + slot.length);
            }
            String time = "";
            String userHost = "";
            long threadId = 0;
            long serverId = 0;
            String command = "Query";
            String argument = "";
            for (int i = 0; i < slot.length; i++) {
                String v = r.get(i);
                if (v == null) {
                    continue;
                }
                switch (slot[i]) {
                    case 1 -> time = v;
                    case 2 -> userHost = v;
                    case 3 -> threadId = number(v);
                    case 4 -> serverId = number(v);
                    case 5 -> command = v;
                    case 6 -> argument = v;
                    default -> { }
                }
            }
            n++;
            if (!sink.accept(new LogRow(time, userHost, threadId, serverId, command, argument))) {
                break;
            }
        }
        return n;
    }

    /** The next record's fields (null for NULL), or null at the end of the file. */
    private List<String> record() throws IOException {
        int c = read();
        while (c == '\r' || c == '\n') { // blank lines between records
            if (c == '\n') {
                line++;
            }
            c = read();
        }
        if (c < 0) {
            return null;
        }
        recordStart = line;
        List<String> out = new ArrayList<>();
        while (true) {
            field.setLength(0);
            boolean quoted = c == '"';
            if (quoted) {
                while (true) {
                    c = read();
                    if (c < 0) {
                        throw malformed("a quoted field is not closed");
                    }
                    if (c == '"') {
                        c = read();
                        if (c != '"') {
                            break;
                        }
                    } else if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else {
                while (c >= 0 && c != ',' && c != '\r' && c != '\n') {
                    field.append((char) c);
                    c = read();
                }
            }
            out.add(quoted || field.length() > 0 ? field.toString() : null);
            if (c == ',') {
                c = read();
                continue;
            }
            if (c == '\r') {
                c = read();
            }
            if (c == '\n') {
                line++;
            } else if (c >= 0) {
                throw malformed("unexpected '" + (char) c + "' after a quoted field");
            }
            return out;
        }
    }

    /** The next char, or -1 at the end: an unsynchronised buffer, as Reader.read() per char is slow. */
    private int read() throws IOException {
        if (pos == limit) {
            limit = in.read(buf, 0, buf.length);
            pos = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buf[pos++];
    }

    private long number(String v) throws IOException {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw malformed("'" + v + "' is not a number");
        }
    }

    private IOException malformed(String what) {
        return new IOException(name + " line " + recordStart + ": not a Ferry CSV log archive: " + what);
    }
}

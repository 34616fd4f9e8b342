package io.ferry.genlog;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads an archive written by {@link ArchiveWriter} (general or slow log) as {@link LogRow}s, streaming: memory
 * does not grow with the file. A purpose-made parser for these flat one-object-per-line files rather than a
 * general JSON library: the digest must read hundreds of thousands of rows a second on one core, and most of that
 * time is spent turning bytes into strings. ASCII strings without escapes (nearly all) are copied, not decoded.
 */
public final class ArchiveReader {
    private static final byte[] EVENT_TIME = ascii("event_time");
    private static final byte[] START_TIME = ascii("start_time");
    private static final byte[] USER_HOST = ascii("user_host");
    private static final byte[] THREAD_ID = ascii("thread_id");
    private static final byte[] SERVER_ID = ascii("server_id");
    private static final byte[] COMMAND_TYPE = ascii("command_type");
    private static final byte[] ARGUMENT = ascii("argument");
    private static final byte[] SQL_TEXT = ascii("sql_text");

    private final Path file; // for messages only
    private final InputStream in;
    private byte[] buf = new byte[1 << 17];
    private int pos;
    private int limit;
    private long line;

    private ArchiveReader(Path file, InputStream in) {
        this.file = file;
        this.in = in;
    }

    /** Reads every row into {@code sink} until it returns false; returns the number of rows read. */
    public static long read(Path archive, LogRowSink sink) throws IOException {
        try (InputStream raw = Files.newInputStream(archive)) {
            return read(archive.toString(), raw, sink);
        }
    }

    /**
     * Reads a gzip archive of either format from a stream (a file, an S3 object) into {@code sink}; {@code name}
     * names it in errors. NDJSON starts with '{'; anything else is read as CSV with a header.
     */
    public static long read(String name, InputStream raw, LogRowSink sink) throws IOException {
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(raw, 1 << 16), 1 << 16)) {
            ArchiveReader reader = new ArchiveReader(Path.of(name), in);
            reader.skipBlankLines();
            if (reader.pos < reader.limit && reader.buf[reader.pos] != '{') {
                InputStream rest = new java.io.SequenceInputStream(
                        new java.io.ByteArrayInputStream(reader.buf, reader.pos, reader.limit - reader.pos), in);
                return new CsvArchiveReader(name, rest).read(sink);
            }
            long n = 0;
            LogRow row;
            while ((row = reader.next()) != null) {
                n++;
                if (!sink.accept(row)) {
                    break;
                }
            }
            return n;
        }
    }

    /** Counts the rows of an archive (verification after writing). */
    public static long count(Path archive) throws IOException {
        return read(archive, r -> true);
    }

    /** The next row, or null at the end. */
    private LogRow next() throws IOException {
        while (true) {
            skipBlankLines();
            if (pos >= limit) {
                return null;
            }
            LogRow row = parseObject(pos);
            if (row != null) {
                line++;
                pos = objectEnd;
                return row;
            }
            // the object runs past the bytes read so far: read more and parse it again from its start
            if (!fill()) {
                throw malformed("the last line is cut short");
            }
        }
    }

    private void skipBlankLines() throws IOException {
        while (true) {
            while (pos < limit && (buf[pos] == '\n' || buf[pos] == '\r' || buf[pos] == ' ')) {
                pos++;
            }
            if (pos < limit || !fill()) {
                return;
            }
        }
    }

    /** Moves the unread bytes to the front (growing the buffer for a long line) and reads more; false at the end. */
    private boolean fill() throws IOException {
        int unread = limit - pos;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, unread);
        } else if (unread == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        pos = 0;
        limit = unread;
        int n = in.read(buf, limit, buf.length - limit);
        if (n <= 0) {
            return false;
        }
        limit += n;
        return true;
    }

    /** Where the object parsed last ended. */
    private int objectEnd;
    /** Whether the string scanned last was plain ASCII without escapes. */
    private boolean plainString;

    /** Parses the object at {@code i}; null when it is not complete in the buffer yet. */
    private LogRow parseObject(int i) throws IOException {
        String time = "";
        String userHost = "";
        long threadId = 0;
        long serverId = 0;
        String command = "Query";
        String argument = "";
        final int end = limit;
        i = skipSpace(i, end);
        if (i >= end) {
            return null;
        }
        expect(i++, '{');
        while (true) {
            i = skipSpace(i, end);
            if (i >= end) {
                return null;
            }
            if (buf[i] == '}') {
                objectEnd = i + 1;
                break;
            }
            if (buf[i] == ',') {
                i = skipSpace(i + 1, end);
            }
            if (i >= end) {
                return null;
            }
            expect(i, '"');
            int keyStart = i + 1;
            int keyEnd = keyStart;
            while (keyEnd < end && buf[keyEnd] != '"') {
                keyEnd++;
            }
            i = skipSpace(keyEnd + 1, end);
            if (i >= end) {
                return null;
            }
            expect(i, ':');
            i = skipSpace(i + 1, end);
            if (i >= end) {
                return null;
            }
            int field = field(keyStart, keyEnd);
            byte b = buf[i];
            if (b == '"') {
                int close = stringEnd(i + 1, end);
                if (close < 0) {
                    return null;
                }
                if (field != 0) {
                    String v = plainString ? new String(buf, i + 1, close - i - 1, StandardCharsets.ISO_8859_1)
                            : decode(i + 1, close);
                    switch (field) {
                        case 1 -> time = v;
                        case 2 -> userHost = v;
                        case 5 -> command = v;
                        case 6 -> argument = v;
                        default -> { }
                    }
                }
                i = close + 1;
            } else if (b == '-' || (b >= '0' && b <= '9')) {
                int j = i + 1;
                long v = b == '-' ? 0 : b - '0';
                while (j < end && buf[j] >= '0' && buf[j] <= '9') {
                    v = v * 10 + (buf[j] - '0');
                    j++;
                }
                if (j >= end) {
                    return null;
                }
                if (b == '-') {
                    v = -v;
                }
                if (field == 3) {
                    threadId = v;
                } else if (field == 4) {
                    serverId = v;
                }
                while (j < end && buf[j] != ',' && buf[j] != '}') { // a fraction or exponent: not a field Ferry reads
                    j++;
                }
                i = j;
            } else if (b == 'n' || b == 't' || b == 'f') { // null, true, false
                while (i < end && buf[i] >= 'a' && buf[i] <= 'z') {
                    i++;
                }
            } else {
                throw malformed("unexpected '" + (char) b + "'");
            }
        }
        return new LogRow(time, userHost, threadId, serverId, command, argument);
    }

    /** 1 time, 2 user_host, 3 thread_id, 4 server_id, 5 command_type, 6 argument/sql_text, 0 anything else. */
    private int field(int from, int to) {
        int length = to - from;
        if (length == 10 && (same(from, to, EVENT_TIME) || same(from, to, START_TIME))) {
            return 1;
        }
        if (length == 9) {
            return same(from, to, USER_HOST) ? 2 : same(from, to, THREAD_ID) ? 3 : same(from, to, SERVER_ID) ? 4 : 0;
        }
        if (length == 12 && same(from, to, COMMAND_TYPE)) {
            return 5;
        }
        if (length == 8 && (same(from, to, ARGUMENT) || same(from, to, SQL_TEXT))) {
            return 6;
        }
        return 0;
    }

    private boolean same(int from, int to, byte[] name) {
        return Arrays.equals(buf, from, to, name, 0, name.length);
    }

    /**
     * The index of the closing quote of a string whose content starts at {@code i}, or -1 when it is not in the
     * buffer yet; sets {@link #plainString}.
     */
    private int stringEnd(int i, int end) {
        boolean plain = true;
        while (i < end) {
            byte b = buf[i];
            if (b == '"') {
                plainString = plain;
                return i;
            }
            if (b == '\\') {
                plain = false;
                i += 2;
            } else {
                if (b < 0) { // a byte >= 0x80: UTF-8
                    plain = false;
                }
                i++;
            }
        }
        return -1;
    }

    private String decode(int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        int segment = from;
        for (int k = from; k < to; k++) {
            if (buf[k] != '\\') {
                continue;
            }
            sb.append(new String(buf, segment, k - segment, StandardCharsets.UTF_8));
            byte e = buf[k + 1];
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(new String(buf, k + 2, 4, StandardCharsets.ISO_8859_1), 16));
                    k += 4;
                }
                default -> sb.append((char) e); // \" \\ \/
            }
            k++;
            segment = k + 1;
        }
        sb.append(new String(buf, segment, to - segment, StandardCharsets.UTF_8));
        return sb.toString();
    }

    private int skipSpace(int i, int end) {
        while (i < end && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n')) {
            i++;
        }
        return i;
    }

    private void expect(int i, char c) throws IOException {
        if (buf[i] != c) {
            throw malformed("expected '" + c + "'");
        }
    }

    private IOException malformed(String what) {
        return new IOException(file + " line " + (line + 1) + ": not a Ferry log archive (one flat JSON object per line): " + what);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}

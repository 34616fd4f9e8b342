package io.ferry.druid.flatten;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import io.ferry.druid.flatten.FlattenSpec.Column;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Streams NDJSON events (one nested object a line) into Druid-ready NDJSON (one flat object a line) as a
 * {@link FlattenSpec} says, counting what it read, wrote and refused, and totalling the rows per time chunk.
 * Each event goes through Jackson's token stream once against the spec's compiled paths: no tree, no regex.
 * One instance per thread; several inputs may be flattened into the same output one after another.
 */
public final class Flattener implements Closeable {
    private static final int BUFFER = 1 << 20;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final JsonFactory factory;
    private final JsonGenerator out;
    private final EventWalker walker;
    private final RowWriter rows;
    private final FlattenStats stats = new FlattenStats();
    private final FlattenTotals totals;
    private byte[] buffer = new byte[BUFFER];
    private long linesReadAlone;

    /** @param out receives the rows; flushed, not closed, by {@link #close()} */
    public Flattener(FlattenSpec spec, OutputStream out) throws IOException {
        this.factory = JsonFactory.builder()
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .build();
        this.out = factory.createGenerator(out, JsonEncoding.UTF8);
        this.out.setRootValueSeparator(null);
        List<Column> columns = spec.columns();
        int width = columns.size() + 1 + spec.derived().size();
        String[] slotNames = new String[width];
        PathTrie trie = new PathTrie();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            slotNames[i] = c.name();
            trie.add(c.path(), new PathTrie.Target(i, c.path().item(), c.type()));
        }
        slotNames[columns.size()] = spec.timestamp().column();
        trie.add(spec.timestamp().path(), new PathTrie.Target(columns.size(), spec.timestamp().path().item(),
                switch (spec.timestamp().format()) {
                    case ISO -> ColumnType.STRING;
                    case MILLIS -> ColumnType.LONG;
                    case SECONDS -> ColumnType.DOUBLE;
                }));
        spec.explode().ifPresent(e -> trie.explode(e.path()));
        RowValues values = new RowValues(width);
        this.walker = new EventWalker(trie.root(), values, factory, slotNames);
        this.totals = new FlattenTotals(spec.granularity(), RowWriter.summedNames(spec, ColumnType.LONG),
                RowWriter.summedNames(spec, ColumnType.DOUBLE));
        this.rows = new RowWriter(spec, values, totals);
    }

    /** Flattens a file, gunzipping it when its name ends in {@code .gz}. */
    public void flatten(Path file) throws IOException {
        try (InputStream in = NdjsonFiles.openInput(file)) {
            flatten(in, file.getFileName().toString());
        }
    }

    /**
     * Flattens uncompressed NDJSON; blank lines are skipped.
     *
     * @param source names the input in rejection reasons
     */
    public void flatten(InputStream in, String source) throws IOException {
        byte[] buf = buffer;
        int filled = 0;
        long line = 0;
        while (true) {
            int n = in.read(buf, filled, buf.length - filled);
            if (n < 0) {
                if (filled > 0) {
                    line++;
                    stats.bytesIn += filled;
                    if (!blank(buf, 0, filled)) {
                        single(buf, 0, filled, source, line);
                    }
                }
                break;
            }
            int scanFrom = filled;
            filled += n;
            int last = filled - 1;
            while (last >= scanFrom && buf[last] != '\n') {
                last--;
            }
            if (last < scanFrom) {
                if (filled == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2); // a line longer than the buffer
                    buffer = buf;
                }
                continue;
            }
            line = lines(buf, 0, last + 1, source, line);
            System.arraycopy(buf, last + 1, buf, 0, filled - last - 1);
            filled -= last + 1;
        }
        out.flush();
    }

    /**
     * Whole lines {@code [from, to)}, the last ending in a newline, read by one parser as a sequence of root
     * values: a parser per line would cost more than the event. A line that is not exactly one object is read
     * again on its own, by {@link #single}, which says what is wrong with it; the shared parser restarts after it.
     */
    private long lines(byte[] buf, int from, int to, String source, long line) throws IOException {
        int lineStart = from;
        while (lineStart < to) {
            JsonParser p = factory.createParser(buf, lineStart, to - lineStart);
            int base = lineStart;
            try {
                while (lineStart < to) {
                    int lineEnd = newline(buf, lineStart, to);
                    line++;
                    stats.bytesIn += lineEnd + 1 - lineStart;
                    if (blank(buf, lineStart, lineEnd)) {
                        lineStart = lineEnd + 1;
                        continue;
                    }
                    if (!shared(p, base, buf, lineStart, lineEnd, source, line)) {
                        single(buf, lineStart, lineEnd, source, line);
                        lineStart = lineEnd + 1;
                        break;
                    }
                    lineStart = lineEnd + 1;
                }
            } finally {
                p.close();
            }
        }
        return line;
    }

    /** Reads the line's event from the shared parser; false when the line must be read on its own. */
    private boolean shared(JsonParser p, int base, byte[] buf, int lineStart, int lineEnd, String source, long line)
            throws IOException {
        String problem;
        try {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            long at = base + p.currentTokenLocation().getByteOffset();
            if (at < lineStart || at >= lineEnd) {
                return false;
            }
            problem = walker.walkEvent(p);
            long end = base + p.currentLocation().getByteOffset();
            if (end > lineEnd || !blank(buf, (int) end, lineEnd)) {
                return false;
            }
        } catch (StreamReadException e) {
            return false;
        }
        stats.rowsIn++;
        if (problem == null) {
            problem = rows.write(out, stats);
        }
        if (problem != null) {
            stats.reject(source, line, problem);
        }
        return true;
    }

    /** One line with its own parser. */
    private void single(byte[] buf, int from, int to, String source, long line) throws IOException {
        linesReadAlone++;
        stats.rowsIn++;
        String problem;
        try (JsonParser p = factory.createParser(buf, from, to - from)) {
            problem = walker.walk(p);
        } catch (StreamReadException e) {
            problem = "not valid JSON: " + e.getOriginalMessage();
        }
        if (problem == null) {
            problem = rows.write(out, stats);
        }
        if (problem != null) {
            stats.reject(source, line, problem);
        }
    }

    private static boolean blank(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = buf[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** The first newline in {@code [from, to)}, or {@code to}; eight bytes at a time. */
    static int newline(byte[] buf, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(buf, i) ^ 0x0A0A0A0A0A0A0A0AL;
            // a byte of x is zero where buf has '\n'; the lowest flagged byte is always a true one
            long found = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return to;
    }

    /** Lines that had to be parsed on their own (bad lines, a last line without newline): the slow path. */
    long linesReadAlone() {
        return linesReadAlone;
    }

    public FlattenStats stats() {
        return stats;
    }

    public FlattenTotals totals() {
        return totals;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}

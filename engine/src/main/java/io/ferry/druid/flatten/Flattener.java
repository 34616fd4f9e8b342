package io.ferry.druid.flatten;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import io.ferry.druid.flatten.FlattenSpec.Column;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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

    private final JsonFactory factory;
    private final JsonGenerator out;
    private final EventWalker walker;
    private final RowWriter rows;
    private final FlattenStats stats = new FlattenStats();
    private final FlattenTotals totals;
    private byte[] buffer = new byte[BUFFER];

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
        int start = 0;
        int filled = 0;
        int scan = 0;
        long line = 0;
        while (true) {
            int n = in.read(buf, filled, buf.length - filled);
            if (n < 0) {
                if (filled > start) {
                    line++;
                    line(buf, start, filled, source, line);
                    stats.bytesIn += filled - start;
                }
                break;
            }
            filled += n;
            for (int i = scan; i < filled; i++) {
                if (buf[i] == '\n') {
                    line++;
                    line(buf, start, i, source, line);
                    stats.bytesIn += i + 1 - start;
                    start = i + 1;
                }
            }
            if (start == 0 && filled == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2); // a line longer than the buffer
                buffer = buf;
            } else if (start > 0) {
                System.arraycopy(buf, start, buf, 0, filled - start);
                filled -= start;
                start = 0;
            }
            scan = filled;
        }
        out.flush();
    }

    private void line(byte[] buf, int from, int to, String source, long line) throws IOException {
        int end = to;
        if (end > from && buf[end - 1] == '\r') {
            end--;
        }
        int begin = from;
        while (begin < end && (buf[begin] == ' ' || buf[begin] == '\t')) {
            begin++;
        }
        if (begin == end) {
            return;
        }
        stats.rowsIn++;
        String problem;
        try (JsonParser p = factory.createParser(buf, begin, end - begin)) {
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

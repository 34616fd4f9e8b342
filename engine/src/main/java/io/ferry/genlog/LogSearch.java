package io.ferry.genlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the rows a search finds: the first {@code limit} matches, and whether more match. As a sink it applies
 * the filter itself (archives are not filtered on the way in) and stops the reading once it knows there are more.
 */
public final class LogSearch implements LogRowSink {
    /** The rows found, in log order, and whether more rows match than were kept. */
    public record Hits(List<LogRow> rows, boolean more) {
    }

    private final LogFilter filter;
    private final int limit;
    private final List<LogRow> rows = new ArrayList<>();
    private boolean more;

    public LogSearch(LogFilter filter, int limit) {
        if (limit < 1) {
            throw new GenlogException("the search limit must be at least 1, was " + limit);
        }
        this.filter = filter;
        this.limit = limit;
    }

    @Override
    public boolean accept(LogRow row) {
        if (!filter.matches(row)) {
            return true;
        }
        if (rows.size() < limit) {
            rows.add(row);
            return true;
        }
        more = true;
        return false;
    }

    public Hits hits() {
        return new Hits(List.copyOf(rows), more);
    }

    /** A sink that writes every matching row to {@code csv} (after the header) and counts them. */
    public static final class CsvExport implements LogRowSink {
        private final LogFilter filter;
        private final Writer csv;
        private long written;

        public CsvExport(LogFilter filter, Writer csv) throws IOException {
            this.filter = filter;
            this.csv = csv;
            DigestCsv.writeRowsHeader(csv);
        }

        @Override
        public boolean accept(LogRow row) {
            if (filter.matches(row)) {
                try {
                    DigestCsv.writeRow(row, csv);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                written++;
            }
            return true;
        }

        public long written() {
            return written;
        }
    }
}

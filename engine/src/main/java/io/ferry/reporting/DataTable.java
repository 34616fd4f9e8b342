package io.ferry.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Google Visualization DataTable: typed columns and rows of cells. A cell's value is null, a {@link String}, a
 * {@link Number}, a {@link Boolean}, a {@link LocalDate} (date columns) or an {@link Instant} (datetime columns).
 */
public record DataTable(List<Column> cols, List<List<Cell>> rows) {
    public DataTable {
        cols = List.copyOf(cols);
        List<List<Cell>> copied = new ArrayList<>();
        for (List<Cell> row : rows) {
            if (row.size() != cols.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " cells for " + cols.size() + " columns");
            }
            copied.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = List.copyOf(copied);
    }

    public record Column(String id, String label, ColumnType type) {
        public Column {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(type, "type");
            label = label == null ? id : label;
        }
    }

    /** @param f the formatted value shown instead of {@code v}, or null */
    public record Cell(Object v, String f) {
        public static final Cell NULL = new Cell(null, null);

        public static Cell of(Object v) {
            return v == null ? NULL : new Cell(v, null);
        }
    }
}

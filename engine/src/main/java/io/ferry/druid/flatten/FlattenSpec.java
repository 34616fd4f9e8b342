package io.ferry.druid.flatten;

import java.util.List;
import java.util.Optional;

/**
 * What to take from each nested event and how to write it as a flat Druid row. Read one with
 * {@link FlattenSpecReader}; every reference in it has been checked.
 *
 * @param granularity the time chunk of {@link FlattenTotals}: the re-index's segment granularity
 */
public record FlattenSpec(Timestamp timestamp, List<Column> columns, Optional<Explode> explode, List<Derived> derived,
                          MissingPolicy onMissing, ChunkGranularity granularity) {

    public FlattenSpec {
        columns = List.copyOf(columns);
        derived = List.copyOf(derived);
    }

    public enum MissingPolicy {
        /** A missing (or JSON null) field is written as null. */
        NULL,
        /** The event is rejected, with the field named in the reason. */
        REJECT
    }

    public enum TimestampFormat { ISO, MILLIS, SECONDS }

    /**
     * @param column the output column (Druid's {@code timestampSpec.column})
     * @param output {@link TimestampFormat#ISO} or {@link TimestampFormat#MILLIS}
     */
    public record Timestamp(JsonPath path, TimestampFormat format, String column, TimestampFormat output) {
    }

    /** @param output false for a column only read to feed a derived field */
    public record Column(String name, JsonPath path, ColumnType type, MissingPolicy onMissing, boolean output) {
    }

    /** @param keepEmpty an event without elements gives one row with nulls (true) or none (false) */
    public record Explode(JsonPath path, boolean keepEmpty) {
    }

    public enum Function {
        /** The args joined with {@code separator}; null if any is null. */
        CONCAT,
        LOWER, UPPER,
        /** 0-23, UTC, from the row's timestamp. */
        HOUR_OF_DAY,
        CONSTANT,
        /** The first arg that is not null. */
        COALESCE
    }

    /**
     * @param args     names of columns or of earlier derived fields
     * @param constant for {@link Function#CONSTANT}: a String, Long, Double or Boolean
     * @param type     the type of the result
     */
    public record Derived(String name, Function function, List<String> args, String separator, Object constant,
                          ColumnType type) {
        public Derived {
            args = List.copyOf(args);
        }
    }

    /** A column of the flat rows, after the timestamp: what the ingestion spec declares as a dimension or metric. */
    public record OutputColumn(String name, ColumnType type) {
    }

    /** The columns every written row has, in order, after {@code timestamp().column()}: columns, then derived fields. */
    public List<OutputColumn> outputColumns() {
        List<OutputColumn> out = new java.util.ArrayList<>();
        columns.stream().filter(Column::output).forEach(c -> out.add(new OutputColumn(c.name(), c.type())));
        derived.forEach(d -> out.add(new OutputColumn(d.name(), d.type())));
        return List.copyOf(out);
    }

    /** Long and double columns written to the output: the ones {@link FlattenTotals} sums. */
    public List<Column> summedColumns() {
        return columns.stream().filter(c -> c.output() && c.type().isNumeric()).toList();
    }
}

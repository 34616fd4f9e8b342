package io.ferry.druid.flatten;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.ferry.druid.flatten.FlattenSpec.Column;
import io.ferry.druid.flatten.FlattenSpec.Derived;
import io.ferry.druid.flatten.FlattenSpec.MissingPolicy;
import io.ferry.druid.flatten.FlattenSpec.TimestampFormat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns the values of one event into its flat rows (one, or one per exploded element): checks every row first
 * (timestamp, required fields), so an event is written whole or not at all, then computes the derived fields,
 * writes the rows and adds them to the totals.
 */
final class RowWriter {
    /** A slot of the row (block 0) or of the row's element. */
    private record Ref(int slot, boolean item) {
    }

    private final FlattenSpec spec;
    private final RowValues values;
    private final FlattenTotals totals;
    private final Ref timestamp;
    private final Ref[] columns;
    private final SerializedString[] columnNames;
    private final boolean[] required;
    private final Ref[][] derivedArgs;
    private final int derivedBase;
    private final SerializedString[] derivedNames;
    private final SerializedString timestampName;
    private final int[] longSums;
    private final int[] doubleSums;
    private final char[] iso = new char[32];
    private long[] rowMillis = new long[16];

    RowWriter(FlattenSpec spec, RowValues values, FlattenTotals totals) {
        this.spec = spec;
        this.values = values;
        this.totals = totals;
        List<Column> cols = spec.columns();
        int n = cols.size();
        columns = new Ref[n];
        columnNames = new SerializedString[n];
        required = new boolean[n];
        for (int i = 0; i < n; i++) {
            columns[i] = new Ref(i, cols.get(i).path().item());
            columnNames[i] = new SerializedString(cols.get(i).name());
            required[i] = cols.get(i).onMissing() == MissingPolicy.REJECT;
        }
        timestamp = new Ref(n, spec.timestamp().path().item());
        timestampName = new SerializedString(spec.timestamp().column());
        derivedBase = n + 1;
        List<Derived> derived = spec.derived();
        derivedArgs = new Ref[derived.size()][];
        derivedNames = new SerializedString[derived.size()];
        for (int k = 0; k < derived.size(); k++) {
            derivedNames[k] = new SerializedString(derived.get(k).name());
            derivedArgs[k] = derived.get(k).args().stream().map(this::ref).toArray(Ref[]::new);
        }
        longSums = summed(cols, ColumnType.LONG);
        doubleSums = summed(cols, ColumnType.DOUBLE);
    }

    private Ref ref(String name) {
        List<Column> cols = spec.columns();
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).name().equals(name)) {
                return columns[i];
            }
        }
        for (int k = 0; k < spec.derived().size(); k++) {
            if (spec.derived().get(k).name().equals(name)) {
                return new Ref(derivedBase + k, false);
            }
        }
        throw new IllegalArgumentException("unknown column " + name);
    }

    private static int[] summed(List<Column> cols, ColumnType type) {
        return java.util.stream.IntStream.range(0, cols.size())
                .filter(i -> cols.get(i).output() && cols.get(i).type() == type).toArray();
    }

    /** Names of the summed long columns, in totals order. */
    static List<String> summedNames(FlattenSpec spec, ColumnType type) {
        return spec.columns().stream().filter(c -> c.output() && c.type() == type).map(Column::name).toList();
    }

    /** Writes the event's rows; returns null, or why the event was rejected (nothing written then). */
    String write(JsonGenerator out, FlattenStats stats) throws IOException {
        int rows = spec.explode().isEmpty() ? 1 : values.elements;
        boolean noElements = rows == 0;
        if (noElements) {
            if (!spec.explode().get().keepEmpty()) {
                stats.dropped++;
                return null;
            }
            rows = 1;
        }
        if (rowMillis.length < rows) {
            rowMillis = Arrays.copyOf(rowMillis, Math.max(rows, rowMillis.length * 2));
        }
        for (int r = 0; r < rows; r++) {
            int element = noElements || spec.explode().isEmpty() ? -1 : RowValues.elementBase(r, values.width);
            String problem = check(r, element);
            if (problem != null) {
                return problem;
            }
        }
        for (int r = 0; r < rows; r++) {
            int element = noElements || spec.explode().isEmpty() ? -1 : RowValues.elementBase(r, values.width);
            writeRow(out, rowMillis[r], element);
        }
        stats.rowsOut += rows;
        return null;
    }

    private String check(int row, int element) {
        int ts = index(timestamp, element);
        long millis = Timestamps.INVALID;
        if (ts >= 0 && !values.isAbsent(ts)) {
            millis = switch (spec.timestamp().format()) {
                case ISO -> values.kind[ts] == RowValues.STRING
                        ? Timestamps.parseIso(values.arena, values.off[ts], values.len[ts]) : Timestamps.INVALID;
                case MILLIS -> values.longs[ts];
                case SECONDS -> Math.round(values.doubles[ts] * 1000);
            };
            if (millis == Timestamps.INVALID) {
                return spec.timestamp().column() + ": cannot read '" + values.text(ts) + "' as an "
                        + spec.timestamp().format().name().toLowerCase(Locale.ROOT) + " timestamp";
            }
        } else {
            return spec.timestamp().column() + " (" + spec.timestamp().path() + "): missing";
        }
        rowMillis[row] = millis;
        for (int i = 0; i < columns.length; i++) {
            if (required[i]) {
                int at = index(columns[i], element);
                if (at < 0 || values.isAbsent(at)) {
                    return spec.columns().get(i).name() + " (" + spec.columns().get(i).path() + "): missing";
                }
            }
        }
        return null;
    }

    private void writeRow(JsonGenerator out, long millis, int element) throws IOException {
        int mark = values.arenaLength;
        derive(millis, element);
        out.writeStartObject();
        out.writeFieldName(timestampName);
        if (spec.timestamp().output() == TimestampFormat.MILLIS) {
            out.writeNumber(millis);
        } else {
            out.writeString(iso, 0, Timestamps.formatIso(millis, iso));
        }
        List<Column> cols = spec.columns();
        FlattenTotals.Sums sums = totals.row(millis);
        for (int i = 0; i < columns.length; i++) {
            if (cols.get(i).output()) {
                out.writeFieldName(columnNames[i]);
                writeValue(out, index(columns[i], element));
            }
        }
        for (int k = 0; k < derivedNames.length; k++) {
            out.writeFieldName(derivedNames[k]);
            writeValue(out, derivedBase + k);
        }
        out.writeEndObject();
        out.writeRaw('\n');
        for (int j = 0; j < longSums.length; j++) {
            int at = index(columns[longSums[j]], element);
            if (at >= 0 && values.kind[at] == RowValues.LONG) {
                sums.longs[j] += values.longs[at];
            }
        }
        for (int j = 0; j < doubleSums.length; j++) {
            int at = index(columns[doubleSums[j]], element);
            if (at >= 0 && values.kind[at] == RowValues.DOUBLE) {
                sums.doubles[j] += values.doubles[at];
            }
        }
        values.arenaLength = mark;
    }

    private void derive(long millis, int element) {
        List<Derived> derived = spec.derived();
        for (int k = 0; k < derived.size(); k++) {
            Derived d = derived.get(k);
            int target = derivedBase + k;
            Ref[] args = derivedArgs[k];
            switch (d.function()) {
                case CONSTANT -> {
                    Object c = d.constant();
                    if (c instanceof Long l) {
                        values.setLong(target, l);
                    } else if (c instanceof Double x) {
                        values.setDouble(target, x);
                    } else if (c instanceof Boolean b) {
                        values.setBoolean(target, b);
                    } else {
                        values.setString(target, (String) c);
                    }
                }
                case HOUR_OF_DAY -> values.setLong(target, Math.floorMod(millis, 86_400_000L) / 3_600_000L);
                case COALESCE -> {
                    values.setNull(target);
                    for (Ref a : args) {
                        int at = index(a, element);
                        if (at >= 0 && !values.isAbsent(at)) {
                            values.copy(at, target);
                            break;
                        }
                    }
                }
                case LOWER, UPPER -> {
                    int at = index(args[0], element);
                    if (at < 0 || values.isAbsent(at)) {
                        values.setNull(target);
                    } else {
                        int len = values.len[at];
                        int start = values.reserve(len);
                        char[] a = values.arena;
                        int from = values.off[at];
                        boolean lower = d.function() == FlattenSpec.Function.LOWER;
                        for (int c = 0; c < len; c++) {
                            char ch = a[from + c];
                            a[start + c] = lower ? Character.toLowerCase(ch) : Character.toUpperCase(ch);
                        }
                        values.kind[target] = RowValues.STRING;
                        values.off[target] = start;
                        values.len[target] = len;
                    }
                }
                case CONCAT -> concat(d, args, target, element);
            }
        }
    }

    private void concat(Derived d, Ref[] args, int target, int element) {
        for (Ref a : args) {
            int at = index(a, element);
            if (at < 0 || values.isAbsent(at)) {
                values.setNull(target);
                return;
            }
        }
        int start = values.arenaLength;
        for (int j = 0; j < args.length; j++) {
            if (j > 0 && !d.separator().isEmpty()) {
                append(d.separator());
            }
            int at = index(args[j], element);
            if (values.kind[at] == RowValues.STRING) {
                int len = values.len[at];
                int to = values.reserve(len);
                System.arraycopy(values.arena, values.off[at], values.arena, to, len);
            } else {
                append(values.text(at));
            }
        }
        values.kind[target] = RowValues.STRING;
        values.off[target] = start;
        values.len[target] = values.arenaLength - start;
    }

    private void append(String s) {
        int to = values.reserve(s.length());
        s.getChars(0, s.length(), values.arena, to);
    }

    private void writeValue(JsonGenerator out, int at) throws IOException {
        if (at < 0) {
            out.writeNull();
            return;
        }
        switch (values.kind[at]) {
            case RowValues.STRING -> out.writeString(values.arena, values.off[at], values.len[at]);
            case RowValues.LONG -> out.writeNumber(values.longs[at]);
            case RowValues.DOUBLE -> out.writeNumber(values.doubles[at]);
            case RowValues.BOOLEAN -> out.writeBoolean(values.longs[at] != 0);
            default -> out.writeNull();
        }
    }

    private static int index(Ref ref, int element) {
        if (!ref.item()) {
            return ref.slot();
        }
        return element < 0 ? -1 : element + ref.slot();
    }
}

package io.ferry.replication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a full load is, kept in the checkpoint so that it resumes per chunk: the table being loaded (tables are
 * loaded in {@link TableId} order) and the primary key of the last row loaded from it (null: none yet).
 * Serialised as JSON: {@code {"table":"shop.orders","after":["42"],"rows":40000,"chunks":2,"copy":["shop.orders"]}};
 * {@code {"table":null}} once every table is done.
 * {@code queue}, when not null, lists the only tables to load after this one (reloading chosen tables:
 * {@code {"table":"shop.orders","after":null,"queue":[]}}); null means every later table in order.
 * {@code copy} lists the tables still to load whose target is empty except for what this load wrote: no change from
 * the stream reached them since they were emptied, so their chunks may be COPYed straight in instead of merged.
 * {@code rows} and {@code chunks} count what was loaded of the current table (progress figures after a restart).
 */
public record SnapshotProgress(TableId table, Object[] afterKey, List<TableId> queue, Set<TableId> copy, long rows,
                               long chunks) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public SnapshotProgress {
        copy = copy == null ? Set.of() : Set.copyOf(copy);
    }

    public SnapshotProgress(TableId table, Object[] afterKey) {
        this(table, afterKey, null, Set.of(), 0, 0);
    }

    public SnapshotProgress(TableId table, Object[] afterKey, List<TableId> queue) {
        this(table, afterKey, queue, Set.of(), 0, 0);
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    private record Stored(String table, List<String> after, List<String> queue, List<String> copy, Long rows, Long chunks) {
    }

    /** The progress that loads only {@code tables} again (in this order), then streams. */
    public static SnapshotProgress reload(List<TableId> tables) {
        return new SnapshotProgress(tables.get(0), null, List.copyOf(tables.subList(1, tables.size())));
    }

    /** The next table to load after {@link #table()}, given every selected table in load order; null when done. */
    public SnapshotProgress next(List<TableId> order) {
        TableId following;
        List<TableId> rest = null;
        if (queue != null) {
            following = queue.isEmpty() ? null : queue.get(0);
            rest = queue.isEmpty() ? null : List.copyOf(queue.subList(1, queue.size()));
        } else {
            int i = order.indexOf(table);
            following = i + 1 < order.size() ? order.get(i + 1) : null;
        }
        Set<TableId> stillCopy = new TreeSet<>(copy);
        stillCopy.remove(table);
        return new SnapshotProgress(following, null, following == null ? null : rest, following == null ? Set.of() : stillCopy, 0, 0);
    }

    /** The same table and queue, after {@code key}, with one more chunk of {@code chunkRows} rows loaded. */
    public SnapshotProgress after(Object[] key, long chunkRows) {
        return new SnapshotProgress(table, key, queue, copy, rows + chunkRows, chunks + 1);
    }

    /** The same table and queue, after {@code key}. */
    public SnapshotProgress after(Object[] key) {
        return new SnapshotProgress(table, key, queue, copy, rows, chunks);
    }

    /** This progress where the stream has changed {@code tables}: their chunks are merged from now on. */
    public SnapshotProgress touched(java.util.Collection<TableId> tables) {
        if (copy.isEmpty() || tables.stream().noneMatch(copy::contains)) {
            return this;
        }
        Set<TableId> left = new TreeSet<>(copy);
        left.removeAll(tables);
        return new SnapshotProgress(table, afterKey, queue, left, rows, chunks);
    }

    /** This progress with {@code tables} loaded by COPY while nothing else writes to them. */
    public SnapshotProgress copying(java.util.Collection<TableId> tables) {
        Set<TableId> more = new TreeSet<>(copy);
        more.addAll(tables);
        return new SnapshotProgress(table, afterKey, queue, more, rows, chunks);
    }

    /** This progress with {@code t} loaded again after every table already planned. */
    public SnapshotProgress andThen(TableId t, List<TableId> order) {
        if (done()) {
            return new SnapshotProgress(t, null, List.of(), Set.of(t), 0, 0);
        }
        List<TableId> later = new ArrayList<>();
        for (TableId o : order) {
            if (queued(o, order)) {
                later.add(o);
            }
        }
        later.add(t);
        Set<TableId> more = new TreeSet<>(copy);
        more.add(t);
        return new SnapshotProgress(table, afterKey, later, more, rows, chunks);
    }

    /** Whether {@code t} is still to be loaded after the current table. */
    public boolean queued(TableId t, List<TableId> order) {
        if (done() || t.equals(table)) {
            return false;
        }
        return queue != null ? queue.contains(t) : order.indexOf(t) > order.indexOf(table);
    }

    /** Whether {@code t} is being loaded or still to be. */
    public boolean pending(TableId t, List<TableId> order) {
        return !done() && (t.equals(table) || queued(t, order));
    }

    public static SnapshotProgress start(TableId first) {
        return new SnapshotProgress(first, null);
    }

    public boolean done() {
        return table == null;
    }

    public String serialize(ValueKind[] keyKinds) {
        List<String> after = null;
        if (afterKey != null) {
            after = new ArrayList<>();
            for (int i = 0; i < afterKey.length; i++) {
                after.add(encode(afterKey[i], keyKinds[i]));
            }
        }
        try {
            return JSON.writeValueAsString(new Stored(table == null ? null : table.toString(), after,
                    queue == null ? null : queue.stream().map(TableId::toString).toList(),
                    copy.isEmpty() ? null : copy.stream().sorted().map(TableId::toString).toList(),
                    table == null ? null : rows, table == null ? null : chunks));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses {@link #serialize}; {@code keyKinds} gives the key kinds of the table named in the text. */
    public static SnapshotProgress parse(String text, java.util.function.Function<TableId, ValueKind[]> keyKinds) {
        Stored stored;
        try {
            stored = JSON.readValue(text, Stored.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The snapshot progress in the checkpoint is not readable: " + text, e);
        }
        if (stored.table() == null) {
            return new SnapshotProgress(null, null);
        }
        TableId table = TableId.parse(stored.table());
        List<TableId> queue = stored.queue() == null ? null : stored.queue().stream().map(TableId::parse).toList();
        Set<TableId> copy = stored.copy() == null ? Set.of() : new TreeSet<>(stored.copy().stream().map(TableId::parse).toList());
        long rows = stored.rows() == null ? 0 : stored.rows();
        long chunks = stored.chunks() == null ? 0 : stored.chunks();
        if (stored.after() == null) {
            return new SnapshotProgress(table, null, queue, copy, rows, chunks);
        }
        ValueKind[] kinds = keyKinds.apply(table);
        Object[] key = new Object[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            key[i] = decode(stored.after().get(i), kinds[i]);
        }
        return new SnapshotProgress(table, key, queue, copy, rows, chunks);
    }

    private static String encode(Object value, ValueKind kind) {
        if (value == null) {
            return null;
        }
        return switch (kind) {
            case BYTES -> HexFormat.of().formatHex((byte[]) value);
            case DECIMAL -> ((BigDecimal) value).toPlainString();
            case TIME -> MySqlTime.format((java.time.Duration) value);
            default -> value.toString();
        };
    }

    private static Object decode(String text, ValueKind kind) {
        if (text == null) {
            return null;
        }
        return switch (kind) {
            case INTEGER -> Long.parseLong(text);
            case UNSIGNED_BIGINT -> new BigInteger(text);
            case DECIMAL -> new BigDecimal(text);
            case FLOAT -> Float.parseFloat(text);
            case DOUBLE -> Double.parseDouble(text);
            case TEXT, JSON, BITS -> text;
            case BYTES -> HexFormat.of().parseHex(text);
            case DATE -> LocalDate.parse(text);
            case DATETIME -> LocalDateTime.parse(text);
            case TIMESTAMP -> Instant.parse(text);
            case TIME -> MySqlTime.parse(text);
            case BOOLEAN -> Boolean.parseBoolean(text);
        };
    }
}

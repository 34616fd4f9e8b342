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

/**
 * Where a full load is, kept in the checkpoint so that it resumes per chunk: the table being loaded (tables are
 * loaded in {@link TableId} order) and the primary key of the last row loaded from it (null: none yet).
 * Serialised as JSON: {@code {"table":"shop.orders","after":["42"]}}; {@code {"table":null}} once every table is done.
 * {@code queue}, when not null, lists the only tables to load after this one (reloading chosen tables:
 * {@code {"table":"shop.orders","after":null,"queue":[]}}); null means every later table in order.
 */
public record SnapshotProgress(TableId table, Object[] afterKey, List<TableId> queue) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public SnapshotProgress(TableId table, Object[] afterKey) {
        this(table, afterKey, null);
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    private record Stored(String table, List<String> after, List<String> queue) {
    }

    /** The progress that loads only {@code tables} again (in this order), then streams. */
    public static SnapshotProgress reload(List<TableId> tables) {
        return new SnapshotProgress(tables.get(0), null, List.copyOf(tables.subList(1, tables.size())));
    }

    /** The next table to load after {@link #table()}, given every selected table in load order; null when done. */
    public SnapshotProgress next(List<TableId> order) {
        if (queue != null) {
            return queue.isEmpty() ? new SnapshotProgress(null, null, null)
                    : new SnapshotProgress(queue.get(0), null, List.copyOf(queue.subList(1, queue.size())));
        }
        int i = order.indexOf(table);
        return new SnapshotProgress(i + 1 < order.size() ? order.get(i + 1) : null, null, null);
    }

    /** The same table and queue, after {@code key}. */
    public SnapshotProgress after(Object[] key) {
        return new SnapshotProgress(table, key, queue);
    }

    /** Whether {@code t} is still to be loaded after the current table. */
    public boolean queued(TableId t, List<TableId> order) {
        if (done() || t.equals(table)) {
            return false;
        }
        return queue != null ? queue.contains(t) : order.indexOf(t) > order.indexOf(table);
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
                    queue == null ? null : queue.stream().map(TableId::toString).toList()));
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
        if (stored.after() == null) {
            return new SnapshotProgress(table, null, queue);
        }
        ValueKind[] kinds = keyKinds.apply(table);
        Object[] key = new Object[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            key[i] = decode(stored.after().get(i), kinds[i]);
        }
        return new SnapshotProgress(table, key, queue);
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

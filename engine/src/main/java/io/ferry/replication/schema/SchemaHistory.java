package io.ferry.replication.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.replication.BinlogPosition;
import io.ferry.replication.ColumnSchema;
import io.ferry.replication.TableId;
import io.ferry.replication.TableSchema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema of every replicated table per binlog position: a version per table at the job's start (read from
 * {@code information_schema}), then one at every DDL that changed it. A version holds from its position on (the end
 * of its DDL), until the table's next version; a null schema means the table was dropped (or left the selection).
 * Thread-confined: each thread of a job keeps its own history.
 */
public final class SchemaHistory {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One version of one table.
     *
     * @param seq    the version number, increasing through the whole history
     * @param from   the position from which it holds (the end of the DDL, or the job's start position)
     * @param schema the table's schema, or null from a DROP (or a rename out of the selection) on
     * @param ddl    the statement that made it; null for the snapshot at start
     */
    public record Version(long seq, TableId table, BinlogPosition from, TableSchema schema, String ddl) {
    }

    private final List<Version> versions = new ArrayList<>();
    private final Map<TableId, TableSchema> current = new LinkedHashMap<>();

    public SchemaHistory() {
    }

    /** A history made of stored versions (in any order). */
    public SchemaHistory(List<Version> stored) {
        stored.stream().sorted((a, b) -> Long.compare(a.seq(), b.seq())).forEach(this::add);
    }

    /** Appends a version another history recorded (same numbering). */
    public void append(Version v) {
        add(v);
    }

    private void add(Version v) {
        if (!versions.isEmpty() && v.seq() <= versions.get(versions.size() - 1).seq()) {
            throw new IllegalArgumentException("Schema history versions must increase: " + v.seq() + " after "
                    + versions.get(versions.size() - 1).seq());
        }
        versions.add(v);
        if (v.schema() == null) {
            current.remove(v.table());
        } else {
            current.put(v.table(), v.schema());
        }
    }

    /** Records {@code schema} (null: the table is gone) as the version of its table from {@code from} on. */
    public Version record(TableId table, BinlogPosition from, TableSchema schema, String ddl) {
        if (!versions.isEmpty() && from.compareTo(versions.get(versions.size() - 1).from()) < 0) {
            throw new IllegalArgumentException("A schema version at " + from + " comes after one at "
                    + versions.get(versions.size() - 1).from());
        }
        Version v = new Version(nextSeq(), table, from, schema, ddl);
        add(v);
        return v;
    }

    private long nextSeq() {
        return versions.isEmpty() ? 1 : versions.get(versions.size() - 1).seq() + 1;
    }

    public boolean isEmpty() {
        return versions.isEmpty();
    }

    public List<Version> versions() {
        return Collections.unmodifiableList(versions);
    }

    /** The tables that exist after the last version, with their schemas. */
    public Map<TableId, TableSchema> current() {
        return Collections.unmodifiableMap(current);
    }

    /** The current schema of a table; null if it is not replicated (or no longer exists). */
    public TableSchema schemaOf(TableId table) {
        return current.get(table);
    }

    /**
     * The schema in force for an event of {@code table} at {@code position}: the last version at or before it; null if
     * the table did not exist (or was not replicated) there.
     */
    public TableSchema inForceAt(TableId table, BinlogPosition position) {
        TableSchema found = null;
        for (Version v : versions) {
            if (v.from().compareTo(position) > 0) {
                break;
            }
            if (v.table().equals(table)) {
                found = v.schema();
            }
        }
        return found;
    }

    // ---- serialisation: one version's table definition as JSON text (the warehouse stores one row per version)

    /** A table schema as JSON; {@code null} for null. */
    public static String toJson(TableSchema schema) {
        if (schema == null) {
            return null;
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", schema.id().schema());
        root.put("table", schema.id().table());
        ArrayNode columns = root.putArray("columns");
        for (ColumnSchema c : schema.columns()) {
            ObjectNode n = columns.addObject();
            n.put("name", c.name());
            n.put("dataType", c.dataType());
            n.put("columnType", c.columnType());
            n.put("nullable", c.nullable());
            n.put("charMaxLength", c.charMaxLength());
            n.put("numericPrecision", c.numericPrecision());
            n.put("numericScale", c.numericScale());
            n.put("datetimePrecision", c.datetimePrecision());
            n.put("charset", c.charset());
            n.put("json", c.json());
        }
        ArrayNode key = root.putArray("primaryKey");
        schema.primaryKey().forEach(key::add);
        return root.toString();
    }

    /** Parses what {@link #toJson} wrote. */
    public static TableSchema fromJson(String json) {
        if (json == null) {
            return null;
        }
        try {
            JsonNode root = JSON.readTree(json);
            List<ColumnSchema> columns = new ArrayList<>();
            for (JsonNode n : root.get("columns")) {
                columns.add(new ColumnSchema(n.get("name").asText(), n.get("dataType").asText(), n.get("columnType").asText(),
                        n.get("nullable").asBoolean(), longOrNull(n, "charMaxLength"), intOrNull(n, "numericPrecision"),
                        intOrNull(n, "numericScale"), intOrNull(n, "datetimePrecision"), textOrNull(n, "charset"),
                        n.get("json").asBoolean()));
            }
            List<String> key = new ArrayList<>();
            root.get("primaryKey").forEach(k -> key.add(k.asText()));
            return new TableSchema(new TableId(root.get("schema").asText(), root.get("table").asText()), columns, key);
        } catch (Exception e) {
            throw new IllegalArgumentException("Not a table schema Ferry wrote: " + abbreviate(json) + " (" + e.getMessage() + ")", e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    private static Long longOrNull(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asLong();
    }

    private static Integer intOrNull(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asInt();
    }

    private static String textOrNull(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}

package io.ferry.warehouse;

import io.ferry.replication.ColumnSchema;
import io.ferry.replication.TableId;
import io.ferry.replication.TableSchema;
import io.ferry.replication.UnsupportedTypeException;
import io.ferry.replication.ValueKind;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * PostgreSQL (15+, for MERGE) as the warehouse. Types are chosen so that every MySQL value fits unchanged:
 * unsigned integers widen (BIGINT UNSIGNED → NUMERIC(20)), TIME becomes INTERVAL (MySQL's TIME spans ±838 hours),
 * TIMESTAMP becomes TIMESTAMPTZ (it is a point in time), DATETIME a TIMESTAMP without zone, ENUM/SET their labels
 * as TEXT, BIT(n) a BIT VARYING(n), YEAR and TINYINT(1) (BOOLEAN) a SMALLINT (MySQL lets them hold other values).
 */
public final class PostgresDialect implements WarehouseDialect {
    private static final int MAX_IDENTIFIER_BYTES = 63;

    /** Where every target table goes; null: the source table's own schema name. */
    private final String targetSchema;

    public PostgresDialect() {
        this(null);
    }

    /** @param targetSchema the warehouse schema of every target table; null keeps the source schema's name */
    public PostgresDialect(String targetSchema) {
        this.targetSchema = targetSchema;
    }

    @Override
    public TargetTable target(TableSchema source) {
        return new TargetTable(targetSchema == null ? source.id().schema() : targetSchema, source.id().table(), source);
    }

    @Override
    public String quote(String identifier) {
        if (identifier.isEmpty() || identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("Not a valid PostgreSQL identifier: '" + identifier + "'");
        }
        if (identifier.getBytes(StandardCharsets.UTF_8).length > MAX_IDENTIFIER_BYTES) {
            throw new IllegalArgumentException("The name " + identifier + " is longer than PostgreSQL's "
                    + MAX_IDENTIFIER_BYTES + " bytes and would be truncated: rename it in the table rules");
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public String columnType(TableId table, ColumnSchema c) {
        ValueKind kind = ValueKind.of(table, c);
        String t = c.dataType();
        return switch (kind) {
            case INTEGER -> switch (t) {
                case "tinyint", "year" -> "SMALLINT";
                case "smallint" -> c.unsigned() ? "INTEGER" : "SMALLINT";
                case "mediumint" -> "INTEGER";
                case "int", "integer" -> c.unsigned() ? "BIGINT" : "INTEGER";
                case "bigint" -> "BIGINT";
                default -> throw new UnsupportedTypeException(table, c);
            };
            case UNSIGNED_BIGINT -> "NUMERIC(20)";
            case DECIMAL -> "NUMERIC(" + c.numericPrecision() + "," + c.numericScale() + ")";
            case FLOAT -> "REAL";
            case DOUBLE -> "DOUBLE PRECISION";
            case TEXT -> switch (t) {
                case "char", "varchar" -> "VARCHAR(" + c.charMaxLength() + ")";
                default -> "TEXT";
            };
            case JSON -> "JSONB";
            case BYTES -> "BYTEA";
            case DATE -> "DATE";
            case DATETIME -> "TIMESTAMP(" + precision(c) + ")";
            case TIMESTAMP -> "TIMESTAMPTZ(" + precision(c) + ")";
            case TIME -> "INTERVAL";
            case BITS -> "BIT VARYING(" + Math.max(1, c.declaredLength()) + ")";
            case BOOLEAN -> "BOOLEAN";
        };
    }

    private static int precision(ColumnSchema c) {
        return c.datetimePrecision() == null ? 0 : c.datetimePrecision();
    }

    @Override
    public List<String> createTable(TargetTable table) {
        List<String> sql = new ArrayList<>();
        sql.add("CREATE SCHEMA IF NOT EXISTS " + quote(table.schema()));
        StringJoiner body = new StringJoiner(",\n  ", "CREATE TABLE " + qualified(table.schema(), table.table()) + " (\n  ", "\n)");
        TableId id = table.source().id();
        for (ColumnSchema c : table.source().columns()) {
            body.add(quote(c.name()) + " " + columnType(id, c) + (c.nullable() ? "" : " NOT NULL"));
        }
        if (table.source().hasPrimaryKey()) {
            StringJoiner pk = new StringJoiner(", ", "PRIMARY KEY (", ")");
            table.source().primaryKey().forEach(k -> pk.add(quote(k)));
            body.add(pk.toString());
        }
        sql.add(body.toString());
        return sql;
    }
}

package io.ferry.warehouse.redshift;

import io.ferry.replication.TableSchema;
import io.ferry.warehouse.TargetTable;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Every statement the Redshift dialect emits for a table, built in one place so that docs/redshift-sql.md and
 * RedshiftSqlRulesTest see exactly what runs. A batch applies with {@code DELETE ... USING staging} then
 * {@code INSERT ... SELECT}: Redshift's MERGE takes one WHEN MATCHED and one WHEN NOT MATCHED clause without extra
 * conditions, so a batch mixing upserts and deletions cannot be one MERGE. TRUNCATE commits the open transaction in
 * Redshift: Ferry only ever deletes.
 */
public final class RedshiftStatements {
    public static final String DELETED = "_ferry_deleted";
    public static final String SEQ = "_ferry_seq";
    public static final String DELETE_SEQ = "_ferry_delete_seq";

    private final RedshiftDialect dialect;

    public RedshiftStatements(RedshiftDialect dialect) {
        this.dialect = dialect;
    }

    public RedshiftDialect dialect() {
        return dialect;
    }

    public String target(TableSchema source) {
        TargetTable t = dialect.target(source);
        return dialect.qualified(t.schema(), t.table());
    }

    public String dropTable(TableSchema source) {
        return "DROP TABLE IF EXISTS " + target(source);
    }

    /** Empties a table inside the transaction (TRUNCATE would commit it). */
    public String deleteAll(TableSchema source) {
        return "DELETE FROM " + target(source);
    }

    /** A session-temporary staging table: the target's columns, then the deleted flag and the sequence numbers. */
    public String createStage(TableSchema source, String stage) {
        StringJoiner body = new StringJoiner(", ", "CREATE TEMPORARY TABLE " + dialect.quote(stage) + " (", ")");
        for (RedshiftColumn c : dialect.columns(source)) {
            body.add(dialect.quote(c.source().name()) + " " + c.type());
        }
        if (dialect.flagsTruncation(source)) {
            body.add(dialect.quote(RedshiftDialect.TRUNCATED) + " BOOLEAN NOT NULL");
        }
        body.add(dialect.quote(DELETED) + " BOOLEAN NOT NULL");
        body.add(dialect.quote(SEQ) + " BIGINT NOT NULL");
        body.add(dialect.quote(DELETE_SEQ) + " BIGINT NOT NULL");
        return body + dialect.tableAttributes(source);
    }

    /** The staging table's columns, quoted, in order. */
    public List<String> stageColumns(TableSchema source) {
        List<String> columns = new ArrayList<>(dialect.targetColumns(source));
        columns.add(dialect.quote(DELETED));
        columns.add(dialect.quote(SEQ));
        columns.add(dialect.quote(DELETE_SEQ));
        return columns;
    }

    /** The parameter expressions of one staging row in a multi-row INSERT (each casts bound text to the column type). */
    public List<String> stageParameters(TableSchema source) {
        List<String> params = new ArrayList<>(targetParameters(source));
        params.add("CAST(? AS BOOLEAN)");
        params.add("CAST(? AS BIGINT)");
        params.add("CAST(? AS BIGINT)");
        return params;
    }

    /** The parameter expressions of one target row (the full-load path inserts straight into the target). */
    public List<String> targetParameters(TableSchema source) {
        List<String> params = new ArrayList<>();
        dialect.columns(source).forEach(c -> params.add(c.parameter()));
        if (dialect.flagsTruncation(source)) {
            params.add("CAST(? AS BOOLEAN)");
        }
        return params;
    }

    public String dropStage(String stage) {
        return "DROP TABLE " + dialect.quote(stage);
    }

    /** Removes every staged key from the target: the deleted ones, and the old versions of the ones written. */
    public String deleteUsingStage(TableSchema source, String stage) {
        TargetTable t = dialect.target(source);
        String table = dialect.quote(t.table());
        String s = dialect.quote(stage);
        StringJoiner on = new StringJoiner(" AND ");
        source.primaryKey().forEach(k -> on.add(table + "." + dialect.quote(k) + " = " + s + "." + dialect.quote(k)));
        return "DELETE FROM " + target(source) + " USING " + s + " WHERE " + on;
    }

    /** Inserts the staged rows that are not deletions. */
    public String insertFromStage(TableSchema source, String stage) {
        String columns = String.join(", ", dialect.targetColumns(source));
        return "INSERT INTO " + target(source) + " (" + columns + ") SELECT " + columns + " FROM " + dialect.quote(stage)
                + " WHERE NOT " + dialect.quote(DELETED);
    }

    /** A multi-row INSERT of {@code rows} rows into {@code into}. */
    public static String insertValues(String into, List<String> columns, List<String> parameters, int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(into).append(" (").append(String.join(", ", columns))
                .append(") VALUES ");
        String row = "(" + String.join(", ", parameters) + ")";
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append(row);
        }
        return sql.toString();
    }

    /**
     * COPY from the gzip, pipe-delimited files a manifest lists. Every file is mandatory; NULL is written {@code \N};
     * an empty string is an empty field (no EMPTYASNULL/BLANKSASNULL); backslash escapes '|', '\' and line breaks.
     * Never ACCEPTINVCHARS or TRUNCATECOLUMNS: both change data silently.
     */
    public String copyFromManifest(String into, List<String> columns, String manifestUrl, String authorization, String region) {
        return "COPY " + into + " (" + String.join(", ", columns) + ") FROM '" + literal(manifestUrl) + "' " + authorization
                + " MANIFEST REGION '" + literal(region) + "' GZIP DELIMITER '|' ESCAPE NULL AS '\\\\N'"
                + " DATEFORMAT 'YYYY-MM-DD' TIMEFORMAT 'auto' COMPUPDATE OFF STATUPDATE OFF";
    }

    /**
     * Every statement shape the dialect emits for {@code source}, by name (the names docs/redshift-sql.md lists), with
     * example values where a statement takes data: what RedshiftSqlRulesTest checks and {@code ferry plan} shows.
     */
    public java.util.Map<String, String> all(TableSchema source) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        TargetTable t = dialect.target(source);
        List<String> ddl = dialect.createTable(t);
        out.put("create-schema", ddl.get(0));
        out.put("create-table", ddl.get(1));
        out.put("drop-table", dropTable(source));
        out.put("delete-all", deleteAll(source));
        String stage = "ferry_stage_0";
        out.put("create-stage", createStage(source, stage));
        out.put("insert-stage", insertValues(dialect.quote(stage), stageColumns(source), stageParameters(source), 2));
        out.put("copy-stage", copyFromManifest(dialect.quote(stage), stageColumns(source),
                "s3://bucket/ferry/load_0a1b2c3d_000001/ferry_stage_0.manifest", "IAM_ROLE 'arn:aws:iam::123456789012:role/ferry'",
                "us-east-1"));
        out.put("delete-using-stage", deleteUsingStage(source, stage));
        out.put("insert-from-stage", insertFromStage(source, stage));
        out.put("drop-stage", dropStage(stage));
        out.put("insert-target", insertValues(target(source), dialect.targetColumns(source), targetParameters(source), 2));
        out.put("copy-target", copyFromManifest(target(source), dialect.targetColumns(source),
                "s3://bucket/ferry/load_0a1b2c3d_000002/t.manifest", "IAM_ROLE 'arn:aws:iam::123456789012:role/ferry'", "us-east-1"));
        out.put("table-exists", RedshiftWarehouse.EXISTS);
        io.ferry.warehouse.TargetAlter.examples(dialect, source).forEach(out::put);
        new io.ferry.warehouse.SchemaHistoryTable(dialect, java.time.Clock.systemUTC()).statements().forEach(out::put);
        io.ferry.warehouse.CheckpointSql.REDSHIFT.statements(dialect, dialect.qualified(
                io.ferry.warehouse.CheckpointTable.SCHEMA, io.ferry.warehouse.CheckpointTable.TABLE)).forEach(out::put);
        return out;
    }

    /**
     * Every statement shape the foreign-key actions emit for {@code fk} ({@link io.ferry.warehouse.Cascades}), by
     * name, with the scratch tables' names numbered as in a batch: what RedshiftSqlRulesTest checks.
     */
    public java.util.Map<String, String> cascades(io.ferry.replication.ForeignKey fk, TableSchema parent, TableSchema child) {
        io.ferry.warehouse.CascadeStatements c = new io.ferry.warehouse.CascadeStatements(dialect, RedshiftCascades::createTemp);
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        String events = "ferry_ev_0";
        String work = "ferry_fk_1";
        out.put("cascade-create-events", c.createEvents(events, parent, fk.parentColumns()));
        List<String> parameters = new ArrayList<>();
        List<RedshiftColumn> columns = dialect.columns(parent);
        fk.parentColumns().forEach(k -> parameters.add(columns.get(parent.indexOf(k)).parameter()));
        parameters.add("CAST(? AS BIGINT)");
        parameters.add("CAST(? AS CHAR(1))");
        fk.parentColumns().forEach(k -> parameters.add(columns.get(parent.indexOf(k)).parameter()));
        out.put("cascade-insert-events", insertValues(dialect.quote(events), c.eventColumns(fk.parentColumns().size()), parameters, 2));
        out.put("cascade-create-work", c.createWork(work, events, fk, child, "ferry_stage_0"));
        out.put("cascade-step", c.step(work, events, fk, child));
        out.put("cascade-emit-deletes", c.emitDeletes("ferry_ev_2", child.primaryKey(), work, child));
        out.put("cascade-mark-emitted", c.markEmitted(work));
        out.put("cascade-add-to-work", c.addToWork(work, events, fk, child, "ferry_stage_0"));
        out.put("cascade-delete-children", c.deleteChildren(work, child));
        out.put("cascade-update-children", c.updateChildren(work, fk, child));
        out.put("cascade-drop", c.drop(work));
        return out;
    }

    static String literal(String s) {
        return s.replace("\\", "\\\\").replace("'", "''");
    }
}

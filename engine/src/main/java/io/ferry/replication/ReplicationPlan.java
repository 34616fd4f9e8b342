package io.ferry.replication;

import io.ferry.replication.mapping.JobMapping;
import io.ferry.warehouse.Checkpoint;
import io.ferry.warehouse.CheckpointTable;
import io.ferry.warehouse.MergeStatement;
import io.ferry.warehouse.TargetPreparation;
import io.ferry.warehouse.TargetTable;
import io.ferry.warehouse.WarehouseDialect;
import io.ferry.warehouse.redshift.RedshiftDialect;
import io.ferry.warehouse.redshift.RedshiftStatements;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a replication job would do, worked out without changing anything: the tables it would take, the pre-flight
 * problems, the foreign-key actions it would repeat, the DDL for the targets and the statements of one batch.
 * {@code ferry plan} prints it.
 */
public final class ReplicationPlan {
    private final Map<TableId, TableSchema> schemas;
    private final CascadePlan cascades;
    private final List<String> problems;
    private final Map<TableId, Long> estimatedRows;
    private final JobMapping mapping;

    private ReplicationPlan(Map<TableId, TableSchema> schemas, CascadePlan cascades, List<String> problems,
                            Map<TableId, Long> estimatedRows, JobMapping mapping) {
        this.mapping = mapping;
        this.schemas = schemas;
        this.cascades = cascades;
        this.problems = problems;
        this.estimatedRows = estimatedRows;
    }

    /** Reads the source (information_schema, SHOW CREATE TABLE, variables, grants); writes nothing. */
    public static ReplicationPlan read(Connection source, TableFilter filter) throws SQLException {
        return read(source, filter, WatermarkMode.AUTO);
    }

    /** As {@link #read(Connection, TableFilter)}, with the full load's {@code watermarks}. */
    public static ReplicationPlan read(Connection source, TableFilter filter, WatermarkMode watermarks) throws SQLException {
        List<TableId> selected = filter.select(SchemaReader.listTables(source));
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("No source table matches '" + filter + "': check the schema.table patterns");
        }
        Map<TableId, TableSchema> schemas = SchemaReader.readAll(source, selected);
        CascadePlan cascades = new CascadePlan(SchemaReader.foreignKeys(source, selected), schemas);
        List<String> problems = new ArrayList<>(Preflight.problems(source, schemas.values(), cascades, watermarks));
        JobMapping mapping = JobMapping.of("", filter.rules(), schemas, cascades);
        problems.addAll(mapping.problems());
        Map<TableId, Long> rows = new java.util.HashMap<>();
        for (TableId t : selected) {
            try (PreparedStatement st = source.prepareStatement(
                    "SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
                st.setString(1, t.schema());
                st.setString(2, t.table());
                try (ResultSet rs = st.executeQuery()) {
                    rows.put(t, rs.next() ? rs.getLong(1) : 0);
                }
            }
        }
        return new ReplicationPlan(schemas, cascades, problems, rows, mapping);
    }

    /** The target table of each selected table: its source schema where the rules do not fit (they are problems). */
    private List<TableSchema> targets() {
        return schemas.values().stream().map(this::target).toList();
    }

    private TableSchema target(TableSchema source) {
        return mapping.tables().containsKey(source.id()) ? mapping.table(source.id()).target() : source;
    }

    public List<String> problems() {
        return problems;
    }

    /** The plan as text lines; {@code existing} is the job's checkpoint in the warehouse, if any. */
    public List<String> describe(String job, WarehouseDialect dialect, TargetPreparation preparation, Optional<Checkpoint> existing) {
        List<String> out = new ArrayList<>();
        out.add("Tables (" + schemas.size() + "):");
        for (TableSchema t : schemas.values()) {
            out.add(String.format(Locale.ROOT, "  %-40s ~%,d rows  %s", t.id(), estimatedRows.getOrDefault(t.id(), 0L),
                    t.hasPrimaryKey() ? "key (" + String.join(", ", t.primaryKey()) + ")" : "NO PRIMARY KEY"));
        }
        out.addAll(PlanRules.describe(mapping));
        out.add("");
        if (problems.isEmpty()) {
            out.add("Pre-flight: ok.");
        } else {
            out.add("Pre-flight: " + problems.size() + " problem(s); the job would refuse to start:");
            problems.forEach(p -> out.add("  - " + p));
        }
        out.add("");
        out.add(cascades.isEmpty() ? "Foreign-key actions to repeat in the warehouse: none."
                : "Foreign-key actions to repeat in the warehouse (they are not in the binlog): " + cascades);
        out.add("");
        if (existing.isPresent()) {
            out.add("Checkpoint of job " + job + ": " + existing.get().position() + " (" + existing.get().phase()
                    + "): the job would resume there; the target tables are left as they are.");
        } else {
            out.add("No checkpoint for job " + job + ": first run. The job would record the binlog head, "
                    + preparation.name().toLowerCase(Locale.ROOT).replace('_', '-') + " the target tables, load them in "
                    + "primary-key chunks, then stream from the recorded head.");
            out.add("");
            out.add("DDL (" + preparation.name().toLowerCase(Locale.ROOT).replace('_', '-') + "):");
            for (TableSchema source : schemas.values()) {
                TableSchema t = target(source);
                TargetPreparation own = mapping.preparation(source.id(), preparation);
                try {
                    TargetTable target = dialect.target(t);
                    if (own != preparation) {
                        out.add("  -- " + target + ": " + own.word() + " (its table rule)");
                    }
                    if (own == TargetPreparation.DROP_AND_CREATE) {
                        out.add("  DROP TABLE IF EXISTS " + dialect.qualified(target.schema(), target.table()) + ";");
                    }
                    dialect.createTable(target).forEach(ddl -> out.add("  " + ddl.replace("\n", "\n  ") + ";"));
                } catch (IllegalArgumentException e) {
                    out.add("  -- " + t.id() + ": " + e.getMessage());
                }
            }
        }
        out.add("");
        out.add("Each batch, in one warehouse transaction, per table with changes:");
        CheckpointTable checkpoints = new CheckpointTable(dialect, Clock.systemUTC());
        for (TableSchema t : targets()) {
            if (!t.hasPrimaryKey()) {
                continue;
            }
            try {
                TargetTable target = dialect.target(t);
                String name = dialect.qualified(target.schema(), target.table());
                out.add("  -- " + target);
                if (dialect instanceof RedshiftDialect redshift) {
                    Map<String, String> all = new RedshiftStatements(redshift).all(t);
                    for (String kind : List.of("create-stage", "insert-stage", "delete-using-stage", "insert-from-stage", "drop-stage")) {
                        out.add("  " + all.get(kind).replace("\n", "\n  ") + ";");
                    }
                    out.add("  -- (with --staging-s3, COPY from the load's manifest instead of the INSERT)");
                    continue;
                }
                out.add("  CREATE TEMPORARY TABLE \"ferry_stage_0\" (LIKE " + name + ") ON COMMIT DROP;  -- plus _ferry_deleted, _ferry_seq, _ferry_delete_seq");
                out.add("  COPY \"ferry_stage_0\" (...) FROM STDIN;");
                out.add("  " + MergeStatement.sql(dialect, t, name, "\"ferry_stage_0\"") + ";");
            } catch (IllegalArgumentException e) {
                out.add("  -- " + t.id() + ": " + e.getMessage());
            }
        }
        out.add("  -- then the foreign-key actions above, and the checkpoint (compare-and-set):");
        out.add("  " + checkpoints.advanceStatement() + ";");
        return out;
    }
}

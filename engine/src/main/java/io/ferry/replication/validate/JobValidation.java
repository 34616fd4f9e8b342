package io.ferry.replication.validate;

import io.ferry.replication.ReplicationJobSpec;
import io.ferry.replication.SchemaReader;
import io.ferry.replication.TableId;
import io.ferry.replication.TableSchema;
import io.ferry.warehouse.CheckpointTable;
import io.ferry.warehouse.PostgresDialect;
import io.ferry.warehouse.SuspendedTables;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code ferry validate}: compares every table of a replication job (or one of them) between the source and the
 * warehouse, chunk by chunk ({@link TableValidator}). Works while the job streams: differing chunks are compared
 * again once the job's checkpoint has passed the source's position ({@link CatchUp}). PostgreSQL targets only.
 */
public final class JobValidation {
    private final ReplicationJobSpec job;
    private final int chunkRows;
    private final int listed;
    private final Duration catchUpTimeout;

    /**
     * @param chunkRows      source rows per chunk
     * @param listed         at most this many keys listed per kind of difference (missing, extra, different)
     * @param catchUpTimeout how long a re-check waits for the job's checkpoint to pass the source's position
     */
    public JobValidation(ReplicationJobSpec job, int chunkRows, int listed, Duration catchUpTimeout) {
        if (chunkRows < 1 || listed < 0) {
            throw new IllegalArgumentException("Chunk rows must be positive and the listing limit not negative");
        }
        this.job = job;
        this.chunkRows = chunkRows;
        this.listed = listed;
        this.catchUpTimeout = catchUpTimeout;
    }

    /** Validates the job's tables ({@code only}: that one; it must be one of the job's), reporting each as it ends. */
    public List<TableDiff> run(TableId only, Consumer<TableDiff> each) throws SQLException, InterruptedException {
        if (!(job.dialect() instanceof PostgresDialect dialect)) {
            throw new IllegalArgumentException("ferry validate compares with PostgreSQL targets only; job " + job.name()
                    + " writes to " + job.dialect().getClass().getSimpleName().replace("Dialect", ""));
        }
        try (Connection source = job.source().connect(); Connection warehouse = job.warehouse().connect()) {
            warehouse.setAutoCommit(true);
            List<TableId> tables = job.tables().select(SchemaReader.listTables(source));
            if (only != null) {
                if (!tables.contains(only)) {
                    throw new IllegalArgumentException("Table " + only + " is not replicated by job " + job.name()
                            + "; its tables are: " + tables);
                }
                tables = List.of(only);
            }
            if (tables.isEmpty()) {
                throw new IllegalArgumentException("No source table matches the tables of job " + job.name() + " ("
                        + job.tables() + ")");
            }
            Map<TableId, TableSchema> schemas = SchemaReader.readAll(source, tables);
            Map<TableId, String> suspended = suspended(warehouse, dialect);
            CatchUp catchUp = new CatchUp(source, warehouse, new CheckpointTable(dialect, Clock.systemUTC()), job.name(),
                    catchUpTimeout);
            List<TableDiff> out = new ArrayList<>();
            for (TableSchema schema : schemas.values()) {
                if (!schema.hasPrimaryKey()) {
                    continue; // never replicated: the job refuses such tables
                }
                TableDiff diff = new TableValidator(source, warehouse, dialect, schema, chunkRows, listed, catchUp)
                        .run(suspended.get(schema.id()));
                each.accept(diff);
                out.add(diff);
            }
            return out;
        }
    }

    private Map<TableId, String> suspended(Connection warehouse, PostgresDialect dialect) {
        try {
            return new SuspendedTables(dialect, Clock.systemUTC()).read(warehouse, job.name());
        } catch (SQLException noTableYet) {
            return Map.of();
        }
    }
}

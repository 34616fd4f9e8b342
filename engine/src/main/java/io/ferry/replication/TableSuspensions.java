package io.ferry.replication;

import io.ferry.warehouse.Checkpoint;
import io.ferry.warehouse.CollapsedTable;
import io.ferry.warehouse.TableApplyException;
import io.ferry.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A job's error policy at work while it streams. Under {@code suspend-table}, a batch whose apply fails on one table
 * with an error a retry cannot cure (bad data, a constraint the warehouse table refuses) was rolled back whole; the
 * table is recorded as suspended in the warehouse (its own small transaction, see
 * {@link io.ferry.warehouse.SuspendedTables}) and the batch is applied again without it, so the other tables get it
 * exactly once. From then on the table's changes are skipped, also after a restart, until a reload of the table
 * ends the suspension. Under {@code stop} (the default) the failure stops the job as before.
 *
 * <p>Recording the suspension before the retried batch commits is safe: if the engine dies in between, the restart
 * replays the batch from the unchanged checkpoint, without the (already suspended) table.
 */
final class TableSuspensions {
    private static final Logger LOG = LoggerFactory.getLogger(TableSuspensions.class);

    private final String job;
    private final ErrorPolicies policy;
    private final ReplicationMetrics metrics;
    private final Map<TableId, String> suspended = new ConcurrentHashMap<>();

    private TableSuspensions(String job, ErrorPolicies policy, ReplicationMetrics metrics) {
        this.job = job;
        this.policy = policy;
        this.metrics = metrics;
    }

    /** The job's suspensions as the warehouse keeps them; refuses {@code suspend-table} where it cannot work. */
    static TableSuspensions load(String job, ErrorPolicies policy, Warehouse warehouse, ReplicationMetrics metrics,
                                 java.util.Set<TableId> selected) throws SQLException {
        if (policy.suspends() && !warehouse.suspendsTables()) {
            throw new PreflightException(java.util.List.of("onError: suspend-table is not supported into "
                    + warehouse.dialect().getClass().getSimpleName().replace("Dialect", "") + " yet; use onError: stop"));
        }
        TableSuspensions s = new TableSuspensions(job, policy, metrics);
        warehouse.suspendedTables(job).forEach((table, reason) -> {
            if (selected.contains(table)) {
                s.suspended.put(table, reason);
                metrics.table(table).suspended(reason);
                LOG.warn("Job {}: table {} is SUSPENDED ({}); its changes are skipped until it is reloaded", job, table, reason);
            }
        });
        return s;
    }

    /** The table is being loaded again while the job streams (its suspension row went with the reload). */
    void reloaded(TableId table) {
        if (suspended.remove(table) != null) {
            LOG.info("Job {}: table {} is no longer suspended: it is being reloaded", job, table);
        }
    }

    boolean isSuspended(TableId table) {
        return suspended.containsKey(table);
    }

    /** Applies the batch; under suspend-table, suspends each table that fails with a data error and applies the rest. */
    void apply(Warehouse warehouse, Map<TableId, CollapsedTable> tables, CascadePlan cascades, Checkpoint previous,
               Checkpoint next) throws SQLException {
        apply(warehouse, tables, cascades, null, previous, next);
    }

    /** The same, with {@code alsoInTransaction} (a DDL repeated, schema history) in the batch's transaction. */
    void apply(Warehouse warehouse, Map<TableId, CollapsedTable> tables, CascadePlan cascades,
               Warehouse.SqlWork<?> alsoInTransaction, Checkpoint previous, Checkpoint next) throws SQLException {
        while (true) {
            try {
                warehouse.apply(tables.values(), cascades, alsoInTransaction, previous, next);
                return;
            } catch (TableApplyException e) {
                if (policy.forTable(e.table()) != ErrorPolicy.SUSPEND_TABLE || TransientFailures.isTransient(e)
                        || !tables.containsKey(e.table())) {
                    throw e;
                }
                String reason = e.getCause() == null || e.getCause().getMessage() == null ? e.getMessage()
                        : e.getCause().getMessage();
                warehouse.suspend(job, e.table(), reason);
                suspended.put(e.table(), reason);
                metrics.table(e.table()).suspended(reason);
                tables.remove(e.table());
                LOG.warn("Job {}: table {} SUSPENDED (error policy suspend-table): {}. The other tables go on; reload {} to "
                        + "bring it back.", job, e.table(), reason, e.table());
            }
        }
    }
}

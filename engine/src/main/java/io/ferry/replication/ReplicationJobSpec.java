package io.ferry.replication;

import io.ferry.warehouse.TargetPreparation;
import io.ferry.warehouse.WarehouseDialect;
import io.ferry.warehouse.WarehouseEndpoint;
import io.ferry.warehouse.WarehouseOpener;

import java.time.Duration;
import java.util.Objects;

/**
 * One replication job: one source, one warehouse (PostgreSQL or Redshift), the table rules, and how it batches.
 *
 * @param batchMaxRows  a batch closes after the transaction that reaches this many row changes
 * @param batchMaxDelay a batch closes at most this long after its first transaction arrived
 * @param chunkRows     rows per full-load chunk
 * @param serverId      the replica server id the binlog reader announces (unique among the source's replicas)
 * @param bufferTransactions transactions buffered between the binlog reader and the warehouse (backpressure)
 * @param targetSchema  the warehouse schema of every target table; null: the source table's schema name
 * @param resumeByGtid  reconnect to the binlog by MariaDB GTID position instead of file and offset (both are kept
 *                      in the checkpoint; GTIDs survive a failover to another server of the same replication topology)
 * @param watermarks    what marks the full load's chunks in the stream (see {@link WatermarkMode})
 * @param opener        which warehouse {@code warehouse} is (PostgreSQL or Redshift) and how a session is opened on it
 * @param heartbeatInterval how often the job writes its heartbeat row on the source ({@link Heartbeat}); null: never
 * @param onError       what a data error applying a table's changes does (per table): stop the job, or suspend the table
 * @param zeroDates     what a zero or invalid date becomes ({@link ZeroDatePolicy})
 */
public record ReplicationJobSpec(String name, MySqlSource source, WarehouseEndpoint warehouse, TableFilter tables,
                                 TargetPreparation preparation, int batchMaxRows, Duration batchMaxDelay, int chunkRows,
                                 long serverId, int bufferTransactions, boolean resumeByGtid,
                                 String targetSchema, WarehouseOpener opener, Duration heartbeatInterval,
                                 ErrorPolicies onError, ZeroDates zeroDates, WatermarkMode watermarks,
                                 BufferLimits limits) {
    public ReplicationJobSpec {
        Objects.requireNonNull(zeroDates, "zeroDates");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(opener, "opener");
        Objects.requireNonNull(onError, "onError");
        Objects.requireNonNull(watermarks, "watermarks");
        if (!name.matches("[A-Za-z0-9_.-]{1,100}")) {
            throw new IllegalArgumentException("A job name is 1-100 letters, digits, '_', '.' or '-', got '" + name + "'");
        }
        if (batchMaxRows < 1 || chunkRows < 1 || bufferTransactions < 1) {
            throw new IllegalArgumentException("Batch rows, chunk rows and buffer size must be positive");
        }
        if (serverId < 1 || serverId > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("The server id must be 1..4294967295, got " + serverId);
        }
    }

    /** Into PostgreSQL; defaults: 50,000-row batches, 500 ms, 20,000-row chunks, server id derived from the job name. */
    public static ReplicationJobSpec of(String name, MySqlSource source, WarehouseEndpoint warehouse, TableFilter tables,
                                        TargetPreparation preparation) {
        return new ReplicationJobSpec(name, source, warehouse, tables, preparation, 50_000, Duration.ofMillis(500),
                20_000, 100_000L + Math.floorMod(name.hashCode(), 1_000_000_000L), 10_000, false, null, WarehouseOpener.POSTGRES,
                Heartbeat.DEFAULT_INTERVAL, ErrorPolicies.STOP, ZeroDates.FAIL, WatermarkMode.AUTO, BufferLimits.DEFAULTS);
    }

    public ReplicationJobSpec withBatch(int maxRows, Duration maxDelay) {
        return new ReplicationJobSpec(name, source, warehouse, tables, preparation, maxRows, maxDelay, chunkRows, serverId,
                bufferTransactions, resumeByGtid, targetSchema, opener, heartbeatInterval, onError, zeroDates, watermarks, limits);
    }

    public ReplicationJobSpec withChunkRows(int rows) {
        return new ReplicationJobSpec(name, source, warehouse, tables, preparation, batchMaxRows, batchMaxDelay, rows,
                serverId, bufferTransactions, resumeByGtid, targetSchema, opener, heartbeatInterval, onError, zeroDates, watermarks, limits);
    }

    public ReplicationJobSpec withResumeByGtid(boolean byGtid) {
        return new ReplicationJobSpec(name, source, warehouse, tables, preparation, batchMaxRows, batchMaxDelay, chunkRows,
                serverId, bufferTransactions, byGtid, targetSchema, opener, heartbeatInterval, onError, zeroDates, watermarks, limits);
    }

    public ReplicationJobSpec withTargetSchema(String schema) {
        return new ReplicationJobSpec(name, source, warehouse, tables, preparation, batchMaxRows, batchMaxDelay, chunkRows,
                serverId, bufferTransactions, resumeByGtid, schema, opener, heartbeatInterval, onError, zeroDates, watermarks, limits);
    }

    public ReplicationJobSpec withOpener(WarehouseOpener warehouses) {
        return new ReplicationJobSpec(name, source, warehouse, tables, preparation, batchMaxRows, batchMaxDelay, chunkRows,
                serverId, bufferTransactions, resumeByGtid, targetSchema, warehouses, heartbeatInterval, onError, zeroDates, watermarks, limits);
    }

    /** With heartbeat rows every {@code interval}; null: without. */
    public ReplicationJobSpec withHeartbeat(Duration interval) {
        return new ReplicationJobSpec(name, source, warehouse, tables, preparation, batchMaxRows, batchMaxDelay, chunkRows,
                serverId, bufferTransactions, resumeByGtid, targetSchema, opener, interval, onError, zeroDates, watermarks, limits);
    }

    public ReplicationJobSpec withWatermarks(WatermarkMode mode) {
        return new ReplicationJobSpec(name, source, warehouse, tables, preparation, batchMaxRows, batchMaxDelay, chunkRows,
                serverId, bufferTransactions, resumeByGtid, targetSchema, opener, heartbeatInterval, onError, zeroDates, mode, limits);
    }

    public ReplicationJobSpec withErrorPolicy(ErrorPolicies policy) {
        return new ReplicationJobSpec(name, source, warehouse, tables, preparation, batchMaxRows, batchMaxDelay, chunkRows,
                serverId, bufferTransactions, resumeByGtid, targetSchema, opener, heartbeatInterval, policy, zeroDates, watermarks, limits);
    }

    /** With {@code zeroDates: fail} or {@code null}. */
    public ReplicationJobSpec withZeroDates(ZeroDates setting) {
        return new ReplicationJobSpec(name, source, warehouse, tables, preparation, batchMaxRows, batchMaxDelay, chunkRows,
                serverId, bufferTransactions, resumeByGtid, targetSchema, opener, heartbeatInterval, onError, setting, watermarks, limits);
    }

    public ReplicationJobSpec withLimits(BufferLimits bufferLimits) {
        return new ReplicationJobSpec(name, source, warehouse, tables, preparation, batchMaxRows, batchMaxDelay, chunkRows,
                serverId, bufferTransactions, resumeByGtid, targetSchema, opener, heartbeatInterval, onError, zeroDates,
                watermarks, bufferLimits);
    }

    /** The warehouse of this job, writing its target tables into {@link #targetSchema}. */
    public WarehouseOpener warehouses() {
        return opener.inSchema(targetSchema);
    }

    /** The dialect that writes this job's target tables. */
    public WarehouseDialect dialect() {
        return warehouses().dialect();
    }
}

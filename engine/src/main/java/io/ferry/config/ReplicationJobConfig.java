package io.ferry.config;

import io.ferry.replication.mapping.TableRules;
import io.ferry.replication.ZeroDates;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code type: replication} job of ferry.yaml: one MySQL/MariaDB source, one warehouse, the tables, how the target
 * is prepared, how changes are batched and how the binlog position is resumed.
 *
 * @param source            the name of a {@code mysql} connection
 * @param target            the name of a {@code postgresql} or {@code redshift} connection
 * @param include           {@code schema.table} patterns selecting tables ({@code *} and {@code ?} wildcards)
 * @param exclude           patterns removing tables again (excludes win)
 * @param targetSchema      the warehouse schema every table goes to; empty: the source table's own schema name
 * @param targetPreparation {@code drop-and-create}, {@code truncate} or {@code do-nothing}
 * @param positionMode      how the binlog stream reconnects: by file and offset, or by GTID
 * @param heartbeat         whether the job writes heartbeat rows into {@code ferry_admin.replication_heartbeat}
 * @param heartbeatInterval how often it writes one
 * @param onError           {@code stop} (default) or {@code suspend-table}: what a data error applying a table does,
 *                          with per-table overrides ({@code onErrorTables})
 * @param zeroDates         what a zero or invalid source date becomes: {@code fail} (default) or {@code null}
 * @param rules             how each table maps to its target (rename, columns) and the metadata columns
 * @param redshift          how a redshift target is written (staging, type policies, table layouts)
 * @param watermarks        what marks the full load's chunks in the stream: rows in ferry_admin, or (read-only source)
 *                          the executed GTID position; AUTO chooses by the source's read_only
 */
public record ReplicationJobConfig(String name, String source, String target, List<String> include,
                                   List<String> exclude, Optional<String> targetSchema, String targetPreparation,
                                   int maxBatchRows, Duration maxBatchDelay, PositionMode positionMode,
                                   boolean heartbeat, Duration heartbeatInterval,
                                   io.ferry.replication.ErrorPolicies onError, ZeroDates zeroDates, TableRules rules,
                                   RedshiftJobSettings redshift, Watermarks watermarks,
                                   io.ferry.replication.BufferLimits limits) implements JobConfig {
    public static final String TYPE = "replication";
    public static final int DEFAULT_MAX_BATCH_ROWS = 50_000;
    public static final Duration DEFAULT_MAX_BATCH_DELAY = Duration.ofMillis(500);
    /** Into Redshift, whose commit queue punishes small commits. */
    public static final Duration DEFAULT_REDSHIFT_MAX_BATCH_DELAY = Duration.ofSeconds(10);
    public static final String DEFAULT_PREPARATION = "drop-and-create";
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(2);

    public enum PositionMode { FILE, GTID }

    /** What marks a full-load chunk's window: AUTO (GTID when the source is read_only), TABLE rows, or GTID. */
    public enum Watermarks { AUTO, TABLE, GTID }

    /** The maxBatchDelay of a job that sets none: 10 s into Redshift, else 500 ms. */
    public static Duration defaultMaxBatchDelay(ConnectionType target) {
        return target == ConnectionType.REDSHIFT ? DEFAULT_REDSHIFT_MAX_BATCH_DELAY : DEFAULT_MAX_BATCH_DELAY;
    }

    public ReplicationJobConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        Objects.requireNonNull(targetSchema, "targetSchema");
        Objects.requireNonNull(targetPreparation, "targetPreparation");
        Objects.requireNonNull(maxBatchDelay, "maxBatchDelay");
        Objects.requireNonNull(positionMode, "positionMode");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        Objects.requireNonNull(onError, "onError");
        Objects.requireNonNull(zeroDates, "zeroDates");
        Objects.requireNonNull(redshift, "redshift");
        Objects.requireNonNull(watermarks, "watermarks");
        Objects.requireNonNull(limits, "limits");
    }

    /** With the default buffer and spill limits. */
    public ReplicationJobConfig(String name, String source, String target, List<String> include, List<String> exclude,
                                Optional<String> targetSchema, String targetPreparation, int maxBatchRows,
                                Duration maxBatchDelay, PositionMode positionMode, boolean heartbeat,
                                Duration heartbeatInterval, io.ferry.replication.ErrorPolicies onError, ZeroDates zeroDates,
                                TableRules rules, RedshiftJobSettings redshift, Watermarks watermarks) {
        this(name, source, target, include, exclude, targetSchema, targetPreparation, maxBatchRows, maxBatchDelay,
                positionMode, heartbeat, heartbeatInterval, onError, zeroDates, rules, redshift, watermarks,
                io.ferry.replication.BufferLimits.DEFAULTS);
    }

    /** With the default Redshift settings, AUTO watermarks and the default buffer and spill limits. */
    public ReplicationJobConfig(String name, String source, String target, List<String> include, List<String> exclude,
                                Optional<String> targetSchema, String targetPreparation, int maxBatchRows,
                                Duration maxBatchDelay, PositionMode positionMode, boolean heartbeat,
                                Duration heartbeatInterval, io.ferry.replication.ErrorPolicies onError, ZeroDates zeroDates,
                                TableRules rules) {
        this(name, source, target, include, exclude, targetSchema, targetPreparation, maxBatchRows, maxBatchDelay,
                positionMode, heartbeat, heartbeatInterval, onError, zeroDates, rules, RedshiftJobSettings.DEFAULTS, Watermarks.AUTO);
    }

    /** With AUTO watermarks. */
    public ReplicationJobConfig(String name, String source, String target, List<String> include, List<String> exclude,
                                Optional<String> targetSchema, String targetPreparation, int maxBatchRows,
                                Duration maxBatchDelay, PositionMode positionMode, boolean heartbeat,
                                Duration heartbeatInterval, io.ferry.replication.ErrorPolicies onError, ZeroDates zeroDates,
                                TableRules rules, RedshiftJobSettings redshift) {
        this(name, source, target, include, exclude, targetSchema, targetPreparation, maxBatchRows, maxBatchDelay,
                positionMode, heartbeat, heartbeatInterval, onError, zeroDates, rules, redshift, Watermarks.AUTO);
    }

    /** Without table rules or metadata columns, with the default Redshift settings. */
    public ReplicationJobConfig(String name, String source, String target, List<String> include, List<String> exclude,
                                Optional<String> targetSchema, String targetPreparation, int maxBatchRows,
                                Duration maxBatchDelay, PositionMode positionMode, boolean heartbeat,
                                Duration heartbeatInterval, io.ferry.replication.ErrorPolicies onError, ZeroDates zeroDates) {
        this(name, source, target, include, exclude, targetSchema, targetPreparation, maxBatchRows, maxBatchDelay,
                positionMode, heartbeat, heartbeatInterval, onError, zeroDates, TableRules.NONE, RedshiftJobSettings.DEFAULTS, Watermarks.AUTO);
    }

    /** A job that stops on a data error (the default error policy), with {@code zeroDates: fail}. */
    public ReplicationJobConfig(String name, String source, String target, List<String> include, List<String> exclude,
                                Optional<String> targetSchema, String targetPreparation, int maxBatchRows,
                                Duration maxBatchDelay, PositionMode positionMode, boolean heartbeat,
                                Duration heartbeatInterval) {
        this(name, source, target, include, exclude, targetSchema, targetPreparation, maxBatchRows, maxBatchDelay,
                positionMode, heartbeat, heartbeatInterval, io.ferry.replication.ErrorPolicies.STOP, ZeroDates.FAIL, TableRules.NONE, RedshiftJobSettings.DEFAULTS, Watermarks.AUTO);
    }

    /** With the heartbeat on, every 2 s, and the default error policy. */
    public ReplicationJobConfig(String name, String source, String target, List<String> include, List<String> exclude,
                                Optional<String> targetSchema, String targetPreparation, int maxBatchRows,
                                Duration maxBatchDelay, PositionMode positionMode) {
        this(name, source, target, include, exclude, targetSchema, targetPreparation, maxBatchRows, maxBatchDelay,
                positionMode, true, DEFAULT_HEARTBEAT_INTERVAL, io.ferry.replication.ErrorPolicies.STOP, ZeroDates.FAIL, TableRules.NONE, RedshiftJobSettings.DEFAULTS, Watermarks.AUTO);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** The tables as one line: {@code shop.*,!shop.tmp_*}. */
    public String tables() {
        return String.join(",", include) + (exclude.isEmpty() ? "" : ",!" + String.join(",!", exclude));
    }
}

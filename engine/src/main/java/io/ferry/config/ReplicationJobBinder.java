package io.ferry.config;

import io.ferry.config.YamlNode.Mapping;
import io.ferry.replication.TableFilter;
import io.ferry.replication.mapping.TableRules;
import io.ferry.replication.ZeroDates;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Binds {@code type: replication} jobs (see {@link ReplicationJobConfig}). */
final class ReplicationJobBinder implements JobTypeBinder {
    private static final Map<String, String> PREPARATIONS = words("drop-and-create", "truncate", "do-nothing");
    private static final Map<String, ReplicationJobConfig.PositionMode> POSITION_MODES = new LinkedHashMap<>();
    private static final Map<String, ReplicationJobConfig.Watermarks> WATERMARKS = new LinkedHashMap<>();

    private static final Map<String, io.ferry.replication.ErrorPolicy> ERROR_POLICIES = new LinkedHashMap<>();

    static {
        WATERMARKS.put("auto", ReplicationJobConfig.Watermarks.AUTO);
        WATERMARKS.put("table", ReplicationJobConfig.Watermarks.TABLE);
        WATERMARKS.put("gtid", ReplicationJobConfig.Watermarks.GTID);
        for (io.ferry.replication.ErrorPolicy p : io.ferry.replication.ErrorPolicy.values()) {
            ERROR_POLICIES.put(p.yamlName(), p);
        }
        POSITION_MODES.put("file", ReplicationJobConfig.PositionMode.FILE);
        POSITION_MODES.put("gtid", ReplicationJobConfig.PositionMode.GTID);
    }

    @Override
    public String type() {
        return ReplicationJobConfig.TYPE;
    }

    @Override
    public Optional<JobConfig> bind(String name, MappingReader r, JobContext context) {
        Optional<MySqlConnectionConfig> source = context.connection(r, "source", true, MySqlConnectionConfig.class,
                ConnectionType.MYSQL);
        Optional<WarehouseConnectionConfig> target = context.connection(r, "target", true,
                WarehouseConnectionConfig.class, ConnectionType.POSTGRESQL, ConnectionType.REDSHIFT);
        Optional<Mapping> tables = r.mapping("tables", true, "a mapping with include (and exclude) schema.table patterns");
        List<String> include = List.of();
        List<String> exclude = List.of();
        if (tables.isPresent()) {
            MappingReader t = r.child(tables.get(), "tables", "the tables of a replication job");
            include = t.strings("include", true, "schema.table patterns such as shop.* or shop.orders");
            exclude = t.strings("exclude", false, "schema.table patterns such as shop.tmp_*");
            t.rejectUnknownKeys();
            if (t.valid()) {
                try {
                    new TableFilter(include, exclude);
                } catch (IllegalArgumentException e) {
                    t.failMapping(e.getMessage());
                }
            }
            if (!t.valid()) {
                r.failQuietly();
            }
        }
        Optional<String> targetSchema = r.text("targetSchema", false, "a warehouse schema name");
        String preparation = r.choice("targetPreparation", PREPARATIONS, ReplicationJobConfig.DEFAULT_PREPARATION);
        long maxBatchRows = r.number("maxBatchRows", 1, ReplicationJobConfig.DEFAULT_MAX_BATCH_ROWS);
        if (maxBatchRows > 10_000_000) {
            r.fail(r.node("maxBatchRows").orElseThrow(), "maxBatchRows", "expected at most 10000000 rows per batch");
        }
        var maxBatchDelay = r.duration("maxBatchDelay", false).orElse(ReplicationJobConfig.defaultMaxBatchDelay(
                target.map(WarehouseConnectionConfig::type).orElse(ConnectionType.POSTGRESQL)));
        if (maxBatchDelay.isZero()) {
            r.fail(r.node("maxBatchDelay").orElseThrow(), "maxBatchDelay", "expected a delay above zero, e.g. 500ms");
        }
        ReplicationJobConfig.PositionMode mode = r.choice("positionMode", POSITION_MODES,
                ReplicationJobConfig.PositionMode.FILE);
        ReplicationJobConfig.Watermarks watermarks = r.choice("watermarks", WATERMARKS, ReplicationJobConfig.Watermarks.AUTO);
        boolean heartbeat = r.bool("heartbeat", true);
        var heartbeatInterval = r.duration("heartbeatInterval", false).orElse(ReplicationJobConfig.DEFAULT_HEARTBEAT_INTERVAL);
        if (heartbeatInterval.compareTo(java.time.Duration.ofMillis(100)) < 0) {
            r.fail(r.node("heartbeatInterval").orElseThrow(), "heartbeatInterval", "expected at least 100ms, e.g. 2s");
        }
        io.ferry.replication.ErrorPolicies onError = errorPolicies(r);
        // YAML reads a bare null as nothing: `zeroDates: null` must still mean the null policy
        ZeroDates zeroDates = r.node(ZeroDates.KEY).filter(n -> n instanceof YamlNode.Scalar s && s.isNull()).isPresent()
                ? ZeroDates.NULL : r.choice(ZeroDates.KEY, ZeroDates.choices(), ZeroDates.FAIL);
        TableRules rules = new TableRulesBinder(r).bind();
        Optional<RedshiftJobSettings> redshift = RedshiftJobBinder.bind(r, context, target);
        Optional<io.ferry.replication.BufferLimits> limits = BufferLimitsReader.read(r);
        if (!r.valid() || source.isEmpty() || target.isEmpty() || redshift.isEmpty() || limits.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ReplicationJobConfig(name, source.get().name(), target.get().name(), include, exclude,
                targetSchema, preparation, (int) maxBatchRows, maxBatchDelay, mode, heartbeat, heartbeatInterval,
                onError, zeroDates, rules, redshift.get(), watermarks, limits.get()));
    }

    /** {@code onError} and {@code onErrorTables: { suspend-table: [patterns], stop: [patterns] }}. */
    private static io.ferry.replication.ErrorPolicies errorPolicies(MappingReader r) {
        io.ferry.replication.ErrorPolicy byDefault = r.choice("onError", ERROR_POLICIES, io.ferry.replication.ErrorPolicy.STOP);
        Optional<MappingReader> tables = r.nested("onErrorTables", false, "the per-table error policies");
        if (tables.isEmpty()) {
            return io.ferry.replication.ErrorPolicies.of(byDefault);
        }
        MappingReader t = tables.get();
        List<String> suspend = t.strings("suspend-table", false, "schema.table patterns such as shop.audit_*");
        List<String> stop = t.strings("stop", false, "schema.table patterns such as shop.orders");
        t.rejectUnknownKeys();
        try {
            return new io.ferry.replication.ErrorPolicies(byDefault, suspend, stop);
        } catch (IllegalArgumentException e) {
            t.failMapping(e.getMessage());
            r.failQuietly();
            return io.ferry.replication.ErrorPolicies.of(byDefault);
        }
    }

    private static Map<String, String> words(String... words) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String w : words) {
            out.put(w, w);
        }
        return out;
    }
}

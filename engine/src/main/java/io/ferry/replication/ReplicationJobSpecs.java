package io.ferry.replication;

import io.ferry.config.ConnectionConfig;
import io.ferry.config.ConnectionType;
import io.ferry.config.FerryConfig;
import io.ferry.config.MySqlConnectionConfig;
import io.ferry.config.ReplicationJobConfig;
import io.ferry.config.Secret;
import io.ferry.config.SecretResolver;
import io.ferry.config.WarehouseConnectionConfig;
import io.ferry.warehouse.TargetPreparation;
import io.ferry.warehouse.WarehouseEndpoint;
import io.ferry.warehouse.WarehouseOpener;
import io.ferry.warehouse.redshift.RedshiftOpeners;
import io.ferry.warehouse.redshift.RedshiftSettings;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The one way a {@link ReplicationJobSpec} is made: from a {@code type: replication} job of ferry.yaml, or from the
 * same settings given on the command line (which make a {@link ReplicationJobConfig} first). Resolves the named
 * connections and their secret references, and which warehouse the target is: a postgresql connection, or a redshift
 * one (Redshift JDBC driver and dialect; {@link RedshiftSettings} say how it stages and its type policies).
 */
public final class ReplicationJobSpecs {
    private ReplicationJobSpecs() {
    }

    /** The job named {@code name} in ferry.yaml; the error lists the replication jobs there are. */
    public static ReplicationJobConfig job(FerryConfig config, String name) {
        return config.job(name).filter(ReplicationJobConfig.class::isInstance).map(ReplicationJobConfig.class::cast)
                .orElseThrow(() -> new IllegalArgumentException("No replication job named '" + name + "' in "
                        + config.source() + "; its replication jobs are: " + names(config)));
    }

    private static String names(FerryConfig config) {
        var names = config.jobs(ReplicationJobConfig.class).stream().map(ReplicationJobConfig::name).toList();
        return names.isEmpty() ? "none (add one under jobs:, see docs/replication.md)" : String.join(", ", names);
    }

    /** A job into PostgreSQL, or into Redshift with the job's {@code redshift:} settings. */
    public static ReplicationJobSpec build(FerryConfig config, ReplicationJobConfig job) {
        return build(config, job, RedshiftSettings.of(job.redshift()));
    }

    /** @param redshift how a redshift target is written (ignored for a postgresql target) */
    public static ReplicationJobSpec build(FerryConfig config, ReplicationJobConfig job, RedshiftSettings redshift) {
        SecretResolver secrets = SecretResolver.forConfig(config);
        MySqlConnectionConfig src = connection(config, job.source(), MySqlConnectionConfig.class, "a mysql connection");
        WarehouseConnectionConfig wh = connection(config, job.target(), WarehouseConnectionConfig.class,
                "a postgresql or redshift connection");
        MySqlSource mysql = new MySqlSource(src.host(), src.port(), src.user(),
                src.password().map(secrets::resolve).orElse(Secret.of("")), src.tls());
        Secret password = wh.password().map(secrets::resolve).orElse(Secret.of(""));
        String database = URLEncoder.encode(wh.database(), StandardCharsets.UTF_8);
        WarehouseEndpoint warehouse;
        WarehouseOpener opener;
        if (wh.type() == ConnectionType.POSTGRESQL) {
            warehouse = new WarehouseEndpoint("jdbc:postgresql://" + wh.host() + ":" + wh.port() + "/" + database
                    + "?sslmode=" + wh.tls().yamlName(), wh.user(), password);
            opener = WarehouseOpener.POSTGRES;
        } else {
            warehouse = new WarehouseEndpoint("jdbc:redshift://" + wh.host() + ":" + wh.port() + "/" + database
                    + RedshiftOpeners.jdbcTls(wh.tls()), wh.user(), password);
            opener = RedshiftOpeners.open(config, secrets, redshift);
        }
        return ReplicationJobSpec.of(job.name(), mysql, warehouse, new TableFilter(job.include(), job.exclude()).withRules(job.rules()),
                        TargetPreparation.parse(job.targetPreparation()))
                .withBatch(job.maxBatchRows(), job.maxBatchDelay())
                .withResumeByGtid(job.positionMode() == ReplicationJobConfig.PositionMode.GTID)
                .withWatermarks(WatermarkMode.valueOf(job.watermarks().name()))
                .withTargetSchema(job.targetSchema().orElse(null))
                .withOpener(opener)
                .withHeartbeat(job.heartbeat() ? job.heartbeatInterval() : null)
                .withErrorPolicy(job.onError())
                .withZeroDates(job.zeroDates())
                .withLimits(job.limits());
    }

    private static <T extends ConnectionConfig> T connection(FerryConfig ferry, String name, Class<T> kind, String what) {
        ConnectionConfig c = ferry.connection(name).orElseThrow(() -> new IllegalArgumentException(
                "No connection named '" + name + "' in the configuration; it has: "
                        + String.join(", ", ferry.connections().keySet())));
        if (!kind.isInstance(c)) {
            throw new IllegalArgumentException("Connection '" + name + "' is " + c.type().yamlName() + ", not " + what);
        }
        return kind.cast(c);
    }
}

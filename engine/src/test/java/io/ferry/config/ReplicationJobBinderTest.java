package io.ferry.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ReplicationJobBinderTest {
    private static final Path FILE = Path.of("/etc/ferry/ferry.yaml");
    private static final String CONNECTIONS = """
            connections:
              shop: { type: mysql, host: db, user: ferry }
              dw: { type: postgresql, host: pg, database: analytics, user: ferry }
              lake: { type: s3, region: us-east-1, bucket: b }
            """;

    @Test
    void aFullJobIsBoundWithEveryKey() {
        FerryConfig config = ConfigLoader.parse(CONNECTIONS + """
                jobs:
                  shop-to-dw:
                    type: replication
                    source: shop
                    target: dw
                    tables:
                      include: [ "shop.*", "crm.accounts" ]
                      exclude: "shop.tmp_*"
                    targetSchema: replica
                    targetPreparation: truncate
                    maxBatchRows: 10_000
                    maxBatchDelay: 2s
                    positionMode: gtid
                    onError: suspend-table
                    onErrorTables: { stop: [ "shop.orders" ] }
                    watermarks: gtid
                """, FILE);

        ReplicationJobConfig job = config.jobs(ReplicationJobConfig.class).get(0);
        assertThat(job).isEqualTo(new ReplicationJobConfig("shop-to-dw", "shop", "dw", List.of("shop.*", "crm.accounts"),
                List.of("shop.tmp_*"), Optional.of("replica"), "truncate", 10_000, Duration.ofSeconds(2),
                ReplicationJobConfig.PositionMode.GTID, true, ReplicationJobConfig.DEFAULT_HEARTBEAT_INTERVAL,
                new io.ferry.replication.ErrorPolicies(
                io.ferry.replication.ErrorPolicy.SUSPEND_TABLE, List.of(), List.of("shop.orders")),
                io.ferry.replication.ZeroDates.FAIL, io.ferry.replication.mapping.TableRules.NONE,
                RedshiftJobSettings.DEFAULTS, ReplicationJobConfig.Watermarks.GTID));
        assertThat(job.type()).isEqualTo("replication");
    }

    @Test
    void defaultsApplyToAMinimalJob() {
        FerryConfig config = ConfigLoader.parse(CONNECTIONS + """
                jobs:
                  j: { type: replication, source: shop, target: dw, tables: { include: "shop.*" } }
                """, FILE);

        ReplicationJobConfig job = config.jobs(ReplicationJobConfig.class).get(0);
        assertThat(job.targetSchema()).isEmpty();
        assertThat(job.targetPreparation()).isEqualTo("drop-and-create");
        assertThat(job.maxBatchRows()).isEqualTo(50_000);
        assertThat(job.maxBatchDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(job.positionMode()).isEqualTo(ReplicationJobConfig.PositionMode.FILE);
        assertThat(job.onError()).isEqualTo(io.ferry.replication.ErrorPolicies.STOP);
        assertThat(job.watermarks()).isEqualTo(ReplicationJobConfig.Watermarks.AUTO);
    }

    @Test
    void aJobIntoRedshiftWaitsTenSecondsForABatchUnlessItSaysOtherwise() {
        FerryConfig config = ConfigLoader.parse(CONNECTIONS + """
                  rs: { type: redshift, host: rs.example.com, database: dev, user: ferry }
                jobs:
                  default-delay: { type: replication, source: shop, target: rs, tables: { include: "shop.*" } }
                  own-delay: { type: replication, source: shop, target: rs, tables: { include: "shop.*" }, maxBatchDelay: 1s }
                """, FILE);

        assertThat(config.jobs(ReplicationJobConfig.class)).extracting(ReplicationJobConfig::maxBatchDelay)
                .containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(1));
    }

    @Test
    void everyWrongValueIsReportedWithItsLineAndKey() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(CONNECTIONS + """
                jobs:
                  bad:
                    type: replication
                    source: dw
                    target: lake
                    tables:
                      include: [ "orders" ]
                      exlude: [ "x.y" ]
                    targetPreparation: wipe
                    maxBatchDelay: soon
                    positionMode: gtids
                    onError: ignore
                    onErrorTables: { suspend: [ "shop.audit" ], stop: [ "orders" ] }
                """, FILE));

        assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                "/etc/ferry/ferry.yaml:8:13: jobs.bad.source: 'dw' is a postgresql connection; expected a mysql"
                        + " connection (shop)",
                "/etc/ferry/ferry.yaml:9:13: jobs.bad.target: 'lake' is a s3 connection; expected a postgresql or"
                        + " redshift connection (dw)",
                "/etc/ferry/ferry.yaml:12:7: jobs.bad.tables.exlude: unknown key; did you mean 'exclude'? the keys of"
                        + " the tables of a replication job are: include, exclude",
                "/etc/ferry/ferry.yaml:13:24: jobs.bad.targetPreparation: expected one of drop-and-create, truncate,"
                        + " do-nothing; found 'wipe'",
                "/etc/ferry/ferry.yaml:14:20: jobs.bad.maxBatchDelay: expected a duration such as 500ms, 30s, 5m, 4h"
                        + " or 1d; found 'soon'",
                "/etc/ferry/ferry.yaml:15:19: jobs.bad.positionMode: expected one of file, gtid; found 'gtids'"
                        + " (did you mean 'gtid'?)",
                "/etc/ferry/ferry.yaml:16:14: jobs.bad.onError: expected one of stop, suspend-table; found 'ignore'",
                "/etc/ferry/ferry.yaml:17:20: jobs.bad.onErrorTables: A table pattern is schema.table (e.g. shop.* or"
                        + " shop.orders), got 'orders'",
                "/etc/ferry/ferry.yaml:17:22: jobs.bad.onErrorTables.suspend: unknown key; the keys of the per-table error"
                        + " policies are: suspend-table, stop");
    }

    @Test
    void aPatternWithoutSchemaIsRefused() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(CONNECTIONS + """
                jobs:
                  bad: { type: replication, source: shop, target: dw, tables: { include: [ orders ] } }
                """, FILE));

        assertThat(e.problems()).extracting(ConfigProblem::message).containsExactly(
                "A table pattern is schema.table (e.g. shop.* or shop.orders), got 'orders'");
    }

    @Test
    void theHeartbeatIsOnEveryTwoSecondsUnlessTheJobSaysOtherwise() {
        FerryConfig config = ConfigLoader.parse(CONNECTIONS + """
                jobs:
                  default: { type: replication, source: shop, target: dw, tables: { include: "shop.*" } }
                  slower: { type: replication, source: shop, target: dw, tables: { include: "shop.*" }, heartbeatInterval: 10s }
                  off: { type: replication, source: shop, target: dw, tables: { include: "shop.*" }, heartbeat: off }
                """, FILE);

        assertThat(config.jobs(ReplicationJobConfig.class)).extracting(ReplicationJobConfig::heartbeat,
                        ReplicationJobConfig::heartbeatInterval)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(true, Duration.ofSeconds(2)),
                        org.assertj.core.groups.Tuple.tuple(true, Duration.ofSeconds(10)),
                        org.assertj.core.groups.Tuple.tuple(false, Duration.ofSeconds(2)));
        assertThat(io.ferry.replication.ReplicationJobSpecs.build(config, config.jobs(ReplicationJobConfig.class).get(2))
                .heartbeatInterval()).as("off: no heartbeat").isNull();
    }

    @Test
    void aHeartbeatIntervalBelowATenthOfASecondIsRefused() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(CONNECTIONS + """
                jobs:
                  bad: { type: replication, source: shop, target: dw, tables: { include: "shop.*" }, heartbeatInterval: 10ms }
                """, FILE));

        assertThat(e.problems()).extracting(ConfigProblem::toString).singleElement().asString()
                .contains("jobs.bad.heartbeatInterval: expected at least 100ms, e.g. 2s");
    }
}

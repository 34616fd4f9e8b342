package io.ferry.config;

import io.ferry.replication.TableId;
import io.ferry.warehouse.redshift.RedshiftOptions;
import io.ferry.warehouse.redshift.RedshiftSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The {@code redshift:} mapping of a replication job: staging, policies and table layouts, and every error's line. */
class RedshiftJobBinderTest {
    private static final Path FILE = Path.of("/etc/ferry/ferry.yaml");
    private static final String CONNECTIONS = """
            connections:
              shop: { type: mysql, host: db, user: ferry }
              dw: { type: postgresql, host: pg, database: analytics, user: ferry }
              rs: { type: redshift, host: rs.example.com, database: dev, user: ferry }
              lake: { type: s3, region: us-east-1, bucket: b }
            """;

    @Test
    void everyKeyIsBoundAndBecomesTheJobsRedshiftSettings() {
        FerryConfig config = ConfigLoader.parse(CONNECTIONS + """
                jobs:
                  shop-to-rs:
                    type: replication
                    source: shop
                    target: rs
                    tables: { include: "shop.*" }
                    redshift:
                      stagingS3: lake
                      copyIamRole: arn:aws:iam::123456789012:role/ferry-copy
                      oversize: truncate
                      wideDecimal: varchar
                      tables:
                        shop.orders: { distKey: customer_id, sortKey: [ created_at, id ] }
                        shop.countries: { distStyle: all }
                """, FILE);

        ReplicationJobConfig job = config.jobs(ReplicationJobConfig.class).get(0);
        assertThat(job.redshift()).isEqualTo(new RedshiftJobSettings(Optional.of("lake"),
                Optional.of("arn:aws:iam::123456789012:role/ferry-copy"), "truncate", "varchar", Map.of(
                "shop.orders", new RedshiftJobSettings.TableLayout("key", Optional.of("customer_id"), List.of("created_at", "id")),
                "shop.countries", new RedshiftJobSettings.TableLayout("all", Optional.empty(), List.of()))));

        RedshiftSettings settings = RedshiftSettings.of(job.redshift());
        assertThat(settings.stagingS3()).isEqualTo("lake");
        assertThat(settings.copyIamRole()).isEqualTo("arn:aws:iam::123456789012:role/ferry-copy");
        assertThat(settings.options().oversize()).isEqualTo(RedshiftOptions.Oversize.TRUNCATE);
        assertThat(settings.options().wideDecimal()).isEqualTo(RedshiftOptions.WideDecimal.VARCHAR);
        assertThat(settings.options().layouts()).containsEntry(TableId.parse("shop.orders"),
                new RedshiftOptions.Layout("KEY", "customer_id", List.of("created_at", "id")))
                .containsEntry(TableId.parse("shop.countries"), new RedshiftOptions.Layout("ALL", null, List.of()));
    }

    @Test
    void aJobWithoutTheMappingHasTheDefaults() {
        FerryConfig config = ConfigLoader.parse(CONNECTIONS + """
                jobs:
                  j: { type: replication, source: shop, target: rs, tables: { include: "shop.*" } }
                """, FILE);

        ReplicationJobConfig job = config.jobs(ReplicationJobConfig.class).get(0);
        assertThat(job.redshift()).isEqualTo(RedshiftJobSettings.DEFAULTS);
        assertThat(RedshiftSettings.of(job.redshift())).isEqualTo(RedshiftSettings.DEFAULTS);
    }

    @Test
    void everyWrongValueIsReportedWithItsLineAndKey() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(CONNECTIONS + """
                jobs:
                  bad:
                    type: replication
                    source: shop
                    target: rs
                    tables: { include: "shop.*" }
                    redshift:
                      stagingS3: dw
                      copyIamRole: ferry-copy
                      oversize: cut
                      wideDecimals: varchar
                      tables:
                        orders: { distStyle: even }
                        shop.a: { distStyle: even, distKey: id }
                        shop.b: { sortKey: [ id ] }
                        shop.c: { distStyle: key, sortkey: id }
                  pg:
                    type: replication
                    source: shop
                    target: dw
                    tables: { include: "shop.*" }
                    redshift: { oversize: truncate }
                """, FILE));

        assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                "/etc/ferry/ferry.yaml:13:18: jobs.bad.redshift.stagingS3: 'dw' is a postgresql connection; expected an s3"
                        + " connection (lake)",
                "/etc/ferry/ferry.yaml:14:20: jobs.bad.redshift.copyIamRole: expected an IAM role ARN such as"
                        + " arn:aws:iam::123456789012:role/ferry-copy",
                "/etc/ferry/ferry.yaml:15:17: jobs.bad.redshift.oversize: expected one of reject, truncate; found 'cut'",
                "/etc/ferry/ferry.yaml:16:7: jobs.bad.redshift.wideDecimals: unknown key; did you mean 'wideDecimal'? the keys"
                        + " of the Redshift settings of a replication job are: stagingS3, copyIamRole, oversize, wideDecimal, tables",
                "/etc/ferry/ferry.yaml:18:17: jobs.bad.redshift.tables.orders: expected a schema.table name: Expected"
                        + " schema.table, got 'orders'",
                "/etc/ferry/ferry.yaml:19:17: jobs.bad.redshift.tables.shop.a: distKey goes with distStyle key, and only with it",
                "/etc/ferry/ferry.yaml:20:17: jobs.bad.redshift.tables.shop.b: a layout needs distStyle (auto, even, all or key)"
                        + " or distKey (which means distStyle key)",
                "/etc/ferry/ferry.yaml:21:17: jobs.bad.redshift.tables.shop.c: distKey goes with distStyle key, and only with it",
                "/etc/ferry/ferry.yaml:21:35: jobs.bad.redshift.tables.shop.c.sortkey: unknown key; did you mean 'sortKey'? the"
                        + " keys of the layout of shop.c are: distKey, distStyle, sortKey",
                "/etc/ferry/ferry.yaml:27:15: jobs.pg.redshift: target 'dw' is a postgresql connection; these settings are"
                        + " for a redshift target");
    }
}

package io.ferry.config;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ConfigLoaderTest {
    private static final Path FILE = Path.of("/etc/ferry/ferry.yaml");

    @Test
    void theShippedExampleIsValidAndHasEveryConnectionType() {
        FerryConfig config = ConfigLoader.load(Path.of("..", "resources", "ferry.example.yaml"));

        assertThat(config.connections().keySet()).containsExactly("shop", "dw", "pg", "lake", "druid", "events", "aws");
        assertThat(config.connections().values()).extracting(ConnectionConfig::type)
                .containsAll(List.of(ConnectionType.values()));
        assertThat(config.dataDir()).isEqualTo(Path.of(System.getProperty("user.home"), ".ferry"));
        MySqlConnectionConfig shop = (MySqlConnectionConfig) config.connection("shop").orElseThrow();
        assertThat(shop.password()).contains(new SecretRef.Env("FERRY_SHOP_PASSWORD"));
        assertThat(shop.target()).isEqualTo("db.example.com:3306/shop");
        WarehouseConnectionConfig pg = (WarehouseConnectionConfig) config.connection("pg").orElseThrow();
        assertThat(pg.password()).contains(new SecretRef.AwsSecretsManager(
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:ferry/pg-AbCdEf", "us-east-1",
                Optional.of("password")));
        assertThat(pg.tls()).isEqualTo(TlsMode.VERIFY_FULL);
        KafkaConnectionConfig events = (KafkaConnectionConfig) config.connection("events").orElseThrow();
        assertThat(events.bootstrapServers()).containsExactly(new HostPort("127.0.0.1", 9092));
        assertThat(config.jobs(ReplicationJobConfig.class)).singleElement().satisfies(job -> {
            assertThat(job.name()).isEqualTo("shop-to-dw");
            assertThat(job.tables()).isEqualTo("shop.*,!shop.tmp_*");
        });
    }

    @Test
    void theSandboxShapeLoadsWithDefaults() {
        FerryConfig config = ConfigLoader.parse("""
                connections:
                  shop:
                    type: mysql
                    host: 127.0.0.1
                    user: ferry
                    password: env:FERRY_SHOP_PASSWORD
                  dw:
                    type: redshift
                    host: 127.0.0.1
                    database: analytics
                    user: ferry
                  wh:
                    type: postgresql
                    host: 127.0.0.1
                    database: analytics
                    user: ferry
                    password: file:secrets/wh
                  lake:
                    type: s3
                    endpoint: http://127.0.0.1:9000
                    region: us-east-1
                    bucket: ferry-staging
                    pathStyle: yes
                  druid:
                    type: druid
                    coordinatorUrl: http://127.0.0.1:8081
                    brokerUrl: http://127.0.0.1:8082
                  events:
                    type: kafka
                    bootstrapServers: [ "a:9092", "b:9093" ]
                """, FILE);

        MySqlConnectionConfig shop = (MySqlConnectionConfig) config.connection("shop").orElseThrow();
        assertThat(shop.port()).isEqualTo(3306);
        assertThat(shop.tls()).isEqualTo(TlsMode.PREFER);
        assertThat(shop.rds()).isFalse();
        assertThat(shop.database()).isEmpty();
        assertThat(((WarehouseConnectionConfig) config.connection("dw").orElseThrow()).port()).isEqualTo(5439);
        WarehouseConnectionConfig wh = (WarehouseConnectionConfig) config.connection("wh").orElseThrow();
        assertThat(wh.port()).isEqualTo(5432);
        assertThat(wh.password()).contains(new SecretRef.File(Path.of("/etc/ferry/secrets/wh")));
        S3ConnectionConfig lake = (S3ConnectionConfig) config.connection("lake").orElseThrow();
        assertThat(lake.endpoint()).contains(URI.create("http://127.0.0.1:9000"));
        assertThat(lake.keys()).isEmpty();
        assertThat(lake.pathStyle()).isTrue();
        DruidConnectionConfig druid = (DruidConnectionConfig) config.connection("druid").orElseThrow();
        assertThat(druid.overlordUrl()).isEqualTo(URI.create("http://127.0.0.1:8081"));
        assertThat(((KafkaConnectionConfig) config.connection("events").orElseThrow()).bootstrapServers())
                .containsExactly(new HostPort("a", 9092), new HostPort("b", 9093));
        assertThat(config.dataDir()).isEqualTo(Path.of(System.getProperty("user.home"), ".ferry"));
    }

    @Test
    void everyUnknownKeyIsReportedWithItsLineColumnAndTheClosestAllowedKey() {
        List<ConfigProblem> problems = problems("""
                connections:
                  shop:
                    type: mysql
                    host: db
                    prot: 3306
                    user: ferry
                    pasword: hunter2-secret
                datadir: /tmp/x
                """);

        assertThat(problems).extracting(ConfigProblem::toString).containsExactly(
                "/etc/ferry/ferry.yaml:5:5: connections.shop.prot: unknown key; did you mean 'port'? the keys of a"
                        + " mysql connection are: type, host, port, user, password, database, tls, rds",
                "/etc/ferry/ferry.yaml:7:5: connections.shop.pasword: unknown key; did you mean 'password'? the keys"
                        + " of a mysql connection are: type, host, port, user, password, database, tls, rds",
                "/etc/ferry/ferry.yaml:8:1: datadir: unknown key; did you mean 'dataDir'? the keys of ferry.yaml are:"
                        + " dataDir, connections, jobs");
        assertThat(problems.toString()).doesNotContain("hunter2");
    }

    @Test
    void wrongTypesMissingKeysUnknownTypesAndBadEnumsAreAllReportedTogether() {
        List<ConfigProblem> problems = problems("""
                connections:
                  shop:
                    type: mysql
                    host: db
                    port: abc
                    tls: requir
                    rds: maybe
                  dw:
                    type: redshfit
                    host: x
                    hots: y
                  lake:
                    type: s3
                    bucket: b
                    accessKey: env:AWS_ACCESS_KEY_ID
                  druid:
                    type: druid
                    coordinatorUrl: 127.0.0.1:8081
                    brokerUrl: http://127.0.0.1:8082
                  Bad Name:
                    type: kafka
                  events:
                    host: x
                """);

        assertThat(problems).extracting(ConfigProblem::toString).containsExactly(
                "/etc/ferry/ferry.yaml:3:5: connections.shop.user: missing required key (the user name to log in as)"
                        + " in a mysql connection",
                "/etc/ferry/ferry.yaml:5:11: connections.shop.port: expected a port number (1-65535), found 'abc'",
                "/etc/ferry/ferry.yaml:6:10: connections.shop.tls: expected one of disable, prefer, require,"
                        + " verify-ca, verify-full; found 'requir' (did you mean 'require'?)",
                "/etc/ferry/ferry.yaml:7:10: connections.shop.rds: expected true or false, found 'maybe'",
                "/etc/ferry/ferry.yaml:9:11: connections.dw.type: expected one of mysql, postgresql, redshift, s3,"
                        + " druid, kafka, aws; found 'redshfit' (did you mean 'redshift'?)",
                "/etc/ferry/ferry.yaml:11:5: connections.dw.hots: unknown key; did you mean 'host'? no type of"
                        + " connection has it",
                "/etc/ferry/ferry.yaml:13:5: connections.lake.region: missing required key (an AWS region such as"
                        + " us-east-1) in an s3 connection",
                "/etc/ferry/ferry.yaml:13:5: connections.lake: accessKey and secretKey go together: write both, or"
                        + " neither to use the default AWS credential chain (environment, ~/.aws, instance role)",
                "/etc/ferry/ferry.yaml:18:21: connections.druid.coordinatorUrl: expected an http:// or https:// URL"
                        + " such as http://127.0.0.1:8081, found '127.0.0.1:8081'",
                "/etc/ferry/ferry.yaml:20:3: connections.Bad Name: a connection name is lower-case letters, digits,"
                        + " '_' and '-', starting with a letter or digit (e.g. shop, dw_main)",
                "/etc/ferry/ferry.yaml:23:5: connections.events.type: missing required key (one of mysql, postgresql,"
                        + " redshift, s3, druid, kafka, aws)");
    }

    @Test
    void aPlainTextPasswordIsRefusedWithoutEchoingIt() {
        List<ConfigProblem> problems = problems("""
                connections:
                  shop:
                    type: mysql
                    host: db
                    user: ferry
                    password: "S3cr3t!pass"
                """);

        assertThat(problems).hasSize(1);
        ConfigProblem problem = problems.get(0);
        assertThat(problem.line()).isEqualTo(6);
        assertThat(problem.keyPath()).isEqualTo("connections.shop.password");
        assertThat(problem.message()).contains("plain text", "env:FERRY_SHOP_PASSWORD", "file:~/.ferry/secrets/shop",
                "arn:aws:secretsmanager:").doesNotContain("S3cr3t");
    }

    @Test
    void aMalformedReferenceSaysHowToWriteIt() {
        List<ConfigProblem> problems = problems("""
                connections:
                  aws:
                    type: aws
                    region: us-east-1
                    accessKey: env:1BAD
                    secretKey: arn:aws:secretsmanager:nowhere
                """);

        assertThat(problems).extracting(ConfigProblem::toString).containsExactly(
                "/etc/ferry/ferry.yaml:5:16: connections.aws.accessKey: an env: reference needs a variable name of"
                        + " letters, digits and _ (not starting with a digit), e.g. env:FERRY_SHOP_PASSWORD",
                "/etc/ferry/ferry.yaml:6:16: connections.aws.secretKey: an AWS Secrets Manager reference looks like"
                        + " arn:aws:secretsmanager:<region>:<account>:secret:<name>[#<json key>]");
    }

    @Test
    void aYamlSyntaxErrorHasItsLineAndDoesNotQuoteTheLine() {
        List<ConfigProblem> problems = problems("""
                connections:
                  shop:
                    type: mysql
                    password: "unterminated-secret
                    host: db
                """);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).line()).isGreaterThanOrEqualTo(4);
        assertThat(problems.get(0).message()).startsWith("YAML syntax error: ").doesNotContain("unterminated-secret");
    }

    @Test
    void duplicateKeysAndWrongShapesAreReported() {
        List<ConfigProblem> problems = problems("""
                connections:
                  shop:
                    type: mysql
                    host: a
                    host: b
                    user: [ x ]
                  dw: just-text
                jobs:
                  nightly:
                    type: replication
                """);

        assertThat(problems).extracting(ConfigProblem::toString).containsExactly(
                "/etc/ferry/ferry.yaml:5:5: connections.shop.host: duplicate key (first written on line 4); write"
                        + " each key once",
                "/etc/ferry/ferry.yaml:6:11: connections.shop.user: expected the user name to log in as, found a list",
                "/etc/ferry/ferry.yaml:7:7: connections.dw: expected a connection (a mapping with type, host, ...),"
                        + " found a text",
                "/etc/ferry/ferry.yaml:10:5: jobs.nightly.source: missing required key (the name of a connection)"
                        + " in a replication job",
                "/etc/ferry/ferry.yaml:10:5: jobs.nightly.target: missing required key (the name of a connection)"
                        + " in a replication job",
                "/etc/ferry/ferry.yaml:10:5: jobs.nightly.tables: missing required key (a mapping with include (and"
                        + " exclude) schema.table patterns) in a replication job");
    }

    @Test
    void anEmptyFileAndAMissingFileSayWhatIsExpected() {
        assertThat(problems("")).extracting(ConfigProblem::message).containsExactly(
                "expected a mapping with the keys dataDir, connections, jobs; found an empty file");
        assertThat(problems("dataDir: /tmp\n")).extracting(ConfigProblem::toString).containsExactly(
                "/etc/ferry/ferry.yaml:1:1: connections: missing required key (a mapping of connection name to"
                        + " connection) in ferry.yaml");
        assertThatThrownBy(() -> ConfigLoader.load(Path.of("/nonexistent/ferry.yaml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("/nonexistent/ferry.yaml: no such file");
    }

    @Test
    void theExceptionMessageListsEveryProblem() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse("""
                connections:
                  shop: { type: mysql, host: h, user: u, port: 0 }
                extra: 1
                """, FILE));
        assertThat(e.getMessage()).isEqualTo(String.join(System.lineSeparator(),
                "/etc/ferry/ferry.yaml has 2 problems:",
                "  /etc/ferry/ferry.yaml:2:48: connections.shop.port: expected a port number (1-65535), found '0'",
                "  /etc/ferry/ferry.yaml:3:1: extra: unknown key; the keys of ferry.yaml are: dataDir, connections, jobs"));
    }

    private static List<ConfigProblem> problems(String yaml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(yaml, FILE));
        assertThat(e).as("the configuration should have been refused").isNotNull();
        return e.problems();
    }
}

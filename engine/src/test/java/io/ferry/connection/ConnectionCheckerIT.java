package io.ferry.connection;

import com.sun.net.httpserver.HttpServer;
import io.ferry.client.ConnectionHealth;
import io.ferry.client.ConnectionStatus;
import io.ferry.config.AwsConnectionConfig;
import io.ferry.config.AwsKeys;
import io.ferry.config.AwsSecretsManagerReader;
import io.ferry.config.ConfigLoader;
import io.ferry.config.ConnectionConfig;
import io.ferry.config.ConnectionType;
import io.ferry.config.DruidConnectionConfig;
import io.ferry.config.FerryConfig;
import io.ferry.config.HostPort;
import io.ferry.config.KafkaConnectionConfig;
import io.ferry.config.MySqlConnectionConfig;
import io.ferry.config.S3ConnectionConfig;
import io.ferry.config.SecretRef;
import io.ferry.config.SecretResolver;
import io.ferry.config.TlsMode;
import io.ferry.config.WarehouseConnectionConfig;
import io.ferry.sandbox.DatabaseEndpoint;
import io.ferry.sandbox.FreePorts;
import io.ferry.sandbox.S3Endpoint;
import io.ferry.sandbox.SandboxEndpoints;
import io.ferry.sandbox.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Connection checks against the real sandbox servers: MariaDB, PostgreSQL 17 and S3Proxy. */
@ExtendWith(SandboxExtension.class)
class ConnectionCheckerIT {
    private static final String WRONG_PASSWORD = "definitely-not-the-password";

    private final SandboxEndpoints sandbox;
    private final DatabaseEndpoint maria;
    private final DatabaseEndpoint pg;
    private final S3Endpoint s3;

    @TempDir
    Path dir;

    ConnectionCheckerIT(SandboxEndpoints sandbox) {
        this.sandbox = sandbox;
        this.maria = sandbox.mariadb();
        this.pg = sandbox.postgres();
        this.s3 = sandbox.s3();
    }

    @Test
    void theSandboxConfigurationIsValidAndEveryConnectionIsUp() {
        FerryConfig config = ConfigLoader.load(sandbox.configFile());

        List<CheckResult> results = ConnectionChecker.forConfig(config).checkAll(config.connections().values());

        assertThat(results).allSatisfy(r -> assertThat(r.ok()).as(r.name() + ": " + r.detail()).isTrue());
        assertThat(results).extracting(CheckResult::type)
                .containsExactly(ConnectionType.MYSQL, ConnectionType.POSTGRESQL, ConnectionType.S3, ConnectionType.REDSHIFT);
        assertThat(results.get(0).detail()).matches("MariaDB 11\\.\\d+\\.\\d+, binlog ROW, .+");
        assertThat(results.get(1).detail()).matches("PostgreSQL 17\\.\\d+, no TLS");
        assertThat(results.get(2).detail()).isEqualTo("bucket " + s3.bucket() + " reachable at " + s3.endpoint());
        assertThat(results.get(3).detail()).as("the Redshift driver through pgbouncer, md5 login")
                .matches("PostgreSQL 17\\.\\d+, no TLS \\(through the Redshift driver\\)");
        ConnectionStatus status = results.get(0).toStatus();
        assertThat(status.health()).isEqualTo(ConnectionHealth.UP);
        assertThat(status.target()).isEqualTo(maria.host() + ":" + maria.port() + "/" + maria.database());
        assertThat(status.latencyMillis()).isGreaterThanOrEqualTo(0);
        assertThat(status.checkedAt()).isNotNull();
    }

    @Test
    void aWrongPasswordIsAuthenticationFailedAndThePasswordIsNeverShown() throws Exception {
        SecretRef wrong = secretFile("wrong", WRONG_PASSWORD);

        CheckResult mysql = checker().check(mysql(maria.host(), maria.port(), Optional.of(wrong), maria.database(),
                TlsMode.PREFER));
        CheckResult postgres = checker().check(postgres(pg.host(), pg.port(), Optional.of(wrong), pg.database(),
                TlsMode.PREFER));

        assertThat(mysql.ok()).isFalse();
        assertThat(mysql.detail()).isEqualTo("authentication failed for ferry@127.0.0.1:" + maria.port()
                + " (wrong password, or the user may not log in from this host)");
        assertThat(postgres.ok()).isFalse();
        assertThat(postgres.detail()).isEqualTo("authentication failed for ferry@127.0.0.1:" + pg.port()
                + " (wrong password)");
        assertThat(mysql.toStatus().health()).isEqualTo(ConnectionHealth.DOWN);
        assertThat(mysql + " " + postgres).doesNotContain(WRONG_PASSWORD);
    }

    @Test
    void noPasswordAtAllIsSaidSo() {
        CheckResult mysql = checker().check(mysql(maria.host(), maria.port(), Optional.empty(), maria.database(),
                TlsMode.PREFER));
        CheckResult postgres = checker().check(postgres(pg.host(), pg.port(), Optional.empty(), pg.database(),
                TlsMode.PREFER));

        assertThat(mysql.detail()).isEqualTo("authentication failed for ferry@127.0.0.1:" + maria.port()
                + " (no password was sent: add password: to the connection)");
        assertThat(postgres.detail()).isEqualTo("authentication failed for ferry@127.0.0.1:" + pg.port()
                + ": the server asks for a password (add password: to the connection)");
    }

    @Test
    void aMissingDatabaseIsNamed() throws Exception {
        CheckResult mysql = checker().check(mysql(maria.host(), maria.port(), Optional.of(mariaPassword()), "nope",
                TlsMode.PREFER));
        CheckResult postgres = checker().check(postgres(pg.host(), pg.port(), Optional.of(pgPassword()), "nope",
                TlsMode.PREFER));

        assertThat(mysql.detail()).isEqualTo("database 'nope' does not exist on 127.0.0.1:" + maria.port());
        assertThat(postgres.detail()).isEqualTo("database 'nope' does not exist on 127.0.0.1:" + pg.port());
    }

    @Test
    void aPortNothingListensOnIsConnectionRefusedForEveryDriver() {
        int port = FreePorts.pick();
        String refused = "connection refused by 127.0.0.1:" + port
                + " (nothing listens on that port, or a firewall rejects the connection)";

        List<CheckResult> results = checker().checkAll(List.of(
                mysql("127.0.0.1", port, Optional.empty(), "shop", TlsMode.PREFER),
                postgres("127.0.0.1", port, Optional.empty(), "dw", TlsMode.PREFER),
                new WarehouseConnectionConfig("rs", ConnectionType.REDSHIFT, "127.0.0.1", port, "dw", "ferry",
                        Optional.empty(), TlsMode.PREFER),
                new S3ConnectionConfig("lake", Optional.of(URI.create("http://127.0.0.1:" + port)), "us-east-1", "b",
                        true, Optional.of(new AwsKeys(new SecretRef.Env("AK"), new SecretRef.Env("SK")))),
                new KafkaConnectionConfig("events", List.of(new HostPort("127.0.0.1", port))),
                new DruidConnectionConfig("druid", URI.create("http://127.0.0.1:" + port),
                        URI.create("http://127.0.0.1:" + port), URI.create("http://127.0.0.1:" + port))));

        assertThat(results).extracting(CheckResult::detail).containsExactly(
                refused, refused, refused,
                refused,
                "bootstrap server " + refused,
                "coordinator/broker/overlord http://127.0.0.1:" + port + ": " + refused);
    }

    @Test
    void anUnresolvableHostIsUnknownHost() {
        String unknown = "unknown host 'db.ferry.invalid': the name does not resolve (check the host name and DNS)";

        List<CheckResult> results = checker().checkAll(List.of(
                mysql("db.ferry.invalid", 3306, Optional.empty(), "shop", TlsMode.PREFER),
                postgres("db.ferry.invalid", 5432, Optional.empty(), "dw", TlsMode.PREFER),
                new KafkaConnectionConfig("events", List.of(new HostPort("db.ferry.invalid", 9092)))));

        assertThat(results).extracting(CheckResult::detail).containsExactly(unknown, unknown,
                "bootstrap server " + unknown);
    }

    @Test
    void tlsRequiredByTheConnectionButNotOfferedByTheServer() throws Exception {
        CheckResult postgres = checker().check(postgres(pg.host(), pg.port(), Optional.of(pgPassword()), pg.database(),
                TlsMode.REQUIRE));

        assertThat(postgres.detail()).isEqualTo("TLS not offered by the server 127.0.0.1:" + pg.port()
                + ", but the connection says tls: require");
    }

    @Test
    void tlsRequiredByTheServerButDisabledInTheConnection() throws Exception {
        try (Connection admin = maria.connect(); Statement st = admin.createStatement()) {
            st.execute("SET GLOBAL require_secure_transport = ON");
            try {
                CheckResult plain = checker().check(mysql(maria.host(), maria.port(), Optional.of(mariaPassword()),
                        maria.database(), TlsMode.DISABLE));
                CheckResult tls = checker().check(mysql(maria.host(), maria.port(), Optional.of(mariaPassword()),
                        maria.database(), TlsMode.REQUIRE));

                assertThat(plain.detail()).isEqualTo("TLS required by the server 127.0.0.1:" + maria.port()
                        + " (require_secure_transport): set tls: require");
                // The sandbox's MariaDB runs with --skip-ssl (certificate generation at every start cost 15-20 s), so
                // the server both demands TLS and cannot offer it: the check must say the latter, not hang or blame the password.
                assertThat(tls.ok()).isFalse();
                assertThat(tls.detail()).isEqualTo("TLS not offered by the server 127.0.0.1:" + maria.port()
                        + ", but the connection says tls: require");
            } finally {
                st.execute("SET GLOBAL require_secure_transport = OFF");
            }
        }
    }

    /** A listener that accepts connections and never says a word: what a hung server looks like. */
    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = silent.getLocalPort();
            ConnectionChecker quick = new ConnectionChecker(new SecretResolver(name -> null,
                    new AwsSecretsManagerReader(Optional.empty(), null)), Duration.ofSeconds(1), Clock.systemUTC());

            List<CheckResult> results = quick.checkAll(List.of(
                    mysql("127.0.0.1", port, Optional.empty(), "shop", TlsMode.PREFER),
                    postgres("127.0.0.1", port, Optional.empty(), "dw", TlsMode.DISABLE),
                    new DruidConnectionConfig("druid", URI.create("http://127.0.0.1:" + port),
                            URI.create("http://127.0.0.1:" + port), URI.create("http://127.0.0.1:" + port))));

            assertThat(results).extracting(CheckResult::detail).containsExactly(
                    "timed out after 1 s waiting for 127.0.0.1:" + port + " to answer",
                    "timed out after 1 s waiting for 127.0.0.1:" + port + " to answer",
                    "coordinator/broker/overlord http://127.0.0.1:" + port + ": timed out after 1 s waiting for"
                            + " 127.0.0.1:" + port + " to answer");
            assertThat(results).allSatisfy(r -> assertThat(r.latency()).isLessThan(Duration.ofSeconds(4)));
        }
    }

    @Test
    void anUnresolvableSecretReferenceIsNamedWithTheFix() throws Exception {
        Path open = dir.resolve("open.password");
        Files.writeString(open, "x");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));

        List<CheckResult> results = checker().checkAll(List.of(
                mysql(maria.host(), maria.port(), Optional.of(new SecretRef.Env("FERRY_UNSET_PASSWORD")), "shop",
                        TlsMode.PREFER),
                postgres(pg.host(), pg.port(), Optional.of(new SecretRef.File(open)), pg.database(), TlsMode.PREFER),
                postgres(pg.host(), pg.port(), Optional.of(new SecretRef.File(dir.resolve("gone"))), pg.database(),
                        TlsMode.PREFER)));

        assertThat(results).extracting(CheckResult::detail).containsExactly(
                "secret reference not resolvable: password env:FERRY_UNSET_PASSWORD: the environment variable"
                        + " FERRY_UNSET_PASSWORD is not set; export it before starting Ferry",
                "secret reference not resolvable: password file:" + open + ": " + open + " is accessible by"
                        + " group/others (mode rw-r--r--); a secret file must be readable by its owner only. Fix it"
                        + " with: chmod 600 " + open,
                "secret reference not resolvable: password file:" + dir.resolve("gone") + ": the file "
                        + dir.resolve("gone") + " does not exist");
    }

    @Test
    void s3SaysWhenTheBucketIsMissingOrTheKeysAreWrong() throws Exception {
        SecretRef access = new SecretRef.File(s3.accessKeyFile());
        SecretRef wrongSecret = secretFile("wrong-s3", "0123456789012345678901234567890123456789");

        CheckResult missing = checker().check(new S3ConnectionConfig("lake", Optional.of(s3.endpoint()), s3.region(),
                "no-such-bucket", true, Optional.of(new AwsKeys(access, new SecretRef.File(s3.secretKeyFile())))));
        CheckResult denied = checker().check(new S3ConnectionConfig("lake", Optional.of(s3.endpoint()), s3.region(),
                s3.bucket(), true, Optional.of(new AwsKeys(access, wrongSecret))));

        assertThat(missing.detail()).isEqualTo("bucket 'no-such-bucket' does not exist at " + s3.endpoint());
        assertThat(denied.detail()).isEqualTo("access denied to bucket '" + s3.bucket() + "' at " + s3.endpoint()
                + " (check accessKey/secretKey and the bucket policy)");
    }

    @Test
    void kafkaIsCheckedForReachabilityOnly() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CheckResult result = checker().check(new KafkaConnectionConfig("events",
                    List.of(new HostPort("127.0.0.1", listener.getLocalPort()))));

            assertThat(result.ok()).isTrue();
            assertThat(result.detail()).isEqualTo("bootstrap server accepts TCP connections (only reachability was"
                    + " checked, not the Kafka protocol)");
        }
    }

    /**
     * Druid cannot start inside this test (it needs minutes and gigabytes); a local HTTP peer answers Druid's
     * two status endpoints the way a Druid 33 node does, so the real HTTP client and parsing are exercised.
     */
    @Test
    void druidIsHealthyWhenEveryRoleAnswersItsHealthEndpoint() throws Exception {
        HttpServer coordinator = druidPeer("true");
        HttpServer broker = druidPeer("false");
        try {
            URI c = URI.create("http://127.0.0.1:" + coordinator.getAddress().getPort());
            URI b = URI.create("http://127.0.0.1:" + broker.getAddress().getPort());

            CheckResult healthy = checker().check(new DruidConnectionConfig("druid", c, c, c));
            CheckResult sick = checker().check(new DruidConnectionConfig("druid", c, b, c));

            assertThat(healthy.detail()).isEqualTo("Druid 33.0.0; coordinator, broker and overlord healthy");
            assertThat(sick.detail()).isEqualTo("broker " + b + " is not healthy: /status/health answered HTTP 200 false");
        } finally {
            coordinator.stop(0);
            broker.stop(0);
        }
    }

    @Test
    void awsIsReportedConfiguredWithoutCallingOut() {
        CheckResult result = checker().check(new AwsConnectionConfig("aws", "us-east-1",
                Optional.of(new AwsKeys(new SecretRef.Env("AK"), new SecretRef.Env("SK"))), Optional.empty()));

        assertThat(result.ok()).isTrue();
        assertThat(result.detail()).isEqualTo("configured: region us-east-1, keys from env:AK and env:SK (AWS was not"
                + " contacted: the check makes no calls to AWS, as there may be no internet access)");
    }

    private ConnectionChecker checker() {
        Map<String, String> env = Map.of("AK", "AKIAFERRY", "SK", "secret-key-for-test");
        return new ConnectionChecker(new SecretResolver(env::get, new AwsSecretsManagerReader(Optional.empty(),
                null)), Duration.ofSeconds(5), Clock.systemUTC());
    }

    private static ConnectionConfig mysql(String host, int port, Optional<SecretRef> password, String database,
                                          TlsMode tls) {
        return new MySqlConnectionConfig("shop", host, port, "ferry", password, Optional.of(database), tls, false);
    }

    private static ConnectionConfig postgres(String host, int port, Optional<SecretRef> password, String database,
                                             TlsMode tls) {
        return new WarehouseConnectionConfig("dw", ConnectionType.POSTGRESQL, host, port, database, "ferry", password,
                tls);
    }

    private SecretRef mariaPassword() {
        return new SecretRef.File(maria.passwordFile());
    }

    private SecretRef pgPassword() {
        return new SecretRef.File(pg.passwordFile());
    }

    private SecretRef secretFile(String name, String value) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, value);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return new SecretRef.File(file);
    }

    private static HttpServer druidPeer(String health) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/status/health", exchange -> respond(exchange, health));
        server.createContext("/status", exchange -> respond(exchange, "{\"version\":\"33.0.0\",\"modules\":[]}"));
        server.start();
        return server;
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}

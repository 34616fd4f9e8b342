package io.ferry.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ferry.config.ConfigLoader;
import io.ferry.config.DruidConnectionConfig;
import io.ferry.config.DruidReindexJobConfig;
import io.ferry.config.FerryConfig;
import io.ferry.config.KafkaConnectionConfig;
import io.ferry.config.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxConfigFileTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static DatabaseEndpoint maria(Path secrets) {
        return new DatabaseEndpoint("127.0.0.1", 41234, "ferry", Secret.of("mariaSecret123"), "shop",
                secrets.resolve("sandbox-mariadb.password"), "mysql");
    }

    private static DatabaseEndpoint postgres(Path secrets) {
        return new DatabaseEndpoint("127.0.0.1", 41235, "ferry", Secret.of("pgSecret456"), "warehouse",
                secrets.resolve("sandbox-postgres.password"), "postgresql");
    }

    private static S3Endpoint s3(Path secrets) {
        return new S3Endpoint(URI.create("http://127.0.0.1:41236"), "us-east-1", "ferry", Secret.of("FERRYACCESS"),
                Secret.of("s3SecretKey789"), secrets.resolve("sandbox-s3.access-key"), secrets.resolve("sandbox-s3.secret-key"));
    }

    @Test
    void describesTheThreeConnectionsInTheAgreedShape() throws Exception {
        Path secrets = Path.of("/abs/path/secrets");
        JsonNode root = YAML.readTree(SandboxConfigFile.render(maria(secrets), postgres(secrets), s3(secrets)));

        JsonNode connections = root.get("connections");
        assertThat(connections.fieldNames()).toIterable().containsExactly("sandbox-mariadb", "sandbox-postgres", "sandbox-s3");

        JsonNode maria = connections.get("sandbox-mariadb");
        assertThat(maria.get("type").asText()).isEqualTo("mysql");
        assertThat(maria.get("host").asText()).isEqualTo("127.0.0.1");
        assertThat(maria.get("port").isInt()).isTrue();
        assertThat(maria.get("port").asInt()).isEqualTo(41234);
        assertThat(maria.get("user").asText()).isEqualTo("ferry");
        assertThat(maria.get("password").asText()).isEqualTo("file:/abs/path/secrets/sandbox-mariadb.password");
        assertThat(maria.get("database").asText()).isEqualTo("shop");

        JsonNode pg = connections.get("sandbox-postgres");
        assertThat(pg.get("type").asText()).isEqualTo("postgresql");
        assertThat(pg.get("port").asInt()).isEqualTo(41235);
        assertThat(pg.get("password").asText()).isEqualTo("file:/abs/path/secrets/sandbox-postgres.password");
        assertThat(pg.get("database").asText()).isEqualTo("warehouse");

        JsonNode s3 = connections.get("sandbox-s3");
        assertThat(s3.get("type").asText()).isEqualTo("s3");
        assertThat(s3.get("endpoint").asText()).isEqualTo("http://127.0.0.1:41236");
        assertThat(s3.get("region").asText()).isEqualTo("us-east-1");
        assertThat(s3.get("bucket").asText()).isEqualTo("ferry");
        assertThat(s3.get("pathStyle").isBoolean()).isTrue();
        assertThat(s3.get("pathStyle").asBoolean()).isTrue();
        assertThat(s3.get("accessKey").asText()).isEqualTo("file:/abs/path/secrets/sandbox-s3.access-key");
        assertThat(s3.get("secretKey").asText()).isEqualTo("file:/abs/path/secrets/sandbox-s3.secret-key");
    }

    @Test
    void runsTheShopTablesIntoPostgresAsAReplicationJob(@TempDir Path tmp) throws Exception {
        Path secrets = tmp.resolve("secrets");
        Path file = SandboxConfigFile.write(tmp.resolve("ferry.yaml"), maria(secrets), postgres(secrets), s3(secrets));

        io.ferry.config.FerryConfig config = io.ferry.config.ConfigLoader.load(file);

        assertThat(config.jobs(io.ferry.config.ReplicationJobConfig.class)).singleElement().satisfies(job -> {
            assertThat(job.name()).isEqualTo(SandboxConfigFile.REPLICATION_JOB);
            assertThat(job.source()).isEqualTo("sandbox-mariadb");
            assertThat(job.target()).isEqualTo("sandbox-postgres");
            assertThat(job.tables()).isEqualTo("shop.*");
        });
    }

    @Test
    void neverContainsASecretValue() {
        Path secrets = Path.of("/abs/path/secrets");
        String yaml = SandboxConfigFile.render(maria(secrets), postgres(secrets), s3(secrets));
        assertThat(yaml).doesNotContain("mariaSecret123", "pgSecret456", "FERRYACCESS", "s3SecretKey789");
    }

    @Test
    void aDirectoryWithSpacesAndHashesStillParses(@TempDir Path tmp) throws Exception {
        Path secrets = tmp.resolve("my sandbox #1: test").resolve("secrets");
        Path file = SandboxConfigFile.write(tmp.resolve("ferry.yaml"), maria(secrets), postgres(secrets), s3(secrets));
        JsonNode root = YAML.readTree(Files.readString(file));
        assertThat(root.at("/connections/sandbox-mariadb/password").asText())
                .isEqualTo("file:" + secrets.resolve("sandbox-mariadb.password"));
        assertThat(root.at("/connections/sandbox-s3/secretKey").asText())
                .isEqualTo("file:" + secrets.resolve("sandbox-s3.secret-key"));
    }

    @Test
    void withDruidTheFileAlsoDescribesDruidAndKafkaAndLoads(@TempDir Path tmp) throws Exception {
        Path secrets = tmp.resolve("secrets");
        Path file = SandboxConfigFile.write(tmp.resolve("ferry.yaml"), maria(secrets), postgres(secrets), s3(secrets));
        SandboxConfigFile.appendDruid(file, URI.create("http://127.0.0.1:41240"), URI.create("http://127.0.0.1:41241"), "127.0.0.1:41242");

        FerryConfig config = ConfigLoader.load(file);
        assertThat(config.connections()).containsKeys("sandbox-mariadb", "sandbox-postgres", "sandbox-s3", "sandbox-druid", "sandbox-kafka");
        DruidConnectionConfig druid = (DruidConnectionConfig) config.connection("sandbox-druid").orElseThrow();
        assertThat(druid.coordinatorUrl()).isEqualTo(URI.create("http://127.0.0.1:41240"));
        assertThat(druid.overlordUrl()).isEqualTo(URI.create("http://127.0.0.1:41240"));
        assertThat(druid.brokerUrl()).isEqualTo(URI.create("http://127.0.0.1:41241"));
        KafkaConnectionConfig kafka = (KafkaConnectionConfig) config.connection("sandbox-kafka").orElseThrow();
        assertThat(kafka.target()).isEqualTo("127.0.0.1:41242");
        assertThat(config.jobs()).as("the replication job stays a job; the lambda adds its re-index job")
                .containsOnlyKeys(SandboxConfigFile.REPLICATION_JOB, SandboxConfigFile.REINDEX_JOB);
        DruidReindexJobConfig reindex = (DruidReindexJobConfig) config.job(SandboxConfigFile.REINDEX_JOB).orElseThrow();
        assertThat(reindex.druid().name()).isEqualTo("sandbox-druid");
        assertThat(reindex.datasource()).isEqualTo("ad_events");
        assertThat(reindex.supervisor()).contains("ad_events");
    }

    @Test
    void plainScalarsStayPlain() {
        assertThat(List.of("127.0.0.1", "file:/a/b.password", "http://127.0.0.1:1"))
                .allSatisfy(v -> assertThat(SandboxConfigFile.scalar(v)).isEqualTo(v));
        assertThat(SandboxConfigFile.scalar("a \"b\"")).isEqualTo("\"a \\\"b\\\"\"");
    }
}

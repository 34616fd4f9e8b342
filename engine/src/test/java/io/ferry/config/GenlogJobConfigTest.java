package io.ferry.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class GenlogJobConfigTest {
    private static final Path FILE = Path.of("/etc/ferry/ferry.yaml");
    private static final String CONNECTIONS = """
            connections:
              shop: { type: mysql, host: db, user: ferry }
              lake: { type: s3, region: us-east-1, bucket: logs }
              pg: { type: postgresql, host: h, database: d, user: u }
            """;

    @Test
    void theShippedExampleHasAGenlogJob() {
        FerryConfig config = ConfigLoader.load(Path.of("..", "resources", "ferry.example.yaml"));
        GenlogJobConfig job = config.jobs(GenlogJobConfig.class).get(0);
        assertThat(job.connection()).isEqualTo("shop");
        assertThat(job.rotateWhenBytes()).contains(5L << 30);
        assertThat(job.rotateWhenOlderThan()).contains(Duration.ofDays(7));
        assertThat(job.archiveS3()).contains(new GenlogJobConfig.S3Location("lake", "genlog"));
    }

    @Test
    void aFullJobAndTheDefaults() {
        FerryConfig config = ConfigLoader.parse(CONNECTIONS + """
                jobs:
                  full:
                    type: genlog
                    connection: shop
                    log: slow
                    rotateWhenRows: 1_000_000
                    rotateWhenBytes: 1.5GB
                    rotateWhenOlderThan: 12h
                    checkEvery: 30s
                    archiveDir: /var/ferry/archive
                    archiveFormat: csv
                  minimal:
                    type: genlog
                    connection: shop
                """, FILE);
        GenlogJobConfig full = (GenlogJobConfig) config.job("full").orElseThrow();
        assertThat(full).isEqualTo(new GenlogJobConfig("full", "shop", "slow", Optional.of(1_000_000L),
                Optional.of((long) (1.5 * (1L << 30))), Optional.of(Duration.ofHours(12)), Duration.ofSeconds(30),
                Optional.of(Path.of("/var/ferry/archive")), Optional.empty(), "csv"));
        GenlogJobConfig minimal = (GenlogJobConfig) config.job("minimal").orElseThrow();
        assertThat(minimal).isEqualTo(new GenlogJobConfig("minimal", "shop", "general", Optional.empty(),
                Optional.empty(), Optional.empty(), Duration.ofMinutes(5), Optional.empty(), Optional.empty(), "ndjson"));
    }

    @Test
    void mistakesAreReportedWithFileLineAndKey() {
        List<String> problems = problems(CONNECTIONS + """
                jobs:
                  bad:
                    type: genlog
                    connection: pg
                    log: audit
                    rotateWhenRows: -3
                    rotateWhenBytes: lots
                    checkEvery: often
                    archiveS3: pg/x
                    archiveFormat: parquet
                    rotateWhenRow: 5
                """);
        assertThat(problems).containsExactly(
                "/etc/ferry/ferry.yaml:8:17: jobs.bad.connection: 'pg' is a postgresql connection; expected a mysql"
                        + " connection (shop)",
                "/etc/ferry/ferry.yaml:9:10: jobs.bad.log: expected one of general, slow; found 'audit'",
                "/etc/ferry/ferry.yaml:10:21: jobs.bad.rotateWhenRows: expected a whole number of at least 1, found '-3'",
                "/etc/ferry/ferry.yaml:11:22: jobs.bad.rotateWhenBytes: expected a size such as 500MB, 5GB or 1TB;"
                        + " found 'lots'",
                "/etc/ferry/ferry.yaml:12:17: jobs.bad.checkEvery: expected a duration such as 500ms, 30s, 5m, 4h or"
                        + " 1d; found 'often'",
                "/etc/ferry/ferry.yaml:13:16: jobs.bad.archiveS3: 'pg' is a postgresql connection; expected an s3"
                        + " connection (lake), optionally followed by /prefix",
                "/etc/ferry/ferry.yaml:14:20: jobs.bad.archiveFormat: expected one of ndjson, csv; found 'parquet'",
                "/etc/ferry/ferry.yaml:15:5: jobs.bad.rotateWhenRow: unknown key; did you mean 'rotateWhenRows'? the keys"
                        + " of a genlog job are: type, connection, log, rotateWhenRows, rotateWhenBytes,"
                        + " rotateWhenOlderThan, checkEvery, archiveDir, archiveS3, archiveFormat");
    }

    @Test
    void archiveDirAndArchiveS3AreExclusive() {
        assertThat(problems(CONNECTIONS + """
                jobs:
                  both: { type: genlog, connection: shop, archiveDir: /tmp/a, archiveS3: lake }
                """)).singleElement().asString().contains("jobs.both", "archiveDir or archiveS3, not both");
    }

    private static List<String> problems(String yaml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(yaml, FILE));
        assertThat(e).as("the configuration should have been refused").isNotNull();
        return e.problems().stream().map(ConfigProblem::toString).toList();
    }
}

package io.ferry.cli;

import io.ferry.genlog.SandboxLog;
import io.ferry.sandbox.DatabaseEndpoint;
import io.ferry.sandbox.S3Endpoint;
import io.ferry.sandbox.S3Server;
import io.ferry.sandbox.SandboxEndpoints;
import io.ferry.sandbox.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Archives to S3 (the sandbox's S3Proxy, a real S3 API over a local folder, through the real AWS SDK) and as CSV:
 * rotate, history, catch-up, search and digest, in-process against the sandbox MariaDB.
 */
@ExtendWith(SandboxExtension.class)
class GenlogArchiveTargetsIT {
    @TempDir
    Path dir;

    private DatabaseEndpoint maria;
    private S3Endpoint s3;
    private SandboxLog log;
    private Path config;
    private String prefix;

    @BeforeEach
    void setUp(SandboxEndpoints sandbox) throws Exception {
        maria = sandbox.mariadb();
        s3 = sandbox.s3();
        log = new SandboxLog(maria);
        config = dir.resolve("ferry.yaml");
        Files.writeString(config, "dataDir: " + dir.resolve("data") + "\n" + Files.readString(sandbox.configFile()));
        prefix = "genlog-it-" + UUID.randomUUID();
    }

    @AfterEach
    void tearDown() throws Exception {
        log.restore();
    }

    @Test
    void rotatedRowsGoToS3AsCsvAndSearchAndDigestReadThemThere() throws Exception {
        log.generalLogOn();
        queries("SELECT 'needle-s3', ", 15);
        Result rotate = run("genlog", "rotate", "--config", config.toString(), "--archive-s3", "sandbox-s3/" + prefix,
                "--archive-format", "csv");
        assertThat(rotate.code).as(rotate.err).isZero();
        String folder = "s3://" + S3Server.BUCKET + "/" + prefix + "/sandbox-mariadb/";
        assertThat(rotate.out).contains("(verified) to " + folder + "general_log_").contains(".csv.gz");

        List<S3Object> objects = objects();
        assertThat(objects).singleElement().satisfies(o -> assertThat(o.key()).endsWith(".csv.gz"));
        String csv = csvText(objects.get(0).key());
        assertThat(csv).startsWith("\"event_time\",\"user_host\",\"thread_id\",\"server_id\",\"command_type\",\"argument\"\r\n")
                .contains("\"SELECT 'needle-s3', 14\"");
        try (var staged = Files.walk(dir.resolve("data").resolve("genlog-archive-staging"))) {
            assertThat(staged.filter(Files::isRegularFile)).as("the local copy is removed once uploaded and verified").isEmpty();
        }

        Result history = run("genlog", "history", "--config", config.toString());
        assertThat(history.out).contains(folder + "general_log_");

        Result search = run("genlog", "search", "--config", config.toString(), "--archive", "s3://" + S3Server.BUCKET + "/"
                + prefix, "--text", "needle-s3", "--command", "Query");
        assertThat(search.code).as(search.err).isZero();
        assertThat(search.out).contains("SELECT 'needle-s3', 0", "SELECT 'needle-s3', 14");

        Result digest = run("genlog", "digest", "--config", config.toString(), "--archive", folder.replace(
                "/sandbox-mariadb/", "/sandbox-mariadb/" + objects.get(0).key().substring(objects.get(0).key().lastIndexOf('/') + 1)),
                "--text", "needle-s3");
        assertThat(digest.code).as(digest.err).isZero();
        assertThat(digest.out).contains("15 matched, 1 groups by fingerprint", "select ?, ?");
    }

    @Test
    void csvArchivesInAFolderAreSearchedBesideNdjsonOnes() throws Exception {
        log.generalLogOn();
        Path archive = dir.resolve("archive");
        queries("SELECT 'first-half', ", 5);
        assertThat(run("genlog", "rotate", "--config", config.toString(), "--archive-dir", archive.toString()).code).isZero();
        queries("SELECT 'second-half', ", 7);
        Result csvRotate = run("genlog", "rotate", "--config", config.toString(), "--archive-dir", archive.toString(),
                "--archive-format", "csv");
        assertThat(csvRotate.code).as(csvRotate.err).isZero();
        try (var files = Files.list(archive.resolve("sandbox-mariadb"))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .anyMatch(n -> n.endsWith(".ndjson.gz")).anyMatch(n -> n.endsWith(".csv.gz"));
        }
        Result digest = run("genlog", "digest", "--config", config.toString(), "--archive",
                archive.resolve("sandbox-mariadb").toString(), "--text", "half'", "--command", "Query");
        assertThat(digest.code).as(digest.err).isZero();
        assertThat(digest.out).contains("12 matched", "select ?, ?");
    }

    @Test
    void anUnknownS3ConnectionIsAClearError() throws Exception {
        log.generalLogOn();
        Result rotate = run("genlog", "rotate", "--config", config.toString(), "--archive-s3", "nonesuch/x");
        assertThat(rotate.code).isEqualTo(1);
        assertThat(rotate.err).contains("no connection 'nonesuch'", "s3 connection");
    }

    private void queries(String select, int n) throws Exception {
        try (Connection c = maria.connect(); Statement st = c.createStatement()) {
            for (int i = 0; i < n; i++) {
                st.execute(select + i);
            }
        }
    }

    private List<S3Object> objects() {
        try (S3Client client = S3Server.newClient(s3)) {
            // S3Proxy's filesystem store also lists the folders it made, as keys ending in '/'
            return client.listObjectsV2(b -> b.bucket(S3Server.BUCKET).prefix(prefix + "/")).contents().stream()
                    .filter(o -> !o.key().endsWith("/")).toList();
        }
    }

    private String csvText(String key) throws Exception {
        try (S3Client client = S3Server.newClient(s3);
             var in = new GZIPInputStream(client.getObject(b -> b.bucket(S3Server.BUCKET).key(key)))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cmd = FerryCli.newCommandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}

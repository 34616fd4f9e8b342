package io.ferry.cli;

import io.ferry.genlog.SandboxLog;
import io.ferry.sandbox.DatabaseEndpoint;
import io.ferry.sandbox.SandboxEndpoints;
import io.ferry.sandbox.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ferry genlog status|rotate|history} in-process against the sandbox MariaDB. */
@ExtendWith(SandboxExtension.class)
class GenlogCommandIT {
    @TempDir
    Path dir;

    private DatabaseEndpoint maria;
    private SandboxLog log;
    private Path config;

    @BeforeEach
    void setUp(SandboxEndpoints sandbox) throws Exception {
        maria = sandbox.mariadb();
        log = new SandboxLog(maria);
        config = dir.resolve("ferry.yaml");
        Files.writeString(config, "dataDir: " + dir.resolve("data") + "\n" + Files.readString(sandbox.configFile()));
    }

    @AfterEach
    void tearDown() throws Exception {
        log.restore();
    }

    @Test
    void statusRotateAndHistoryTellTheUserWhatHappened() throws Exception {
        log.generalLogOn();
        try (Connection c = maria.connect(); Statement st = c.createStatement()) {
            for (int i = 0; i < 20; i++) {
                st.execute("SELECT " + i);
            }
        }
        Result status = run("genlog", "status", "--config", config.toString(), "--connection", "sandbox-mariadb",
                "--allocated-storage-gb", "100");
        assertThat(status.code).as(status.err).isZero();
        assertThat(status.out).contains("general_log", "ON", "log_output", "TABLE", "event_scheduler", "OFF",
                "SET GLOBAL event_scheduler = ON", "self-managed", "exact; counted in full", "exact: size of",
                "CSV metadata lies", "RDS rotates at", "10.0 GB", "tens of percent");

        Result rotate = run("genlog", "rotate", "--config", config.toString(), "--archive-dir", dir.resolve("archive").toString());
        assertThat(rotate.code).as(rotate.err).isZero();
        assertThat(rotate.out).contains("self-managed: atomic double RENAME", "ferry_admin.general_log_", "(verified)",
                dir.resolve("archive").toString());

        Result notDue = run("genlog", "rotate", "--config", config.toString(), "--if-rows", "1000000");
        assertThat(notDue.out).as(notDue.err).contains("no rotation due");
        Result due = run("genlog", "rotate", "--config", config.toString(), "--if-rows", "1", "--if-older-than", "30d");
        assertThat(due.out).as(due.err).contains("rotation due, rows");

        Result history = run("genlog", "history", "--config", config.toString());
        assertThat(history.out).contains("2 rotation(s)", "SELF_MANAGED", "OK", ".ndjson.gz", "policy: rows", "user:");
    }

    @Test
    void searchAndDigestReadTheLiveTableAndTheArchivesAndExportCsv() throws Exception {
        log.generalLogOn();
        try (Connection c = maria.connect(); Statement st = c.createStatement()) {
            for (int i = 0; i < 12; i++) {
                st.execute("SELECT 'needle', " + i);
            }
        }
        Result search = run("genlog", "search", "--config", config.toString(), "--text", "NEEDLE", "--command", "Query",
                "--limit", "5");
        assertThat(search.code).as(search.err).isZero();
        assertThat(search.out).contains("SELECT 'needle', 4", "first 5 rows shown; more match").doesNotContain("SELECT 'needle', 5");

        Path archive = dir.resolve("archive");
        assertThat(run("genlog", "rotate", "--config", config.toString(), "--archive-dir", archive.toString()).code).isZero();
        Path csv = dir.resolve("digest.csv");
        Result digest = run("genlog", "digest", "--config", config.toString(), "--archive", archive.resolve("sandbox-mariadb").toString(),
                "--text", "'needle'", "--csv", csv.toString());
        assertThat(digest.code).as(digest.err).isZero();
        assertThat(digest.out).contains("12 matched, 1 groups by fingerprint", "select ?, ?", "users: ferry (12)");
        assertThat(Files.readAllLines(csv)).hasSize(2).first().isEqualTo("key,count,first_seen,last_seen,top_users,top_hosts,example");
        assertThat(Files.readAllLines(csv).get(1)).startsWith("\"select ?, ?\",12,");
    }

    @Test
    void aLogThatIsOffGetsTheFixAndExitCode1() throws Exception {
        log.exec("SET GLOBAL general_log = OFF", "SET GLOBAL log_output = 'TABLE'");
        Result rotate = run("genlog", "rotate", "--config", config.toString(), "--archive-dir", dir.resolve("archive").toString());
        assertThat(rotate.code).isEqualTo(1);
        assertThat(rotate.err).contains("SET GLOBAL general_log = ON", "Nothing was changed");
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

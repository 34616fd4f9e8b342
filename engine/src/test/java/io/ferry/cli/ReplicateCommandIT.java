package io.ferry.cli;

import io.ferry.sandbox.SandboxConfigFile;
import io.ferry.sandbox.SandboxEndpoints;
import io.ferry.sandbox.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code ferry replicate} in-process with the sandbox's ferry.yaml: loads, streams, reports, stops by itself. */
@ExtendWith(SandboxExtension.class)
class ReplicateCommandIT {
    private final SandboxEndpoints sandbox;

    ReplicateCommandIT(SandboxEndpoints sandbox) {
        this.sandbox = sandbox;
    }

    @Test
    void replicatesTheSelectedTablesAndPrintsALiveStatus() throws Exception {
        try (Connection c = sandbox.mariadb().connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS ferry_r_cli");
            st.execute("CREATE DATABASE ferry_r_cli");
            st.execute("CREATE TABLE ferry_r_cli.t (id INT PRIMARY KEY, v VARCHAR(20))");
            st.execute("INSERT INTO ferry_r_cli.t VALUES (1, 'loaded')");
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = FerryCli.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("replicate",
                "--config", sandbox.configFile().toString(), "--source", SandboxConfigFile.MARIADB,
                "--target", SandboxConfigFile.POSTGRES, "--tables", "ferry_r_cli.*", "--job", "cli-it", "--duration", "PT8S"));

        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM ferry_r_cli.t") == 1);
        try (Connection c = sandbox.mariadb().connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO ferry_r_cli.t VALUES (2, 'streamed')");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM ferry_r_cli.t WHERE v = 'streamed'") == 1);

        assertThat(exit.get(30, TimeUnit.SECONDS)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Job cli-it: sandbox-mariadb → sandbox-postgres")
                .contains("STREAMING").contains("rows/s").contains("source lag 0.0 s")
                .contains("the next run resumes there");
    }

    @Test
    void aJobOfFerryYamlRunsByNameWithItsTargetSchema(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        try (Connection c = sandbox.mariadb().connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS ferry_r_job");
            st.execute("CREATE DATABASE ferry_r_job");
            st.execute("CREATE TABLE ferry_r_job.t (id INT PRIMARY KEY, v VARCHAR(20))");
            st.execute("CREATE TABLE ferry_r_job.skip_me (id INT PRIMARY KEY)");
            st.execute("INSERT INTO ferry_r_job.t VALUES (1, 'loaded')");
        }
        java.nio.file.Path config = dir.resolve("ferry.yaml");
        java.nio.file.Files.writeString(config, java.nio.file.Files.readString(sandbox.configFile()) + """
                  by-name:
                    type: replication
                    source: sandbox-mariadb
                    target: sandbox-postgres
                    tables: { include: [ "ferry_r_job.*" ], exclude: [ "ferry_r_job.skip_*" ] }
                    targetSchema: ferry_r_job_dw
                    maxBatchDelay: 100ms
                """);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = FerryCli.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int plan = cli.execute("plan", "--config", config.toString(), "--job", "by-name");
        assertThat(plan).as(out.toString() + err).isZero();
        assertThat(out.toString()).contains("Plan for job by-name: sandbox-mariadb → sandbox-postgres, tables"
                + " ferry_r_job.*,!ferry_r_job.skip_*").contains("CREATE TABLE \"ferry_r_job_dw\".\"t\"")
                .doesNotContain("skip_me");

        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("replicate",
                "--config", config.toString(), "--job", "by-name", "--duration", "PT8S"));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM ferry_r_job_dw.t") == 1);
        try (Connection c = sandbox.mariadb().connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO ferry_r_job.t VALUES (2, 'streamed')");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM ferry_r_job_dw.t WHERE v = 'streamed'") == 1);
        assertThat(exit.get(30, TimeUnit.SECONDS)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Job by-name:").containsPattern("STREAMING +\\d+ rows/s in +[\\d,]+ out"
                + "  backlog \\d+ txns \\(\\d+ rows\\)  source lag [\\d.]+ s \\([\\d,]+ bytes\\)  apply lag ");
        assertThat(count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'ferry_r_job'"))
                .as("nothing in the source schema's name: the job has a target schema").isZero();
    }

    @Test
    void aMissingJobNameListsTheJobs() {
        StringWriter err = new StringWriter();
        CommandLine cli = FerryCli.newCommandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("plan", "--config", sandbox.configFile().toString(), "--job", "nope");

        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("No replication job named 'nope'").contains("sandbox-shop");
    }

    @Test
    void planShowsTablesProblemsAndSqlAndChangesNothing() throws Exception {
        try (Connection c = sandbox.mariadb().connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS ferry_r_plan");
            st.execute("CREATE DATABASE ferry_r_plan");
            st.execute("CREATE TABLE ferry_r_plan.parent (id BIGINT UNSIGNED PRIMARY KEY, name VARCHAR(20))");
            st.execute("CREATE TABLE ferry_r_plan.child (id INT PRIMARY KEY, parent_id BIGINT UNSIGNED, "
                    + "FOREIGN KEY (parent_id) REFERENCES ferry_r_plan.parent (id) ON DELETE CASCADE)");
            st.execute("CREATE TABLE ferry_r_plan.loose (v INT)");
        }
        StringWriter out = new StringWriter();
        CommandLine cli = FerryCli.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        int exit = cli.execute("plan", "--config", sandbox.configFile().toString(), "--source", SandboxConfigFile.MARIADB,
                "--target", SandboxConfigFile.POSTGRES, "--tables", "ferry_r_plan.*", "--job", "plan-it");

        assertThat(exit).as(out.toString()).isEqualTo(1);
        assertThat(out.toString())
                .contains("ferry_r_plan.loose", "NO PRIMARY KEY", "table ferry_r_plan.loose has no primary key")
                .contains("ON DELETE CASCADE")
                .contains("CREATE TABLE \"ferry_r_plan\".\"parent\" (\n    \"id\" NUMERIC(20) NOT NULL")
                .contains("MERGE INTO \"ferry_r_plan\".\"child\" AS t USING \"ferry_stage_0\" AS s ON t.\"id\" = s.\"id\"")
                .contains("No checkpoint for job plan-it: first run");
        assertThat(count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'ferry_r_plan'"))
                .as("nothing created in the warehouse").isZero();
    }

    @Test
    void replicatesIntoARedshiftConnectionThroughTheRedshiftDriverAndPlansRedshiftSql() throws Exception {
        try (Connection c = sandbox.mariadb().connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS ferry_rs_cli");
            st.execute("CREATE DATABASE ferry_rs_cli CHARACTER SET utf8mb4");
            st.execute("CREATE TABLE ferry_rs_cli.T (Id INT PRIMARY KEY, v VARCHAR(20))");
            st.execute("INSERT INTO ferry_rs_cli.T VALUES (1, 'loaded')");
        }
        StringWriter plan = new StringWriter();
        CommandLine planCli = FerryCli.newCommandLine();
        planCli.setOut(new PrintWriter(plan, true));
        planCli.setErr(new PrintWriter(new StringWriter(), true));
        assertThat(planCli.execute("plan", "--config", sandbox.configFile().toString(), "--source", SandboxConfigFile.MARIADB,
                "--target", SandboxConfigFile.REDSHIFT, "--tables", "ferry_rs_cli.*", "--job", "rs-plan-it")).as(plan.toString()).isZero();
        assertThat(plan.toString()).contains("\"v\" VARCHAR(80)").contains("DISTSTYLE KEY DISTKEY (\"id\")")
                .contains("DELETE FROM \"ferry_rs_cli\".\"t\" USING \"ferry_stage_0\"").doesNotContain("MERGE");

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = FerryCli.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        // The sandbox's redshift connection is pgbouncer in front of PostgreSQL, which cannot parse DISTKEY/SORTKEY.
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("replicate",
                "--config", sandbox.configFile().toString(), "--source", SandboxConfigFile.MARIADB,
                "--target", SandboxConfigFile.REDSHIFT, "--without-table-attributes", "--tables", "ferry_rs_cli.*",
                "--job", "rs-cli-it", "--duration", "PT8S"));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM ferry_rs_cli.t") == 1);
        try (Connection c = sandbox.mariadb().connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO ferry_rs_cli.T VALUES (2, 'streamed')");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM ferry_rs_cli.t WHERE v = 'streamed'") == 1);
        assertThat(exit.get(30, TimeUnit.SECONDS)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Job rs-cli-it: sandbox-mariadb → sandbox-redshift").contains("STREAMING");
    }

    @Test
    void aJobOfFerryYamlIntoRedshiftRunsThroughTheRedshiftDialectWithCommandLineOverrides(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        try (Connection c = sandbox.mariadb().connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS ferry_rs_job");
            st.execute("CREATE DATABASE ferry_rs_job CHARACTER SET utf8mb4");
            st.execute("CREATE TABLE ferry_rs_job.T (Id INT PRIMARY KEY, v VARCHAR(20))");
            st.execute("INSERT INTO ferry_rs_job.T VALUES (1, 'loaded')");
        }
        java.nio.file.Path config = dir.resolve("ferry.yaml");
        java.nio.file.Files.writeString(config, java.nio.file.Files.readString(sandbox.configFile()) + """
                  rs-by-name:
                    type: replication
                    source: sandbox-mariadb
                    target: sandbox-redshift
                    tables: { include: [ "ferry_rs_job.*" ] }
                    targetSchema: Ferry_RS_Job_DW
                    maxBatchDelay: 200ms
                """);
        StringWriter plan = new StringWriter();
        CommandLine planCli = FerryCli.newCommandLine();
        planCli.setOut(new PrintWriter(plan, true));
        planCli.setErr(new PrintWriter(plan, true));
        assertThat(planCli.execute("plan", "--config", config.toString(), "--job", "rs-by-name")).as(plan.toString()).isZero();
        assertThat(plan.toString()).contains("Plan for job rs-by-name: sandbox-mariadb → sandbox-redshift")
                .contains("DISTSTYLE KEY DISTKEY (\"id\")")
                .contains("DELETE FROM \"ferry_rs_job_dw\".\"t\" USING \"ferry_stage_0\"").doesNotContain("MERGE");

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = FerryCli.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        // pgbouncer in front of PostgreSQL cannot take DISTKEY/SORTKEY: the command-line option overrides the job's default.
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("replicate",
                "--config", config.toString(), "--job", "rs-by-name", "--without-table-attributes", "--duration", "PT8S"));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM ferry_rs_job_dw.t") == 1);
        try (Connection c = sandbox.mariadb().connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO ferry_rs_job.T VALUES (2, 'streamed')");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM ferry_rs_job_dw.t WHERE v = 'streamed'") == 1);
        assertThat(exit.get(30, TimeUnit.SECONDS)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Job rs-by-name: sandbox-mariadb → sandbox-redshift").contains("STREAMING");
        assertThat(count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'ferry_rs_job'"))
                .as("nothing in the source schema's name: the job has a target schema").isZero();
    }

    private long count(String sql) {
        try (Connection c = sandbox.postgres().connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception tableNotThereYet) {
            return -1;
        }
    }
}

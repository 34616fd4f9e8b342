package io.ferry.cli;

import io.ferry.engine.EngineStatusServer;
import io.ferry.sandbox.SandboxEndpoints;
import io.ferry.sandbox.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ferry engine run} with a replication job, in a JVM of its own against the sandbox: it loads and streams,
 * {@code ferry status} shows the job's status line and its table, {@code /metrics} is Prometheus text with the job's
 * label, and SIGTERM stops it cleanly.
 */
@ExtendWith(SandboxExtension.class)
class EngineStatusIT {
    private static final long RUN = System.currentTimeMillis() % 100_000;
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)$");
    private final SandboxEndpoints sandbox;

    @TempDir
    Path dir;

    EngineStatusIT(SandboxEndpoints sandbox) {
        this.sandbox = sandbox;
    }

    @Test
    void engineRunsAReplicationJobAndShowsItsStatusAndMetrics() throws Exception {
        String schema = "ferry_r_eng";
        String job = "eng-" + RUN;
        String target = "eng_dw_" + RUN;
        exec("DROP DATABASE IF EXISTS " + schema, "CREATE DATABASE " + schema,
                "CREATE TABLE " + schema + ".t (id INT PRIMARY KEY, v VARCHAR(20))",
                "INSERT INTO " + schema + ".t VALUES (1, 'a'), (2, 'b'), (3, 'c')");
        String sandboxYaml = Files.readString(sandbox.configFile());
        String connections = sandboxYaml.substring(sandboxYaml.indexOf("connections:"), sandboxYaml.indexOf("\njobs:"));
        Path data = dir.resolve("data");
        Path file = Files.writeString(dir.resolve("ferry.yaml"), "dataDir: " + data + "\n" + connections + "\njobs:\n"
                + "  " + job + ":\n    type: replication\n    source: sandbox-mariadb\n    target: sandbox-postgres\n"
                + "    tables: { include: [ \"" + schema + ".*\" ] }\n    targetSchema: " + target + "\n"
                + "    maxBatchDelay: 200ms\n    heartbeatInterval: 1s\n");
        assertThat(cli("status", "--config", file.toString()).code).as("no engine yet").isEqualTo(1);

        Path output = dir.resolve("engine.log");
        Process engine = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.ferry.cli.FerryCli", "engine", "run", "--config", file.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> Files.readString(output).contains("engine started with 1 job(s)"));
            assertThat(Files.readString(output)).contains(job + ": replication sandbox-mariadb → sandbox-postgres, tables "
                    + schema + ".*");
            await().atMost(Duration.ofSeconds(90)).until(() -> count("SELECT count(*) FROM " + target + ".t") == 3);
            exec("INSERT INTO " + schema + ".t VALUES (4, 'streamed')");
            await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM " + target + ".t") == 4);

            await().atMost(Duration.ofSeconds(30)).until(() -> cli("status", "--config", file.toString()).out
                    .contains("purge horizon"));
            Cli status = cli("status", "--config", file.toString());
            System.out.println("ferry status:\n" + status.out);
            assertThat(status.code).isZero();
            assertThat(status.out).contains("Job " + job + ": sandbox-mariadb → sandbox-postgres, tables " + schema + ".*")
                    .containsPattern("\n  STREAMING +\\d+ rows/s in +[\\d,]+ out  backlog \\d+ txns \\(\\d+ rows\\)  source lag "
                            + "[\\d.]+ s \\([\\d,]+ bytes\\)  apply lag [\\d.]+ s .*  purge horizon ")
                    .containsPattern("\n    " + schema + "\\.t +STREAMING +rows loaded 3  applied 4  last change ");
            assertThat(cli("status", "--config", file.toString(), "--job", "nope").code).isEqualTo(1);

            String address = Files.readString(data.resolve(EngineStatusServer.ADDRESS_FILE)).strip();
            String token = Files.readString(data.resolve(EngineStatusServer.TOKEN_FILE)).strip();
            assertThat(address).startsWith("http://127.0.0.1:");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> denied = http.send(HttpRequest.newBuilder(URI.create(address).resolve("metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(denied.statusCode()).isEqualTo(401);
            HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(URI.create(address).resolve("metrics"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
            Map<String, Double> metrics = parse(scrape.body());
            String label = "{job=\"" + job + "\"}";
            assertThat(metrics).containsKeys("ferry_replication_source_lag_seconds" + label,
                    "ferry_replication_apply_lag_seconds" + label, "ferry_replication_backlog_transactions" + label,
                    "ferry_replication_batches_total" + label, "ferry_replication_purge_horizon_hours" + label);
            assertThat(metrics.get("ferry_replication_up" + label)).isEqualTo(1.0);
            assertThat(metrics.get("ferry_replication_state{job=\"" + job + "\",state=\"STREAMING\"}")).isEqualTo(1.0);
            assertThat(metrics.get("ferry_replication_rows_out_total" + label)).isEqualTo(4.0);
            assertThat(metrics.get("ferry_replication_table_rows_out_total{job=\"" + job + "\",table=\"" + schema + ".t\"}"))
                    .isEqualTo(4.0);
            assertThat(metrics.get("ferry_replication_source_lag_seconds" + label)).isBetween(0.0, 10.0);
            assertThat(metrics.get("ferry_replication_apply_lag_seconds" + label)).isBetween(0.0, 10.0);

            engine.destroy(); // SIGTERM
            assertThat(engine.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            engine.destroyForcibly();
        }
        assertThat(Files.readString(output)).contains("stopping: letting runs in progress finish", "stopped");
        assertThat(data.resolve(EngineStatusServer.ADDRESS_FILE)).doesNotExist();
        assertThat(cli("status", "--config", file.toString()).err).contains("No engine is running for");
    }

    /** Every sample line of a Prometheus text page, by name and labels; every value must parse. */
    private static Map<String, Double> parse(String page) {
        Map<String, Double> out = new HashMap<>();
        for (String line : page.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            assertThat(m.matches()).as("a sample line: " + line).isTrue();
            String value = m.group(3);
            double v = value.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(value);
            out.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), v);
        }
        return out;
    }

    private record Cli(int code, String out, String err) {
    }

    private static Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cmd = FerryCli.newCommandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return new Cli(cmd.execute(args), out.toString(), err.toString());
    }

    private void exec(String... sql) throws Exception {
        try (Connection c = sandbox.mariadb().connect(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    private long count(String sql) {
        try (Connection c = sandbox.postgres().connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception notThereYet) {
            return -1;
        }
    }
}

package io.ferry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.cli.FerryCli;
import io.ferry.config.ConfigLoader;
import io.ferry.config.FerryConfig;
import io.ferry.config.ReportsConfig;
import io.ferry.config.ReportsConfigLoader;
import io.ferry.druid.DruidClient;
import io.ferry.druid.DruidException;
import io.ferry.druid.IndexParallelSpec;
import io.ferry.druid.TaskStatus;
import io.ferry.reporting.ReportService;
import io.ferry.sandbox.OltpSchema;
import io.ferry.sandbox.SandboxConfigFile;
import io.ferry.sandbox.SandboxEndpoints;
import io.ferry.sandbox.SandboxExtension;
import io.ferry.sandbox.druid.DruidEndpoints;
import io.ferry.sandbox.druid.DruidSandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reporting API end to end: rows ingested into the sandbox's real Druid, campaigns in the sandbox's real MariaDB,
 * a declared report served over HTTP by {@link ApiServer}, answered as DataTable JSON joined on campaign id, and
 * refused without the token.
 */
@ExtendWith({SandboxExtension.class, DruidSandboxExtension.class})
class ReportApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DS = "ferry_it_report";
    private static final String ODD_NAME = "Spring \"Sale\" — ünïcode \\ </script>";

    @Test
    void aDeclaredReportJoinsDruidWithMariaDbAndNeedsTheToken(SandboxEndpoints sandbox, DruidEndpoints druidEndpoints,
                                                             DruidClient druid, @TempDir Path dir) throws Exception {
        long[] campaigns = insertCampaigns(sandbox, "Summer launch", ODD_NAME);
        long unknownCampaign = campaigns[1] + 1_000_000;
        ingest(druid, campaigns[0] + "", 5, campaigns[1] + "", 3, unknownCampaign + "", 2);

        Path ferryYaml = dir.resolve("ferry.yaml");
        Files.copy(sandbox.configFile(), ferryYaml);
        SandboxConfigFile.appendDruid(ferryYaml, druidEndpoints.overlord(), druidEndpoints.broker(),
                druidEndpoints.kafkaBootstrapServers());
        Path reportsYaml = dir.resolve("reports.yaml");
        Files.writeString(reportsYaml, """
                reports:
                  clicks_by_campaign:
                    sql: >-
                      SELECT TIME_FLOOR(__time, 'PT1H') AS "hour", campaign_id, COUNT(*) AS events, SUM(clicks) AS clicks
                      FROM %s WHERE __time >= TIME_PARSE(?) AND __time < TIME_PARSE(?)
                      GROUP BY 1, 2 ORDER BY events DESC
                    params: [from, to]
                    join:
                      connection: sandbox-mariadb
                      table: campaigns
                      key: campaign_id
                      on: id
                      columns: [name]
                  broken:
                    sql: SELECT no_such_column FROM %s
                """.formatted(DS, DS));
        FerryConfig ferry = ConfigLoader.load(ferryYaml);
        ReportsConfig reports = ReportsConfigLoader.load(reportsYaml);
        ApiToken token = ApiToken.generate(dir.resolve("data"));
        Path tokenFile = ApiToken.file(dir.resolve("data"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
        String secret = Files.readString(tokenFile).strip();

        try (ApiServer server = ApiServer.start("127.0.0.1", 0, token, new ReportService(ferry, reports))) {
            assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");
            String path = "api/reports/clicks_by_campaign?from=2024-07-01&to=2024-07-02";
            assertThat(get(server, "healthz", null).statusCode()).isEqualTo(200);
            HttpResponse<String> anonymous = get(server, path, null);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(anonymous.body()).doesNotContain("Summer");
            assertThat(get(server, path, "not-the-token").statusCode()).isEqualTo(401);
            assertThat(get(server, "api/reports/nope?from=2024-07-01&to=2024-07-02", secret).statusCode()).isEqualTo(404);
            HttpResponse<String> noTo = get(server, "api/reports/clicks_by_campaign?from=2024-07-01", secret);
            assertThat(noTo.statusCode()).isEqualTo(400);
            assertThat(noTo.body()).contains("'to'");

            HttpResponse<String> ok = get(server, path, secret);
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            assertThat(ok.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
            JsonNode table = JSON.readTree(ok.body());
            assertThat(table.get("cols").toString()).isEqualTo("[{\"id\":\"hour\",\"label\":\"hour\",\"type\":\"datetime\"},"
                    + "{\"id\":\"campaign_id\",\"label\":\"campaign_id\",\"type\":\"string\"},"
                    + "{\"id\":\"name\",\"label\":\"name\",\"type\":\"string\"},"
                    + "{\"id\":\"events\",\"label\":\"events\",\"type\":\"number\"},"
                    + "{\"id\":\"clicks\",\"label\":\"clicks\",\"type\":\"number\"}]");
            List<String> rows = new ArrayList<>();
            table.get("rows").forEach(r -> rows.add(r.get("c").toString()));
            assertThat(rows).containsExactly(
                    "[{\"v\":\"Date(2024,6,1,10,0,0)\"},{\"v\":\"" + campaigns[0] + "\"},{\"v\":\"Summer launch\"},{\"v\":5},{\"v\":10}]",
                    "[{\"v\":\"Date(2024,6,1,10,0,0)\"},{\"v\":\"" + campaigns[1] + "\"},{\"v\":" + JSON.writeValueAsString(ODD_NAME)
                            + "},{\"v\":3},{\"v\":2}]",
                    "[{\"v\":\"Date(2024,6,1,10,0,0)\"},{\"v\":\"" + unknownCampaign + "\"},{\"v\":null},{\"v\":2},{\"v\":1}]");
            assertThat(table.get("rows").get(1).get("c").get(2).get("v").asText()).isEqualTo(ODD_NAME);

            HttpResponse<String> broken = get(server, "api/reports/broken", secret);
            assertThat(broken.statusCode()).isEqualTo(502);
            assertThat(broken.body()).contains("no_such_column").contains("/druid/v2/sql");

            // The command line prints the same JSON.
            StringWriter out = new StringWriter();
            CommandLine cli = FerryCli.newCommandLine();
            cli.setOut(new PrintWriter(out));
            assertThat(cli.execute("report", "--config", ferryYaml.toString(), "--report", "clicks_by_campaign",
                    "--from", "2024-07-01", "--to", "2024-07-02")).isZero();
            assertThat(JSON.readTree(out.toString())).isEqualTo(table);

            HttpResponse<String> dayBefore = get(server, "api/reports/clicks_by_campaign?from=2024-06-30&to=2024-07-01", secret);
            assertThat(JSON.readTree(dayBefore.body()).get("rows")).as("the parameters reach Druid").isEmpty();
        }
    }

    private static HttpResponse<String> get(ApiServer server, String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri().resolve(path)).timeout(Duration.ofSeconds(60)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long[] insertCampaigns(SandboxEndpoints sandbox, String... names) throws Exception {
        long[] ids = new long[names.length];
        try (Connection c = sandbox.mariadb().connect()) {
            OltpSchema.create(c); // the sandbox's ad-tech schema (the workload creates it too)
            long advertiser;
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO advertisers (name, country, credit_limit, created_at, updated_at) "
                        + "VALUES ('Report IT', 'DE', 1000, NOW(6), NOW(6))", Statement.RETURN_GENERATED_KEYS);
                try (ResultSet keys = st.getGeneratedKeys()) {
                    keys.next();
                    advertiser = keys.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO campaigns (advertiser_id, name, budget, bid_cpm, targeting,"
                    + " starts_at, updated_at) VALUES (?, ?, 100, 1.5, '{}', NOW(6), NOW(6))", Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i < names.length; i++) {
                    ps.setLong(1, advertiser);
                    ps.setString(2, names[i]);
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        ids[i] = keys.getLong(1);
                    }
                }
            }
        }
        return ids;
    }

    /** Pairs of (campaign id, events); event i of a campaign has clicks i % 2. */
    private static void ingest(DruidClient druid, Object... campaignAndCount) throws Exception {
        StringBuilder rows = new StringBuilder();
        long total = 0;
        for (int p = 0; p < campaignAndCount.length; p += 2) {
            int n = (Integer) campaignAndCount[p + 1];
            for (int i = 0; i < n; i++) {
                rows.append("{\"ts\":\"2024-07-01T10:").append(String.format("%02d", i)).append(":00Z\",\"campaign_id\":\"")
                        .append(campaignAndCount[p]).append("\",\"clicks\":").append(p == 0 ? 2 : i % 2 == 0 ? 1 : 0).append("}\n");
                total++;
            }
        }
        String taskId = druid.overlord().submitTask(IndexParallelSpec.of(DS, IndexParallelSpec.InputSource.inline(rows.toString()))
                .timestamp("ts", "iso").dimension("campaign_id").longDimension("clicks").segmentGranularity("DAY")
                .queryGranularity("NONE").rollup(false).intervals("2024-07-01/2024-07-02").toJson());
        TaskStatus status = druid.overlord().awaitCompletion(taskId, Duration.ofMinutes(3));
        assertThat(status.isSuccess()).as("task %s: %s", taskId, status.errorMsg()).isTrue();
        long expected = total;
        await().atMost(Duration.ofMinutes(2)).ignoreException(DruidException.class)
                .until(() -> druid.coordinator().isFullyLoaded(DS)
                        && druid.broker().sql("SELECT COUNT(*) AS n FROM " + DS).singleLong() == expected);
    }
}

package io.ferry.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ReportsConfigLoaderTest {
    private static final Path FILE = Path.of("/etc/ferry/reports.yaml");

    @Test
    void aReportWithAJoinAndServerSettingsLoads() {
        ReportsConfig c = ReportsConfigLoader.parse("""
                server:
                  port: 9000
                  token: env:FERRY_API_TOKEN
                reports:
                  events_by_campaign:
                    druid: events
                    sql: SELECT campaign_id, SUM("count") AS events FROM ads WHERE __time >= TIME_PARSE(?) AND __time < TIME_PARSE(?) GROUP BY 1
                    params: [from, to]
                    join:
                      connection: shop
                      table: campaigns
                      key: campaign_id
                      on: id
                      columns: [name]
                """, FILE);
        assertThat(c.bind()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(9000);
        assertThat(c.token()).hasValue(new SecretRef.Env("FERRY_API_TOKEN"));
        ReportConfig r = c.report("events_by_campaign").orElseThrow();
        assertThat(r.druidConnection()).hasValue("events");
        assertThat(r.params()).containsExactly("from", "to");
        assertThat(r.join()).hasValue(new ReportConfig.Join("shop", "campaigns", "campaign_id", "id", List.of("name")));
    }

    @Test
    void everyProblemIsReportedWithLineAndKey() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ReportsConfigLoader.parse("""
                reports:
                  Bad Name:
                    sql: SELECT 1
                  counts:
                    sql: SELECT COUNT(*) FROM ads WHERE __time >= TIME_PARSE(?)
                    params: [from, to]
                    joim: {}
                  joined:
                    sql: SELECT 1
                    join:
                      connection: shop
                      table: campaigns
                      key: campaign_id
                """, FILE));
        assertThat(e.problems()).extracting(ConfigProblem::toString).anySatisfy(p -> assertThat(p)
                        .contains("reports.yaml:2").contains("reports.Bad Name").contains("lower-case"))
                .anySatisfy(p -> assertThat(p).contains("reports.counts.joim").contains("did you mean 'join'"))
                .anySatisfy(p -> assertThat(p).contains("reports.counts").contains("1 ? placeholder(s) but params names 2"))
                .anySatisfy(p -> assertThat(p).contains("reports.joined.join.on").contains("missing"))
                .anySatisfy(p -> assertThat(p).contains("reports.joined.join").contains("columns"));
    }
}

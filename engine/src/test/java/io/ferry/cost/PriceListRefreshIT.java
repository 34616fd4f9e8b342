package io.ferry.cost;

import io.ferry.cli.FerryCli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.pricing.PricingClient;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The refresh through the real AWS SDK v2 Pricing client (signing, JSON 1.1 protocol, pagination) against a
 * local peer serving recorded-shape GetProducts responses. Nothing of the SDK is mocked.
 */
class PriceListRefreshIT {
    private PriceListPeer peer;
    private PricingClient client;
    private final PriceCatalogue shipped = PriceCatalogue.shipped();

    @BeforeEach
    void start() throws Exception {
        peer = new PriceListPeer();
        client = PricingClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(peer.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test-secret")))
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        peer.close();
    }

    @Test
    void refreshUpdatesPricesAndKeepsEveryTypeTheApiDoesNotReturn(@TempDir Path dir) throws Exception {
        PriceListRefresher.Result r = new PriceListRefresher(client)
                .refresh(shipped, List.of("m7i.8xlarge"), LocalDate.of(2026, 11, 28));
        PriceCatalogue c = r.catalogue();

        // a changed price is taken and reported
        assertThat(c.ec2("c4.large").orElseThrow().onDemandHourly()).isEqualTo(0.105);
        assertThat(r.changed()).containsExactly("c4.large $0.1/h -> $0.105/h");
        // found on the second page (NextToken), unchanged
        assertThat(c.ec2("m4.2xlarge").orElseThrow().onDemandHourly()).isEqualTo(0.40);
        assertThat(r.unchanged()).contains("m4.xlarge", "m4.2xlarge", "m6i.xlarge", "db.m3.medium");
        // previous generation stays flagged, with its suggested replacement
        InstancePrice m4 = c.ec2("m4.xlarge").orElseThrow();
        assertThat(m4.previousGeneration()).isTrue();
        assertThat(m4.currentEquivalent()).isEqualTo("m6i.xlarge");
        assertThat(m4.notInLastRefresh()).isFalse();
        // nothing dropped: c4.4xlarge is not served by the peer, so it is kept, flagged and reported
        assertThat(c.ec2Types()).hasSize(shipped.ec2Types().size() + 1);
        assertThat(c.rdsClasses()).hasSize(shipped.rdsClasses().size());
        InstancePrice c4 = c.ec2("c4.4xlarge").orElseThrow();
        assertThat(c4.onDemandHourly()).isEqualTo(0.796);
        assertThat(c4.notInLastRefresh()).isTrue();
        assertThat(c4.previousGeneration()).isTrue();
        assertThat(r.keptNotReturned()).contains("c4.4xlarge", "m5.xlarge");
        assertThat(c.source()).contains("kept at their earlier price").contains("c4.4xlarge");
        // an added type takes its specs from the API
        assertThat(r.added()).containsExactly("m7i.8xlarge");
        assertThat(c.ec2("m7i.8xlarge").orElseThrow()).satisfies(p -> {
            assertThat(p.onDemandHourly()).isEqualTo(1.6128);
            assertThat(p.vcpu()).isEqualTo(32);
            assertThat(p.ramGiB()).isEqualTo(128);
            assertThat(p.previousGeneration()).isFalse();
        });
        assertThat(c.data().refreshedAt()).isEqualTo("2026-11-28");

        // the requests were real AWS JSON 1.1 calls, signed with SigV4 for the pricing service
        PriceListPeer.Request first = peer.requests.get(0);
        assertThat(first.target()).isEqualTo("AWSPriceListService.GetProducts");
        assertThat(first.contentType()).startsWith("application/x-amz-json-1.1");
        assertThat(first.authorization()).startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/")
                .contains("/us-east-1/pricing/aws4_request");
        assertThat(first.body().path("ServiceCode").asText()).isEqualTo("AmazonEC2");
        assertThat(first.body().path("Filters").toString())
                .contains("\"Field\":\"location\"", "US East (N. Virginia)", "\"Field\":\"operatingSystem\"", "Linux");
        assertThat(peer.requests).anyMatch(q -> q.body().has("NextToken"));
        assertThat(peer.requests).anyMatch(q -> q.body().path("ServiceCode").asText().equals("AmazonRDS"));

        // saved, it loads back and prices the preset, still flagging the kept types
        Path file = dir.resolve("refreshed.json");
        c.save(file);
        PriceCatalogue reloaded = PriceCatalogue.load(file);
        assertThat(reloaded.ec2("c4.4xlarge").orElseThrow().notInLastRefresh()).isTrue();
        CostProjection p = new CostCalculator(reloaded).compute(ScenarioLoader.preset("druid-adtech"));
        assertThat(p.cloudTotal()).isPositive();
        assertThat(Suggestions.of(p.scenario(), reloaded))
                .anyMatch(s -> s.contains("c4.4xlarge was not in the last Price List refresh"));
    }

    @Test
    void anAddedTypeTheApiDoesNotSellIsRefusedByName() {
        assertThatThrownBy(() -> new PriceListRefresher(client).refresh(shipped, List.of("x9.huge"), LocalDate.now()))
                .hasMessageContaining("no on-demand Linux price for x9.huge");
    }

    @Test
    void theCliRefreshesThroughTheSameClient(@TempDir Path dir) {
        Path out = dir.resolve("aws-us-east-1.json");
        String oldKey = System.getProperty("aws.accessKeyId");
        System.setProperty("aws.accessKeyId", "AKIDCLI");
        System.setProperty("aws.secretAccessKey", "cli-secret");
        try {
            StringWriter text = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cli = FerryCli.newCommandLine();
            cli.setOut(new PrintWriter(text));
            cli.setErr(new PrintWriter(err));
            int code = cli.execute("cost", "refresh-prices", "--endpoint-url", peer.endpoint().toString(),
                    "--from", "../resources/pricing/aws-us-east-1.json", "--out", out.toString());
            assertThat(code).as(err.toString()).isZero();
            assertThat(text.toString()).contains("changed:   c4.large $0.1/h -> $0.105/h")
                    .contains("kept, not returned by the API (flagged, old price)").contains("c4.4xlarge");
            assertThat(text.toString()).doesNotContain("cli-secret");
            assertThat(PriceCatalogue.load(out).ec2("c4.large").orElseThrow().onDemandHourly()).isEqualTo(0.105);
            assertThat(peer.requests).allMatch(q -> q.authorization().contains("Credential=AKIDCLI/"));
        } finally {
            if (oldKey == null) {
                System.clearProperty("aws.accessKeyId");
            } else {
                System.setProperty("aws.accessKeyId", oldKey);
            }
            System.clearProperty("aws.secretAccessKey");
        }
    }
}

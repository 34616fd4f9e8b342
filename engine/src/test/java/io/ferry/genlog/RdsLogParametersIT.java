package io.ferry.genlog;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real AWS SDK RDS client against {@link RdsQueryPeer}, a local peer speaking the RDS query protocol. */
class RdsLogParametersIT {
    private RdsQueryPeer peer;
    private RdsClient rds;

    @BeforeEach
    void setUp() throws Exception {
        peer = new RdsQueryPeer();
        peer.instances.put("shop-db", new RdsQueryPeer.Instance(200, "ferry-mysql80"));
        peer.instances.put("legacy-db", new RdsQueryPeer.Instance(50, "default.mysql8.0"));
        peer.groups.put("ferry-mysql80", new HashMap<>(Map.of("log_output", "FILE")));
        peer.groups.put("default.mysql8.0", new HashMap<>());
        rds = RdsClient.builder().region(Region.US_EAST_1).endpointOverride(peer.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret-test")))
                .build();
    }

    @AfterEach
    void tearDown() {
        rds.close();
        peer.close();
    }

    @Test
    void showsTheStorageAndTheLogParametersAndChangesThemAfterADryRun() {
        RdsLogParameters params = new RdsLogParameters(rds);
        RdsLogParameters.InstanceView view = params.describe("shop-db");
        assertThat(view.allocatedStorageGb()).isEqualTo(200);
        assertThat(view.parameterGroup()).isEqualTo("ferry-mysql80");
        assertThat(view.values()).containsEntry("log_output", Optional.of("FILE")).containsEntry("general_log", Optional.empty());

        List<RdsLogParameters.Change> plan = RdsLogParameters.plan(view, Map.of("general_log", "1", "log_output", "TABLE",
                "event_scheduler", "ON"));
        assertThat(plan).extracting(RdsLogParameters.Change::name)
                .containsExactlyInAnyOrder("general_log", "log_output", "event_scheduler");
        assertThat(peer.requests).extracting(r -> r.get("Action")).doesNotContain("ModifyDBParameterGroup");

        params.apply(view, plan);
        assertThat(peer.groups.get("ferry-mysql80")).containsEntry("general_log", "1").containsEntry("log_output", "TABLE")
                .containsEntry("event_scheduler", "ON");
        assertThat(RdsLogParameters.plan(params.describe("shop-db"), Map.of("log_output", "TABLE"))).isEmpty();
    }

    @Test
    void aDefaultGroupIsRefusedWithWhatToDoAndNothingIsSent() {
        RdsLogParameters params = new RdsLogParameters(rds);
        RdsLogParameters.InstanceView view = params.describe("legacy-db");
        assertThat(view.defaultGroup()).isTrue();
        assertThatThrownBy(() -> params.apply(view, RdsLogParameters.plan(view, Map.of("general_log", "1"))))
                .isInstanceOf(GenlogException.class).hasMessageContaining("create a custom DB parameter group");
        assertThat(peer.requests).extracting(r -> r.get("Action")).doesNotContain("ModifyDBParameterGroup");
    }

    @Test
    void theCommandShowsTheDryRunThenApplies() {
        // The CLI uses the default AWS credential chain; its system-property step supplies test keys here.
        System.setProperty("aws.accessKeyId", "AKIDTEST");
        System.setProperty("aws.secretAccessKey", "secret-test");
        try {
            String[] dryRun = {"genlog", "rds-params", "--instance", "shop-db", "--endpoint-url", peer.endpoint().toString(),
                    "--set", "general_log=1,log_output=TABLE"};
            java.io.StringWriter out = new java.io.StringWriter();
            var cmd = io.ferry.cli.FerryCli.newCommandLine();
            cmd.setOut(new java.io.PrintWriter(out, true));
            assertThat(cmd.execute(dryRun)).isZero();
            assertThat(out.toString()).contains("200 GB allocated, parameter group ferry-mysql80", "Would change (dry run",
                    "log_output       FILE -> TABLE");
            assertThat(peer.groups.get("ferry-mysql80")).containsEntry("log_output", "FILE");

            String[] apply = java.util.stream.Stream.concat(java.util.Arrays.stream(dryRun), java.util.stream.Stream.of("--apply"))
                    .toArray(String[]::new);
            assertThat(cmd.execute(apply)).isZero();
            assertThat(peer.groups.get("ferry-mysql80")).containsEntry("log_output", "TABLE").containsEntry("general_log", "1");
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    @Test
    void anUnknownInstanceIsNamed() {
        assertThatThrownBy(() -> new RdsLogParameters(rds).describe("nope"))
                .isInstanceOf(GenlogException.class).hasMessageContaining("DBInstance nope not found");
    }
}

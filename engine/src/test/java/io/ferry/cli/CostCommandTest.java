package io.ferry.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CostCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = FerryCli.newCommandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void thePresetPrintsTheTableTheBreakEvenAndTheAssumptions(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("out.csv");
        int code = run("cost", "--preset", "druid-adtech", "--csv", csv.toString(), "--horizon", "48",
                "--prices", Path.of("../resources/pricing/aws-us-east-1.json").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("cloud cumul.", "owned cumul.")
                .containsPattern("Break-even: (month \\d+|none within 48 months)")
                .contains("Cost per billion events")
                .contains("Sensitivity of the break-even month")
                .contains("hours per month      730")
                .contains("list prices as of 2025-01-15");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(49);
        assertThat(lines.get(0)).startsWith("month,load,cloud_compute");
        assertThat(lines.get(48)).startsWith("48,");
    }

    @Test
    void badInputGetsOneClearLine(@TempDir Path dir) throws Exception {
        assertThat(run("cost", "--preset", "druid-adtech", "--horizon", "0")).isNotZero();
        assertThat(err.toString()).contains("--horizon: must be 1 month or more, was 0");

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                cloud:
                  nodeGroups:
                    - {role: app, count: -3, instanceType: m5.large}
                owned:
                  power: {pue: 1.2, pricePerKwh: 0.1}
                  servers:
                    - {matches: app, price: 100, count: 1}
                """);
        assertThat(run("cost", "--scenario", bad.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("cloud.nodeGroups[0].count: must be 0 or more, was -3");
        assertThat(err.toString()).doesNotContain("Exception");
    }

    @Test
    void aPresetExportedToAFileRunsAsAScenario(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.yaml");
        assertThat(run("cost", "--preset", "druid-adtech", "--export-preset", file.toString())).isZero();
        assertThat(Files.readString(file)).contains("# The Druid cluster of an ad-tech company");
        assertThat(run("cost", "--scenario", file.toString(), "--horizon", "12")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Cloud versus owned over 12 months");
    }

    @Test
    void scenarioOrPresetIsRequired() {
        assertThat(run("cost")).isNotZero();
        assertThat(err.toString()).contains("give either --scenario FILE or --preset NAME");
    }
}

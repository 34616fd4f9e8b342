package io.ferry.cli;

import io.ferry.sandbox.WorkloadCounts;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxCommandTest {

    @Test
    void aNonPositiveRateIsRefusedBeforeAnythingStarts() {
        StringWriter err = new StringWriter();
        CommandLine cli = FerryCli.newCommandLine();
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("sandbox", "--dir", "/nonexistent/never-created", "--rate", "0");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--rate must be a positive number of rows per second");
        assertThat(new java.io.File("/nonexistent/never-created")).doesNotExist();
    }

    @Test
    void badLambdaOptionsAreRefusedBeforeAnythingStarts() {
        StringWriter err = new StringWriter();
        CommandLine cli = FerryCli.newCommandLine();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("sandbox", "--dir", "/nonexistent/never-created", "--with-druid", "--druid-drop", "1.5")).isEqualTo(2);
        assertThat(err.toString()).contains("drop and duplicate fractions must each be in [0, 1)", "1.5");

        err.getBuffer().setLength(0);
        assertThat(cli.execute("sandbox", "--dir", "/nonexistent/never-created", "--with-druid", "--druid-hours", "5",
                "--druid-late-rejection", "PT2H")).isEqualTo(2);
        assertThat(err.toString()).contains("5 back-filled hours", "lateMessageRejectionPeriod");
        assertThat(new java.io.File("/nonexistent/never-created")).doesNotExist();
    }

    @Test
    void helpListsTheOptions() {
        StringWriter out = new StringWriter();
        CommandLine cli = FerryCli.newCommandLine();
        cli.setOut(new PrintWriter(out));

        assertThat(cli.execute("sandbox", "--help")).isZero();
        assertThat(out.toString()).contains("--dir", "--rate", "--no-workload", "--system-mariadb", "--with-druid",
                "--druid-hours", "--druid-events-per-hour", "--druid-drop", "--druid-duplicate", "--druid-seed",
                "--druid-late-rejection", "--no-druid-feed");
    }

    @Test
    void theStatusLineShowsCountsAndTheRateOfTheLastInterval() {
        String line = SandboxCommand.statusLine(new WorkloadCounts(3000, 1500, 500, 3000, 0),
                new WorkloadCounts(2000, 1000, 0, 2000, 0), null);
        assertThat(line).contains("3,000 inserts", "1,500 updates", "500 deletes", "(200 rows/s)", "0 errors");
    }

    @Test
    void pathsArePastableIntoAShell() {
        assertThat(ShellQuote.quote("/root/.ferry/sandbox/ferry.yaml")).isEqualTo("/root/.ferry/sandbox/ferry.yaml");
        assertThat(ShellQuote.quote("/my dir/it's")).isEqualTo("'/my dir/it'\"'\"'s'");
    }
}

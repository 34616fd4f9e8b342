package io.ferry.cli;

import io.ferry.cost.CostCalculator;
import io.ferry.cost.CostCsv;
import io.ferry.cost.CostProjection;
import io.ferry.cost.CostReport;
import io.ferry.cost.Overrides;
import io.ferry.cost.PriceCatalogue;
import io.ferry.cost.PriceListRefresher;
import io.ferry.cost.Scenario;
import io.ferry.cost.ScenarioLoader;
import io.ferry.cost.Sensitivity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.pricing.PricingClient;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ferry cost}: cloud versus owned for a scenario, with break-even, sensitivity and assumptions. */
@Command(name = "cost", mixinStandardHelpOptions = true,
        description = {"Compares the cost of a cluster on AWS with owning the hardware, month by month.",
                "Prints the summary table, the break-even month, the sensitivity and the assumptions."},
        subcommands = CostCommand.RefreshPrices.class)
public final class CostCommand implements Callable<Integer> {
    static final Path USER_CATALOGUE = PriceCatalogue.USER_FILE;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "FILE", description = "Scenario YAML file.")
    Path scenarioFile;

    @Option(names = "--preset", paramLabel = "NAME", description = "A shipped scenario: ${COMPLETION-CANDIDATES}.",
            completionCandidates = Presets.class)
    String preset;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the month-by-month figures as CSV.")
    Path csv;

    @Option(names = "--horizon", paramLabel = "MONTHS", description = "Override the scenario's horizon.")
    Integer horizon;

    @Option(names = "--prices", paramLabel = "FILE",
            description = "Price catalogue JSON (default: ~/.ferry/pricing/aws-us-east-1.json if refreshed, else the shipped one).")
    Path prices;

    @Option(names = "--bench", description = "Time the model: full recomputes per second.")
    boolean bench;

    @Option(names = "--export-preset", paramLabel = "FILE",
            description = "With --preset: write the preset's YAML (with its comments) to FILE to edit, and stop.")
    Path exportPreset;

    static final class Presets implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ScenarioLoader.PRESETS.iterator();
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if ((scenarioFile == null) == (preset == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give either --scenario FILE or --preset NAME (presets: " + ScenarioLoader.PRESETS + ")");
        }
        if (exportPreset != null) {
            if (preset == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--export-preset needs --preset NAME");
            }
            Files.writeString(exportPreset, ScenarioLoader.presetText(preset));
            out.println("Wrote preset " + preset + " to " + exportPreset.toAbsolutePath()
                    + "; edit it and run: ferry cost --scenario " + exportPreset);
            out.flush();
            return 0;
        }
        if (horizon != null && horizon < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--horizon: must be 1 month or more, was " + horizon);
        }
        Scenario scenario = scenarioFile != null ? ScenarioLoader.load(scenarioFile) : ScenarioLoader.preset(preset);
        if (horizon != null) {
            scenario = scenario.withHorizon(horizon);
        }
        PriceCatalogue catalogue = catalogue(prices);
        CostCalculator calculator = new CostCalculator(catalogue);
        CostProjection projection = calculator.compute(scenario);
        List<Sensitivity.Curve> sensitivity = new Sensitivity(calculator).all(scenario, Overrides.NONE);
        out.print(CostReport.render(projection, catalogue, sensitivity));
        if (csv != null) {
            try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                CostCsv.write(projection, w);
            }
            out.println();
            out.println("CSV written to " + csv.toAbsolutePath());
        }
        if (bench) {
            bench(out, calculator, scenario);
        }
        out.flush();
        return 0;
    }

    static PriceCatalogue catalogue(Path explicit) {
        return explicit != null ? PriceCatalogue.load(explicit) : PriceCatalogue.standard();
    }

    private static void bench(PrintWriter out, CostCalculator calculator, Scenario scenario) {
        Sensitivity sensitivity = new Sensitivity(calculator);
        long sink = 0;
        for (int i = 0; i < 2_000; i++) { // warm-up for the JIT
            sink += calculator.compute(scenario).horizon();
        }
        int runs = 0;
        long start = System.nanoTime();
        long deadline = start + 3_000_000_000L;
        while (System.nanoTime() < deadline) {
            sink += calculator.compute(scenario).horizon();
            runs++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int sens = 0;
        long s2 = System.nanoTime();
        while (System.nanoTime() - s2 < 1_000_000_000L) {
            sink += sensitivity.all(scenario, Overrides.NONE).size();
            sens++;
        }
        double sensSeconds = (System.nanoTime() - s2) / 1e9;
        out.println();
        out.printf(Locale.ROOT, "Benchmark: %,.0f full %d-month computations/s (%.3f ms each, validation included); "
                        + "sensitivity (3 curves, %d computations) %.2f ms [checksum %d]%n",
                runs / seconds, scenario.horizon(), seconds * 1000 / runs,
                sensitivity.all(scenario, Overrides.NONE).stream().mapToInt(c -> c.points().size()).sum(),
                sensSeconds * 1000 / sens, sink % 10);
    }

    /** {@code ferry cost refresh-prices}: instance prices from the AWS Price List API. */
    @Command(name = "refresh-prices", mixinStandardHelpOptions = true,
            description = {"Refreshes EC2 and RDS instance prices from the AWS Price List API (needs an AWS account:",
                    "AWS_PROFILE, or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY). Types the API does not return are kept, flagged."})
    static final class RefreshPrices implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--from", paramLabel = "FILE", description = "Catalogue to start from (default: the one `ferry cost` uses).")
        Path from;

        @Option(names = "--out", paramLabel = "FILE", description = "Where to write (default: ${DEFAULT-VALUE}).")
        Path out = USER_CATALOGUE;

        @Option(names = "--endpoint-url", paramLabel = "URL", description = "Price List API endpoint (default: AWS's, us-east-1).")
        URI endpoint;

        @Option(names = "--add-type", paramLabel = "TYPE", split = ",", description = "EC2 instance types to add.")
        List<String> addTypes = List.of();

        @Override
        public Integer call() throws IOException {
            PrintWriter w = spec.commandLine().getOut();
            PriceCatalogue old = catalogue(from);
            var builder = PricingClient.builder().region(Region.US_EAST_1)
                    .credentialsProvider(DefaultCredentialsProvider.builder().build());
            if (endpoint != null) {
                builder.endpointOverride(endpoint);
            }
            PriceListRefresher.Result r;
            try (PricingClient client = builder.build()) {
                r = new PriceListRefresher(client).refresh(old, addTypes, LocalDate.now());
            } catch (SdkClientException e) {
                throw new IllegalStateException("cannot reach the AWS Price List API: " + e.getMessage()
                        + " (configure an AWS account with AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY;"
                        + " the shipped catalogue of " + old.asOf() + " stays in use)", e);
            }
            r.catalogue().save(out);
            w.println("Refreshed from " + old.origin() + " into " + out.toAbsolutePath());
            w.println("  changed:   " + (r.changed().isEmpty() ? "none" : String.join("; ", r.changed())));
            w.println("  unchanged: " + r.unchanged().size() + " types");
            if (!r.added().isEmpty()) {
                w.println("  added:     " + r.added());
            }
            if (!r.keptNotReturned().isEmpty()) {
                w.println("  kept, not returned by the API (flagged, old price): " + r.keptNotReturned());
            }
            w.flush();
            return 0;
        }
    }
}

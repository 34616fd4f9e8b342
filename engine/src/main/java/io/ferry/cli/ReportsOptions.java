package io.ferry.cli;

import io.ferry.config.ConfigLoader;
import io.ferry.config.FerryConfig;
import io.ferry.config.ReportsConfig;
import io.ferry.config.ReportsConfigLoader;
import io.ferry.reporting.ReportService;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

/** The options {@code ferry report} and {@code ferry serve} share: ferry.yaml (connections) and the reports file. */
final class ReportsOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "ferry.yaml",
            description = "The configuration file with the druid and mysql connections (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--reports", paramLabel = "FILE",
            description = "The reports file (default: reports.yaml next to the configuration file).")
    Path reportsFile;

    FerryConfig ferryConfig() {
        return ConfigLoader.load(config);
    }

    ReportsConfig reportsConfig() {
        Path file = reportsFile != null ? reportsFile
                : Optional.ofNullable(config.toAbsolutePath().getParent()).orElse(Path.of(".")).resolve("reports.yaml");
        return ReportsConfigLoader.load(file);
    }

    ReportService service() {
        return new ReportService(ferryConfig(), reportsConfig());
    }
}

package io.ferry.cli;

import io.ferry.reporting.DataTableJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ferry report}: runs one declared report and prints its Google Visualization DataTable JSON. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Runs a report of the reports file (Druid SQL joined with a MySQL dimension table) and prints it "
                + "as Google Visualization DataTable JSON, as GET /api/reports/NAME of `ferry serve` answers it.")
final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ReportsOptions options;

    @Option(names = "--report", paramLabel = "NAME", required = true, description = "The report's name.")
    String report;

    @Option(names = "--from", paramLabel = "TIME", description = "The from parameter (2024-01-01 or an instant, UTC).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "The to parameter.")
    String to;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "Any other parameter the report names (repeatable).")
    Map<String, String> params = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        Map<String, String> all = new LinkedHashMap<>(params);
        if (from != null) {
            all.put("from", from);
        }
        if (to != null) {
            all.put("to", to);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(DataTableJson.write(options.service().run(report, all)));
        out.flush();
        return 0;
    }
}

package io.ferry.cli;

import io.ferry.config.FerryConfig;
import io.ferry.config.ReportsConfig;
import io.ferry.config.SecretResolver;
import io.ferry.reporting.ReportService;
import io.ferry.server.ApiServer;
import io.ferry.server.ApiToken;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code ferry serve}: the HTTP API (reports, health) until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves Ferry's HTTP API: GET /healthz and GET /api/reports/NAME?from=&to= (bearer token).",
                "Listens on 127.0.0.1 unless --bind or the reports file's server.bind says otherwise. The token is the "
                        + "reports file's server.token, or a new one written at each start to <dataDir>/api-token (0600)."})
final class ServeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ReportsOptions options;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (default: server.bind, else 127.0.0.1).")
    String bind;

    @Option(names = "--port", paramLabel = "PORT", description = "Port (default: server.port, else 8765; 0 for a free one).")
    Integer port;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        FerryConfig ferry = options.ferryConfig();
        ReportsConfig reports = options.reportsConfig();
        ApiToken token;
        String tokenSource;
        if (reports.token().isPresent()) {
            token = new ApiToken(SecretResolver.forConfig(ferry).resolve(reports.token().get()));
            tokenSource = "from " + reports.token().get();
        } else {
            token = ApiToken.generate(ferry.dataDir());
            tokenSource = "in " + ApiToken.file(ferry.dataDir()) + " (0600, new at each start)";
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (ApiServer server = ApiServer.start(bind != null ? bind : reports.bind(), port != null ? port : reports.port(),
                token, new ReportService(ferry, reports))) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "ferry-serve-stop"));
            out.println("Ferry API listening on " + server.uri() + " (" + reports.reports().size() + " report(s): "
                    + String.join(", ", reports.reports().keySet()) + ")");
            out.println("Token " + tokenSource);
            out.println("Try: curl -H \"Authorization: Bearer $(cat " + ApiToken.file(ferry.dataDir()) + ")\" '" + server.uri()
                    + "api/reports/" + reports.reports().keySet().stream().findFirst().orElse("NAME")
                    + "?from=2024-01-01&to=2024-01-02'");
            out.flush();
            stopped.await();
        }
        return 0;
    }
}

package io.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.config.ConfigLoader;
import io.ferry.config.FerryConfig;
import io.ferry.engine.EngineStatusServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ferry status}: what the running engine of a configuration is doing, from its status endpoint. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Shows the running engine (`ferry engine run`) of a configuration: per replication job the same "
                + "one-line status as `ferry replicate` (state, rows/s, backlog, lags, purge horizon) and the state of "
                + "each table; then the engine's scheduled jobs.",
                "Finds the engine through <dataDir>/engine-status and its token in <dataDir>/engine-token. Exit code 1 "
                        + "when no engine runs for the configuration."})
final class StatusCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "ferry.yaml",
            description = "The configuration file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--job", paramLabel = "NAME", description = "Only this replication job.")
    String job;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FerryConfig cfg = ConfigLoader.load(config);
        Path addressFile = cfg.dataDir().resolve(EngineStatusServer.ADDRESS_FILE);
        String address;
        String token;
        try {
            address = Files.readString(addressFile, StandardCharsets.UTF_8).strip();
            token = Files.readString(cfg.dataDir().resolve(EngineStatusServer.TOKEN_FILE), StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            err.println("No engine is running for " + config + " (no " + addressFile + "): start one with `ferry engine run --config "
                    + config + "`");
            return 1;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(address).resolve("api/status"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            err.println("No engine answers at " + address + " (from " + addressFile + "; it may have been killed): start one "
                    + "with `ferry engine run --config " + config + "`");
            return 1;
        } catch (IOException e) {
            err.println("The engine at " + address + " did not answer: " + e.getMessage());
            return 1;
        }
        if (response.statusCode() != 200) {
            err.println("The engine at " + address + " answered " + response.statusCode() + ": " + response.body());
            return 1;
        }
        boolean found = print(new ObjectMapper().readTree(response.body()), out);
        out.flush();
        return found ? 0 : 1;
    }

    /** False when --job names no job of the engine. */
    private boolean print(JsonNode status, PrintWriter out) {
        out.println("Engine pid " + status.path("pid").asLong() + ", started " + status.path("started").asText());
        boolean any = false;
        for (JsonNode j : status.path("replication")) {
            if (job != null && !job.equals(j.path("name").asText())) {
                continue;
            }
            any = true;
            out.println("Job " + j.path("name").asText() + ": " + j.path("source").asText() + " → " + j.path("target").asText()
                    + ", tables " + j.path("tables").asText() + (j.path("running").asBoolean() ? "" : " (not running)"));
            if (!j.path("line").isMissingNode() && !j.path("line").isNull()) {
                out.println("  " + j.path("line").asText());
            } else {
                out.println("  " + j.path("state").asText() + (j.path("lastError").isNull() || j.path("lastError").isMissingNode()
                        ? "" : "  error: " + j.path("lastError").asText()));
            }
            for (JsonNode t : j.path("tableStates")) {
                int percent = t.path("loadPercent").asInt(-1);
                long lag = t.path("applyLagMillis").asLong(-1);
                out.println(String.format(Locale.ROOT, "    %-40s %-14s rows loaded %,d  applied %,d  last change %s  lag %s",
                        t.path("table").asText(), t.path("state").asText() + (percent >= 0 ? " " + percent + "%" : ""),
                        t.path("rowsLoaded").asLong(), t.path("rowsApplied").asLong(),
                        t.path("lastChange").isNull() ? "-" : t.path("lastChange").asText(),
                        lag < 0 ? "-" : String.format(Locale.ROOT, "%.1f s", lag / 1000.0)));
            }
        }
        if (job != null && !any) {
            out.println("No replication job named '" + job + "' runs in this engine");
        }
        for (JsonNode s : status.path("scheduled")) {
            out.println("Scheduled: " + s.asText());
        }
        return job == null || any;
    }
}
